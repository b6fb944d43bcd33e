import type { MemberProfile, MeView } from '../../../src/contract';
import { showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { roleLabel } from '../../utils/role-label';
import { ROUTES, withQuery } from '../../utils/routes';
import { isCareMode, setCareMode } from '../../store/preferences';
import { currentMe, refreshMe } from '../../store/session';
import { syncCareMode, syncTabBarCareMode } from '../../utils/care-mode';
import { errorMessage } from '../../services/api';
import { getOrg } from '../../services/branch';
import { leaveBranch } from '../../services/membership';
import { setChanged } from '../../utils/set-changed';
import { toast } from '../../utils/ask';

/** Branch leaders' role tag stands out in the theme colour; a member's stays neutral. */
const LEAD_ROLES: readonly MemberProfile['role'][] = ['secretary', 'committeeMember'];

/** 党委管理, one entry per committee whose office the member works in (member.me says which). */
function officeLinks(me: MeView) {
  return (me.offices ?? []).map((office) => ({
    id: office.id,
    name: office.name,
    url: withQuery(ROUTES.committeeManage, { committeeId: office.id }),
  }));
}

function memberView(member: MemberProfile, me: MeView) {
  return {
    status: 'ready' as ViewStatus,
    joined: true,
    name: member.name,
    initial: Array.from(member.name)[0] ?? '',
    roleText: roleLabel(member.role),
    roleTagClass: LEAD_ROLES.includes(member.role) ? 'role-tag role-tag--lead' : 'role-tag',
    branchName: member.branch.name,
    committeeName: member.branch.committeeName,
    // A committee office that is not the secretary learns it from org.get (loadBranch).
    canManage: member.role === 'secretary',
    offices: officeLinks(me),
  };
}

function visitorView(me: MeView) {
  const pending = me.pendingJoin;
  return {
    status: 'ready' as ViewStatus,
    joined: false,
    canManage: false,
    offices: [],
    pendingBranch: pending ? pending.branch.name : '',
    pendingCommittee: pending ? pending.branch.committeeName : '',
  };
}

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
    /** e.g. `32 名党员 · 书记 李明`, once org.get answers. */
    branchMeta: '',
    canManage: false,
    offices: [] as { id: string; name: string; url: string }[],
    pendingBranch: '',
    pendingCommittee: '',
    leaveVisible: false,
    leaveError: '',
    leaving: false,
    links: {
      pairings: ROUTES.pairings,
      manage: ROUTES.branchManage,
      transfer: ROUTES.transfer,
      history: ROUTES.membershipHistory,
      privacy: ROUTES.privacy,
      reminders: ROUTES.myReminders,
    },
  },
  /** The branch whose details are shown: fetched once per branch, not on every tab switch. */
  detailFor: '',

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
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.url });
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

  async load() {
    await showSession(this, (member, me) => (member ? memberView(member, me) : visitorView(me)));
    const member = currentMe()?.member;
    if (member) await this.loadBranch(member);
  },

  /** Member count, secretary and whether the caller manages the branch (a committee office may). */
  async loadBranch(member: MemberProfile) {
    if (this.detailFor === member.branch.id) return;
    this.detailFor = member.branch.id;
    try {
      const org = await getOrg(member.branch.id);
      const secretary = org.secretaryName ? ` · 书记 ${org.secretaryName}` : '';
      setChanged(this, { branchMeta: `${org.memberCount} 名党员${secretary}`, canManage: org.canManage });
    } catch {
      // The page stands without these details; the next show tries again.
      this.detailFor = '';
    }
  },

  onLeave() {
    this.setData({ leaveVisible: true, leaveError: '' });
  },
  onLeaveCancel() {
    this.setData({ leaveVisible: false });
  },
  async onLeaveConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    this.setData({ leaving: true, leaveError: '' });
    try {
      await leaveBranch(e.detail.reason);
    } catch (err) {
      this.setData({ leaving: false, leaveError: errorMessage(err) });
      return;
    }
    this.setData({ leaving: false, leaveVisible: false, branchMeta: '' });
    this.detailFor = '';
    toast('已离开支部');
    try {
      await refreshMe();
    } catch {
      // Left all the same; load() below shows the error with 重试.
    }
    await this.load();
  },
});
