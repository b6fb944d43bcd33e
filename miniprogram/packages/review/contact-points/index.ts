/**
 * 党支部工作联系点. Opened with `committeeId` by the committee office: every contact point of the
 * year, who met the duty and who did not (months missed, visits owed). Otherwise the leader's
 * own points, each with a form to log this month's note or a visit.
 */
import type { ContactPointView, VisitKind } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listDirectory, listMembers } from '../../../services/branch';
import { appointContactPoint, contactBoard, logContact, myContactPoints } from '../../../services/review';
import { toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { todayInShanghai, yearInShanghai } from '../../../utils/date';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';

const VISIT_KINDS: VisitKind[] = ['调研', '讲党课', '指导', '座谈'];
const KIND_CHOICES = [
  { value: 'note', label: '月度联系' },
  ...VISIT_KINDS.map((v) => ({ value: v, label: `走访·${v}` })),
];

const pointView = (p: ContactPointView) => ({
  id: p.id,
  title: `${p.leader.name} → ${p.branch.name}`,
  leaderBranch: p.leader.branchName,
  term: `${p.termStart} 至 ${p.termEnd}`,
  summary: `已记录 ${p.notedMonths.length} 个月 · 走访 ${p.visits} 次`,
  met: p.met,
  stateText: p.met ? '履职到位' : '未到位',
  stateClass: p.met ? 'tag tag--done' : 'tag tag--overdue',
  owing: p.owing.join('；'),
  logs: p.logs.slice(0, 6).map((l) => ({
    id: l.id,
    text: `${l.date} ${l.kind === 'visit' ? `走访·${l.visitKind ?? ''}` : '月度联系'}：${l.summary}`,
  })),
});

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    isOffice: false,
    heading: '',
    dutyText: '',
    year: yearInShanghai(),
    points: [] as ReturnType<typeof pointView>[],
    choices: KIND_CHOICES.map((c, i) => ({ ...c, className: i === 0 ? 'chip chip--on' : 'chip' })),
    choice: 'note',
    formFor: '',
    summary: '',
    saving: false,
    formError: '',
    /** The office's appointment form. */
    appoint: {
      open: false,
      branches: [] as { id: string; name: string }[],
      branchNames: [] as string[],
      leaderBranch: -1,
      leaders: [] as { id: string; name: string }[],
      leaderNames: [] as string[],
      leader: -1,
      target: -1,
      termStart: '',
      termEnd: '',
      saving: false,
      error: '',
    },
  },
  committeeId: '',
  onLoad(query: Record<string, string | undefined>) {
    this.committeeId = query.committeeId ?? '';
    this.setData({ isOffice: this.committeeId !== '', formFor: query.id ?? '' });
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      if (this.committeeId) {
        const board = await contactBoard(this.committeeId, this.data.year);
        setChanged(this, {
          status: board.points.length ? 'ready' : 'empty',
          emptyText: '还没有安排联系点',
          heading: `${board.committee.name} · ${board.year}年`,
          dutyText: `要求：每月联系 ${board.duty.notesPerMonth} 次，全年走访 ${board.duty.visitsPerYear} 次 · 到位 ${board.met} 人，未到位 ${board.notMet} 人`,
          points: board.points.map(pointView),
        });
      } else {
        const mine = await myContactPoints(this.data.year);
        setChanged(this, {
          status: mine.length ? 'ready' : 'empty',
          emptyText: '你还没有联系点',
          heading: `我的联系点 · ${this.data.year}年`,
          dutyText: '',
          points: mine.map(pointView),
          formFor: this.data.formFor || mine[0]?.id || '',
        });
      }
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onChoice(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>) {
    const { value } = e.currentTarget.dataset;
    this.setData({
      choice: value,
      choices: KIND_CHOICES.map((c) => ({ ...c, className: c.value === value ? 'chip chip--on' : 'chip' })),
    });
  },
  onPoint(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    if (!this.data.isOffice) this.setData({ formFor: e.currentTarget.dataset.id });
  },
  onSummary(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ summary: e.detail.value, formError: '' });
  },
  async onOpenAppoint() {
    const today = todayInShanghai();
    try {
      const { items } = await listDirectory(this.committeeId, 0);
      const branches = items.filter((o) => o.kind === 'branch').map((o) => ({ id: o.id, name: o.name }));
      this.setData({
        appoint: {
          ...this.data.appoint,
          open: true,
          branches,
          branchNames: branches.map((b) => b.name),
          termStart: today,
          termEnd: `${Number(today.slice(0, 4)) + 1}-12-31`,
          error: '',
        },
      });
    } catch (err) {
      this.setData({ 'appoint.open': true, 'appoint.error': errorMessage(err) });
    }
  },
  async onLeaderBranch(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const index = Number(e.detail.value);
    const branch = this.data.appoint.branches[index];
    if (!branch) return;
    this.setData({
      'appoint.leaderBranch': index,
      'appoint.leader': -1,
      'appoint.leaders': [],
      'appoint.leaderNames': [],
    });
    try {
      const { items } = await listMembers(branch.id, 'active', 0);
      const leaders = items.map((m) => ({ id: m.id, name: m.name }));
      this.setData({ 'appoint.leaders': leaders, 'appoint.leaderNames': leaders.map((m) => m.name) });
    } catch (err) {
      this.setData({ 'appoint.error': errorMessage(err) });
    }
  },
  onAppointPick(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
    const { field } = e.currentTarget.dataset;
    const value = field === 'termStart' || field === 'termEnd' ? e.detail.value : Number(e.detail.value);
    this.setData({ [`appoint.${field}`]: value, 'appoint.error': '' });
  },
  async onAppoint() {
    const a = this.data.appoint;
    const leader = a.leaders[a.leader];
    const target = a.branches[a.target];
    const own = a.branches[a.leaderBranch];
    if (a.saving) return;
    if (!leader || !target || !own) {
      this.setData({ 'appoint.error': '请选择领导和联系的支部' });
      return;
    }
    if (target.id === own.id) {
      this.setData({ 'appoint.error': '联系点须是本人所在支部以外的支部' });
      return;
    }
    this.setData({ 'appoint.saving': true, 'appoint.error': '' });
    try {
      await appointContactPoint({
        committeeId: this.committeeId,
        leaderOpenid: leader.id,
        branchId: target.id,
        termStart: a.termStart,
        termEnd: a.termEnd,
      });
      this.setData({ 'appoint.saving': false, 'appoint.open': false });
      toast('已安排');
      void this.load();
    } catch (err) {
      this.setData({ 'appoint.saving': false, 'appoint.error': errorMessage(err) });
    }
  },
  async onLog() {
    const { choice, summary, formFor, saving } = this.data;
    if (saving || !formFor) return;
    if (!summary.trim()) {
      this.setData({ formError: '请填写联系或走访的内容' });
      return;
    }
    this.setData({ saving: true });
    try {
      await logContact({
        contactPointId: formFor,
        date: todayInShanghai(),
        summary,
        ...(choice === 'note' ? { kind: 'note' as const } : { kind: 'visit' as const, visitKind: choice as VisitKind }),
      });
      this.setData({ saving: false, summary: '' });
      toast('已记录');
      void this.load();
    } catch (err) {
      this.setData({ saving: false, formError: errorMessage(err) });
    }
  },
});
