/**
 * 通知公告: the notices to the member's branch (pinned first, newest first) with a mark on those
 * not opened yet; a secretary (or an office) also finds 发布通知 and the notices they wrote
 * (`?mine=1`), with their state.
 */
import type { NoticeDetail, NoticeSummary } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listNotices, myNotices, noticeAudiences } from '../../../services/notices';
import { syncCareMode } from '../../../utils/care-mode';
import { noticeRow, type NoticeRow } from '../../../utils/notice-row';
import { PagedList, showFirstPage } from '../../../utils/paged-list';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

const tabs = (mine: boolean) => [
  { key: 'all', label: '收到的通知', className: mine ? 'chip' : 'chip chip--on' },
  { key: 'mine', label: '我发布的', className: mine ? 'chip chip--on' : 'chip' },
];

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    canPublish: false,
    tabs: tabs(false),
    mine: false,
    notices: [] as NoticeRow[],
    noticesFooter: PagedList.footer(false, 0),
  },
  list: null as PagedList<NoticeSummary | NoticeDetail, NoticeRow> | null,

  onLoad(query: Record<string, string | undefined>) {
    const mine = query.mine === '1';
    this.setData({ mine, tabs: tabs(mine) });
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },
  onTab(e: Tap<{ key: string }>) {
    const mine = e.currentTarget.dataset.key === 'mine';
    if (mine === this.data.mine) return;
    this.setData({ mine, tabs: tabs(mine), status: 'loading' });
    void this.load();
  },
  onOpen(e: Tap<{ id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.noticeDetail, { id: e.currentTarget.dataset.id }) });
  },
  onCompose() {
    void wx.navigateTo({ url: ROUTES.noticeCompose });
  },
  async load() {
    const { mine } = this.data;
    this.list = new PagedList<NoticeSummary | NoticeDetail, NoticeRow>(
      this,
      'notices',
      (offset) => (mine ? myNotices(offset) : listNotices(offset)),
      noticeRow,
    );
    const canPublish = await noticeAudiences().then(
      (items) => items.length > 0,
      (err: unknown) => {
        console.warn('[notices] audiences', errorMessage(err));
        return false;
      },
    );
    await showFirstPage(this, this.list, { canPublish });
  },
});
