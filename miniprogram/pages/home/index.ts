import { NOT_JOINED, showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { ROUTES } from '../../utils/routes';
import { syncCareMode } from '../../utils/care-mode';
import { setChanged } from '../../utils/set-changed';
import { currentMe } from '../../store/session';
import { listPairings } from '../../services/pairings';

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
    /** The branch is in at least one pairing: 我的联建 gets its own entry. */
    hasPairings: false,
  },
  /** The branch whose pairings were looked up: once per branch, not on every tab switch. */
  pairingsFor: '',
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
  onPairings() {
    void wx.navigateTo({ url: ROUTES.pairings });
  },
  async load() {
    await this.showMember();
    const branchId = currentMe()?.member?.branch.id;
    if (branchId && branchId !== this.pairingsFor) await this.checkPairings(branchId);
  },
  async checkPairings(branchId: string) {
    this.pairingsFor = branchId;
    try {
      const { items } = await listPairings(null, 0, 1);
      setChanged(this, { hasPairings: items.length > 0 });
    } catch {
      // Only an extra entry: without it 我的 still leads to the pairings. The next show retries.
      this.pairingsFor = '';
    }
  },
  showMember() {
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
