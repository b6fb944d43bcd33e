/**
 * 首页's notice strip: up to three notices the member has not opened yet (pinned first), each
 * opening its detail, and 全部 to the list. Shows nothing when all are read or the call fails: a
 * strip on 首页 is never worth an error. Asks again each time its page shows.
 */
import { forgetUnread, loadUnread } from '../../store/notice-badge';
import { ROUTES, withQuery } from '../../utils/routes';

interface StripLine {
  id: string;
  title: string;
  pinned: boolean;
}

Component({
  data: {
    lines: [] as StripLine[],
    more: 0,
  },
  lifetimes: {
    attached() {
      void this.refresh();
    },
  },
  pageLifetimes: {
    show() {
      void this.refresh();
    },
  },
  methods: {
    async refresh() {
      const { count, latest } = await loadUnread();
      const lines = latest.map((n) => ({ id: n.id, title: n.title, pinned: n.pinned }));
      const more = Math.max(0, count - lines.length);
      if (JSON.stringify(lines) !== JSON.stringify(this.data.lines) || more !== this.data.more)
        this.setData({ lines, more });
    },
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      forgetUnread();
      void wx.navigateTo({ url: withQuery(ROUTES.noticeDetail, { id: e.currentTarget.dataset.id }) });
    },
    onAll() {
      void wx.navigateTo({ url: ROUTES.notices });
    },
  },
});
