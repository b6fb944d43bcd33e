/**
 * The tab bar (app.json `tabBar.custom`): TDesign's, so icons are font glyphs in the theme colour
 * and no image files are shipped. WeChat gives each tab page its own instance, so the selected tab
 * is simply the page it sits on. It follows 关怀模式 like the pages (`applyCareMode`, also called
 * by 我的 when the switch changes).
 */
import { TABS } from '../utils/routes';
import { syncCareMode } from '../utils/care-mode';

Component({
  data: {
    tabs: TABS,
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
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      void wx.switchTab({ url: e.detail.value });
    },
  },
});
