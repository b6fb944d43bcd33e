import { showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { roleLabel } from '../../utils/role-label';
import { ROUTES } from '../../utils/routes';
import { isCareMode, setCareMode } from '../../store/preferences';
import { syncCareMode, syncTabBarCareMode } from '../../utils/care-mode';
import type { MemberRole } from '../../../src/contract';

/** Branch leaders' role tag stands out in the theme colour; a member's stays neutral. */
const LEAD_ROLES: readonly MemberRole[] = ['secretary', 'committeeMember'];

Page({
  data: {
    careClass: '',
    careMode: false,
    status: 'loading' as ViewStatus,
    errorMessage: '',
    joined: false,
    name: '',
    initial: '',
    roleText: '',
    roleTagClass: '',
    branchName: '',
    committeeName: '',
  },
  onShow() {
    this.applyCareMode();
    void this.load();
  },
  onRetry() {
    void this.load();
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  onCareModeChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    setCareMode(e.detail.value);
    this.applyCareMode();
    syncTabBarCareMode(this);
  },
  applyCareMode() {
    syncCareMode(this);
    const careMode = isCareMode();
    if (this.data.careMode !== careMode) this.setData({ careMode });
  },
  load() {
    return showSession(this, (member) =>
      member
        ? {
            status: 'ready',
            joined: true,
            name: member.name,
            initial: Array.from(member.name)[0] ?? '',
            roleText: roleLabel(member.role),
            roleTagClass: LEAD_ROLES.includes(member.role) ? 'role-tag role-tag--lead' : 'role-tag',
            branchName: member.branch.name,
            committeeName: member.branch.committeeName,
          }
        : { status: 'ready', joined: false },
    );
  },
});
