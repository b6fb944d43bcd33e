/**
 * The tab bar (app.json `tabBar.custom`): TDesign's, so icons are font glyphs in the theme colour
 * and no image files are shipped. WeChat gives each tab page its own instance, so the selected tab
 * is simply the page it sits on.
 */
import { TABS } from '../utils/routes';

Component({
  data: {
    tabs: TABS,
    value: '',
  },
  lifetimes: {
    attached() {
      this.selectCurrent();
    },
  },
  pageLifetimes: {
    // The page may not be in getCurrentPages() yet when the bar attaches; it is by show.
    show() {
      this.selectCurrent();
    },
  },
  methods: {
    selectCurrent() {
      const pages = getCurrentPages();
      const current = pages[pages.length - 1];
      if (current && current.route) this.setData({ value: `/${current.route}` });
    },
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      void wx.switchTab({ url: e.detail.value });
    },
  },
});
