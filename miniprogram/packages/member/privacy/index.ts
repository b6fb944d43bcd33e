/** 隐私与个人信息: what 联建通 collects, when and why, with a link to the full privacy guide. */
import { syncCareMode } from '../../../utils/care-mode';
import { toast } from '../../../utils/ask';
import { PRIVACY_ITEMS } from './privacy-items';

Page({
  data: {
    careClass: '',
    items: PRIVACY_ITEMS,
  },
  onShow() {
    syncCareMode(this);
  },
  onOpenGuide() {
    // The guide itself lives on WeChat's side (filled in on the admin site); older clients lack the API.
    if (typeof wx.openPrivacyContract !== 'function') return toast('请升级微信后查看', 'none');
    wx.openPrivacyContract({ fail: () => toast('暂时无法打开隐私保护指引', 'none') });
  },
});
