import { NOT_JOINED, showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { ROUTES } from '../../utils/routes';
import { syncCareMode } from '../../utils/care-mode';

/** Big labelled shortcuts to the other tabs: easier to find than the tab bar's small icons. */
const SHORTCUTS = [
  { url: ROUTES.events, icon: 'calendar', label: '活动报名', hint: '主题党日、联建活动' },
  { url: ROUTES.study, icon: 'book', label: '学习打卡', hint: '每日学习，坚持打卡' },
  { url: ROUTES.posts, icon: 'image', label: '活动风采', hint: '照片与心得' },
  { url: ROUTES.mine, icon: 'user', label: '我的支部', hint: '组织关系与设置' },
];

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    greeting: '',
    branchName: '',
    committeeName: '',
    shortcuts: SHORTCUTS,
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    void this.load();
  },
  onShortcut(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.switchTab({ url: e.currentTarget.dataset.url });
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  load() {
    return showSession(this, (member) =>
      member
        ? {
            status: 'ready',
            greeting: `你好，${member.name}`,
            branchName: member.branch.name,
            committeeName: member.branch.committeeName,
          }
        : NOT_JOINED,
    );
  },
});
