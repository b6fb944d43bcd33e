/**
 * The tab bar (app.json `tabBar.custom`): TDesign's, so icons are font glyphs in the theme colour
 * and no image files are shipped. WeChat gives each tab page its own instance, so the selected tab
 * is simply the page it sits on. It follows 关怀模式 like the pages (`applyCareMode`, also called
 * by 我的 when the switch changes).
 */
import { loadUnread } from '../store/notice-badge';
import { ROUTES, TABS } from '../utils/routes';
import { syncCareMode } from '../utils/care-mode';

/** The tab that leads to 通知公告 carries the unread count. */
const BADGE_TAB = ROUTES.posts;

Component({
  data: {
    tabs: TABS.map((tab) => ({ ...tab, badge: {} as { count?: number } })),
    value: '',
    careClass: '',
  },
  lifetimes: {
    attached() {
      this.selectCurrent();
      this.applyCareMode();
    },
  },
  pageLifetimes: {
    // The page may not be in getCurrentPages() yet when the bar attaches; it is by show.
    show() {
      this.selectCurrent();
      this.applyCareMode();
      void this.showUnread();
    },
  },
  methods: {
    selectCurrent() {
      const pages = getCurrentPages();
      const current = pages[pages.length - 1];
      if (current && current.route) this.setData({ value: `/${current.route}` });
    },
    applyCareMode() {
      syncCareMode(this);
    },
    async showUnread() {
      const { count } = await loadUnread();
      const index = TABS.findIndex((tab) => tab.url === BADGE_TAB);
      const badge = count > 0 ? { count, maxCount: 99 } : {};
      if (JSON.stringify(this.data.tabs[index]?.badge) !== JSON.stringify(badge))
        this.setData({ [`tabs[${index}].badge`]: badge });
    },
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      void wx.switchTab({ url: e.detail.value });
    },
  },
});
