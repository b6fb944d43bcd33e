/**
 * 三会一课: what a branch has held, is due or is overdue this month (the committee's rhythm), or,
 * opened by a committee office with `committeeId`, every branch of the committee at a glance.
 */
import type {
  BranchCadence,
  CadenceItem,
  CadenceLine,
  CadencePeriod,
  CadenceRulesView,
  CommitteeCadence,
  OrgLifeKind,
} from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { branchCadence, committeeCadence, setCadenceRules } from '../../../services/review';
import { toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { todayInShanghai } from '../../../utils/date';
import { withQuery, ROUTES } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';

const PERIOD = { month: '每月', quarter: '每季度', halfYear: '每半年', year: '每年' } as const;
const STATE = {
  done: { text: '已完成', className: 'tag tag--done' },
  due: { text: '本期待开展', className: 'tag tag--warn' },
  overdue: { text: '上期未开展', className: 'tag tag--overdue' },
} as const;

const lineView = (line: CadenceLine) => ({
  key: `${line.kind}-${line.period}`,
  title: line.kind,
  rule: `${PERIOD[line.period]} ${line.times} 次 · ${line.periodLabel} 已开展 ${line.held} 次`,
  stateText: STATE[line.state].text,
  stateClass: STATE[line.state].className,
  evidence: line.evidence.map((e) => ({ id: e.id, text: `${e.date.slice(5)} ${e.title}`, link: e.link })),
});

const branchView = (b: BranchCadence) => ({
  id: b.branch.id,
  name: b.branch.name,
  summary: b.overdue || b.due ? `待开展 ${b.due} 项 · 逾期 ${b.overdue} 项` : '本月均已完成',
  summaryClass: b.overdue ? 'tag tag--overdue' : b.due ? 'tag tag--warn' : 'tag tag--done',
  lines: b.lines.map(lineView),
});

const KINDS: OrgLifeKind[] = [
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '联学',
];
const PERIOD_CHOICES: { value: CadencePeriod | 'none'; label: string }[] = [
  { value: 'none', label: '不要求' },
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'halfYear', label: '每半年' },
  { value: 'year', label: '每年' },
];

/** The rhythm as one row per kind with its period chips (the office edits it here). */
function rulesView(items: CadenceItem[]) {
  return KINDS.map((kind) => {
    const period: CadencePeriod | 'none' = items.find((i) => i.kind === kind)?.period ?? 'none';
    return {
      kind,
      period,
      chips: PERIOD_CHOICES.map((c) => ({ ...c, className: c.value === period ? 'chip chip--on' : 'chip' })),
    };
  });
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    month: '',
    monthText: '',
    committeeName: '',
    isCommittee: false,
    branches: [] as ReturnType<typeof branchView>[],
    rules: [] as ReturnType<typeof rulesView>,
    notesPerMonth: '1',
    visitsPerYear: '1',
    editing: false,
    saving: false,
    rulesError: '',
  },
  branchId: '',
  committeeId: '',
  onLoad(query: Record<string, string | undefined>) {
    this.branchId = query.branchId ?? '';
    this.committeeId = query.committeeId ?? '';
    const month = query.month ?? todayInShanghai().slice(0, 7);
    this.setData({ month, isCommittee: this.committeeId !== '' });
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onPrev() {
    this.setData({ month: shiftMonth(this.data.month, -1), status: 'loading' });
    void this.load();
  },
  onNext() {
    this.setData({ month: shiftMonth(this.data.month, 1), status: 'loading' });
    void this.load();
  },
  onEvidence(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { link: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.link });
  },
  onBranch(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    if (!this.data.isCommittee) return;
    void wx.navigateTo({
      url: withQuery(ROUTES.cadence, { branchId: e.currentTarget.dataset.id, month: this.data.month }),
    });
  },
  showRules(rules: CadenceRulesView) {
    setChanged(this, {
      rules: rulesView(rules.items),
      notesPerMonth: String(rules.contactDuty.notesPerMonth),
      visitsPerYear: String(rules.contactDuty.visitsPerYear),
    });
  },
  onEditRules() {
    this.setData({ editing: true, rulesError: '' });
  },
  onPeriod(
    e: WechatMiniprogram.TouchEvent<
      Record<string, never>,
      Record<string, never>,
      { index: number; value: CadencePeriod | 'none' }
    >,
  ) {
    const { index, value } = e.currentTarget.dataset;
    const row = this.data.rules[index];
    if (!row || !this.data.editing) return;
    this.setData({
      [`rules[${index}].period`]: value,
      [`rules[${index}].chips`]: PERIOD_CHOICES.map((c) => ({
        ...c,
        className: c.value === value ? 'chip chip--on' : 'chip',
      })),
    });
  },
  onDuty(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },
  async onSaveRules() {
    if (this.data.saving) return;
    const items: CadenceItem[] = this.data.rules.flatMap((r) =>
      r.period === 'none' ? [] : [{ kind: r.kind, period: r.period, times: 1 }],
    );
    const clamp = (text: string, max: number) => Math.min(max, Math.max(0, Math.floor(Number(text) || 0)));
    this.setData({ saving: true, rulesError: '' });
    try {
      await setCadenceRules({
        committeeId: this.committeeId,
        items,
        contactDuty: {
          notesPerMonth: clamp(this.data.notesPerMonth, 10),
          visitsPerYear: clamp(this.data.visitsPerYear, 24),
        },
      });
      this.setData({ saving: false, editing: false });
      toast('已保存');
      void this.load();
    } catch (err) {
      this.setData({ saving: false, rulesError: errorMessage(err) });
    }
  },
  async load() {
    const month = this.data.month;
    const [y, m] = month.split('-');
    try {
      if (this.committeeId) {
        const view: CommitteeCadence = await committeeCadence(this.committeeId, month);
        setChanged(this, {
          status: view.branches.length ? 'ready' : 'empty',
          emptyText: '本党委还没有支部',
          committeeName: view.committee.name,
          monthText: `${y}年${Number(m)}月`,
          branches: view.branches.map(branchView),
        });
        if (!this.data.editing) this.showRules(view.rules);
      } else {
        const view = await branchCadence(this.branchId || undefined, month);
        setChanged(this, {
          status: 'ready',
          committeeName: '',
          monthText: `${y}年${Number(m)}月`,
          branches: [branchView(view)],
        });
      }
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
