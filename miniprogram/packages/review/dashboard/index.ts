/**
 * The review dashboard (述职评议): for a committee (its office) or a branch / pairing (its leaders),
 * the year's figures — charts where people look (attendance by month, sessions by kind, coverage),
 * then every figure, each tapping through to the records it counts.
 */
import type { FigureValue, ReviewFigures, ReviewScope, ReviewScopeOption } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { reviewFigures, reviewScopes } from '../../../services/review';
import { syncCareMode } from '../../../utils/care-mode';
import { yearInShanghai } from '../../../utils/date';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { shownValue } from '../figure-text';

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function find(figures: FigureValue[], key: string): FigureValue | undefined {
  return figures.find((f) => f.key === key);
}

function charts(view: ReviewFigures) {
  const out = [];
  const rate = find(view.figures, 'attendanceRate');
  if (rate)
    out.push({
      id: 'attendance',
      title: '出席率（按月，扣除请假）',
      chart: {
        type: 'line',
        categories: MONTHS,
        series: [{ name: '出席率%', data: rate.byMonth.map((v) => (v === null ? null : Math.round(v * 1000) / 10)) }],
      },
      text: rate.byMonth.map((v, i) => `${i + 1}月 ${v === null ? '—' : `${Math.round(v * 100)}%`}`).join('  '),
      unit: '%',
      note: `全年 ${shownValue(rate)}`,
    });
  const sessions = find(view.figures, 'sessions');
  if (sessions && sessions.byKind.length)
    out.push({
      id: 'sessions',
      title: '组织生活（按类型）',
      chart: {
        type: 'column',
        categories: sessions.byKind.map((k) => k.kind),
        series: [{ name: '次数', data: sessions.byKind.map((k) => k.value) }],
      },
      text: sessions.byKind.map((k) => `${k.kind} ${k.value}`).join('  '),
      unit: '次',
      note: '',
    });
  const total = find(view.figures, 'branches')?.value ?? 0;
  const paired = find(view.figures, 'branchesPaired')?.value ?? 0;
  if (total > 0)
    out.push({
      id: 'coverage',
      title: '结对覆盖',
      chart: {
        type: 'ring',
        categories: [],
        series: [
          { name: '已结对', data: paired },
          { name: '未结对', data: total - paired },
        ],
      },
      text: `已结对 ${paired} / 支部 ${total}（${Math.round((paired / total) * 100)}%）`,
      unit: '个',
      note: `已结对 ${paired} / 支部 ${total}（${Math.round((paired / total) * 100)}%）`,
    });
  return out;
}

function groups(view: ReviewFigures) {
  const names = [...new Set(view.figures.map((f) => f.group))];
  return names.map((name) => ({
    name,
    figures: view.figures
      .filter((f) => f.group === name)
      .map((f) => ({ key: f.key, title: f.title, value: shownValue(f), count: `${f.evidenceCount} 条依据` })),
  }));
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    scopes: [] as (ReviewScopeOption & { className: string })[],
    scopeName: '',
    year: yearInShanghai(),
    years: [] as { year: number; className: string }[],
    charts: [] as ReturnType<typeof charts>,
    groups: [] as ReturnType<typeof groups>,
  },
  scope: null as ReviewScope | null,
  onLoad(query: Record<string, string | undefined>) {
    if (query.kind && query.id) this.scope = { kind: query.kind as ReviewScope['kind'], id: query.id };
    if (query.year) this.setData({ year: Number(query.year) });
    this.setYears();
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  setYears() {
    const now = yearInShanghai();
    this.setData({
      years: [now, now - 1].map((year) => ({ year, className: year === this.data.year ? 'chip chip--on' : 'chip' })),
    });
  },
  onYear(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { year: number }>) {
    this.setData({ year: e.currentTarget.dataset.year, status: 'loading' });
    this.setYears();
    void this.load();
  },
  onScope(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const picked = this.data.scopes[e.currentTarget.dataset.index];
    if (!picked) return;
    this.scope = { kind: picked.kind, id: picked.id };
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      const scopes = await reviewScopes();
      if (!this.scope) {
        const first = scopes.find((s) => s.kind === 'committee') ?? scopes[0];
        if (!first) {
          setChanged(this, { status: 'empty', emptyText: '只有支部书记、委员和党委组织部门可以查看述职评议' });
          return;
        }
        this.scope = { kind: first.kind, id: first.id };
      }
      const scope = this.scope;
      const view = await reviewFigures(scope, this.data.year);
      setChanged(this, {
        status: 'ready',
        scopes: scopes.map((s) => ({
          ...s,
          className: s.kind === scope.kind && s.id === scope.id ? 'chip chip--on' : 'chip',
        })),
        scopeName: view.scope.name,
        charts: charts(view),
        groups: groups(view),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onFigure(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
    if (!this.scope) return;
    void wx.navigateTo({
      url: withQuery(ROUTES.evidence, {
        kind: this.scope.kind,
        id: this.scope.id,
        year: String(this.data.year),
        figure: e.currentTarget.dataset.key,
      }),
    });
  },
  onExport() {
    if (!this.scope) return;
    void wx.navigateTo({
      url: withQuery(ROUTES.reviewExport, { kind: this.scope.kind, id: this.scope.id, year: String(this.data.year) }),
    });
  },
});
