/**
 * 评议表导出: the review of a branch, pairing or committee for a year as an .xlsx workbook (a
 * summary sheet and one evidence sheet per figure), opened with WeChat's document viewer.
 */
import type { ReviewScope, ReviewScopeOption } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { exportReview, reviewScopes } from '../../../services/review';
import { syncCareMode } from '../../../utils/care-mode';
import { yearInShanghai } from '../../../utils/date';
import { openAttachment } from '../../../utils/open-attachment';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';

const KIND_TEXT = { branch: '支部', pairing: '联建', committee: '党委' } as const;

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '只有支部书记、委员和党委组织部门可以导出评议表',
    scopes: [] as (ReviewScopeOption & { kindText: string; className: string })[],
    selected: 0,
    years: [] as { year: number; className: string }[],
    year: yearInShanghai(),
    exporting: false,
    resultText: '',
    formError: '',
  },
  wanted: null as ReviewScope | null,
  onLoad(query: Record<string, string | undefined>) {
    if (query.kind && query.id) this.wanted = { kind: query.kind as ReviewScope['kind'], id: query.id };
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
  async load() {
    try {
      const scopes = await reviewScopes();
      const wanted = this.wanted;
      const found = wanted ? scopes.findIndex((s) => s.kind === wanted.kind && s.id === wanted.id) : 0;
      this.show(scopes, Math.max(found, 0));
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(scopes: ReviewScopeOption[], selected: number) {
    setChanged(this, {
      status: scopes.length ? 'ready' : 'empty',
      selected,
      scopes: scopes.map((s, i) => ({
        ...s,
        kindText: KIND_TEXT[s.kind],
        className: i === selected ? 'row export__scope--on' : 'row',
      })),
    });
  },
  onScope(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const selected = e.currentTarget.dataset.index;
    this.setData({
      selected,
      scopes: this.data.scopes.map((s, i) => ({ ...s, className: i === selected ? 'row export__scope--on' : 'row' })),
    });
  },
  onYear(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { year: number }>) {
    this.setData({ year: e.currentTarget.dataset.year });
    this.setYears();
  },
  async onExport() {
    const picked = this.data.scopes[this.data.selected];
    if (!picked || this.data.exporting) return;
    this.setData({ exporting: true, formError: '', resultText: '' });
    try {
      const file = await exportReview({ kind: picked.kind, id: picked.id }, this.data.year);
      this.setData({ exporting: false, resultText: `已生成：${file.fileName}（链接约 1 天内有效）` });
      await openAttachment(file.url, file.fileName);
    } catch (err) {
      this.setData({ exporting: false, formError: errorMessage(err) });
    }
  },
});
