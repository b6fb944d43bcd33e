/** The records one review figure counts (date, title, detail), each opening the page that shows it. */
import type { ReviewEvidence, ReviewScope } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { reviewEvidence } from '../../../services/review';
import { syncCareMode } from '../../../utils/care-mode';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { shownValue } from '../figure-text';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '没有记录',
    title: '',
    summary: '',
    rows: [] as { key: string; date: string; title: string; detail: string; link: string }[],
  },
  scope: { kind: 'branch', id: '' } as ReviewScope,
  year: 0,
  figure: '',
  month: 0,
  onLoad(query: Record<string, string | undefined>) {
    this.scope = { kind: (query.kind ?? 'branch') as ReviewScope['kind'], id: query.id ?? '' };
    this.year = Number(query.year ?? 0);
    this.figure = query.figure ?? '';
    this.month = Number(query.month ?? 0);
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
      const view: ReviewEvidence = await reviewEvidence(this.scope, this.year, this.figure, this.month || undefined);
      setChanged(this, {
        status: view.rows.length ? 'ready' : 'empty',
        emptyText: `${view.figure.title}：${this.year}年没有记录`,
        title: view.figure.title,
        summary: `${view.scope.name} · ${this.year}年${this.month ? `${this.month}月` : ''} · ${shownValue({ unit: view.figure.unit, value: view.value })}（${view.rows.length} 条）`,
        rows: view.rows.map((r, i) => ({
          key: `${r.id}-${i}`,
          date: r.date,
          title: r.title,
          detail: r.detail ?? r.kind ?? '',
          link: r.link,
        })),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onRow(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { link: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.link });
  },
});
