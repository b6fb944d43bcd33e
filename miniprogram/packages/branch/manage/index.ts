/**
 * 支部管理: the branch's members a page at a time, join requests to approve or reject, roles
 * (committee members, handing over the secretary role), removing a member with a reason, the
 * way to invite codes and transfer approvals, and the branch's year figures (this year or last),
 * which load on their own so their failure leaves the rest of the page working. What is offered
 * follows the caller's rights; the server decides, and its refusal is shown above the lists.
 */
import type { MemberProfile, MemberRow } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import {
  approveMember,
  getOrg,
  handOverSecretary,
  listMembers,
  rejectMember,
  removeMember,
  setMemberRole,
} from '../../../services/branch';
import { branchFigures } from '../../../services/pairings';
import { loadMe, refreshMe } from '../../../store/session';
import { chooseAction, confirmAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDate, yearInShanghai } from '../../../utils/date';
import { PagedList } from '../../../utils/paged-list';
import { roleLabel } from '../../../utils/role-label';
import { ROUTES } from '../../../utils/routes';
import { NOT_JOINED } from '../../../utils/session-view';
import type { ViewStatus } from '../../../utils/session-view';
import { figureCells, yearChips } from './figures-view';
import type { FigureCell, YearChip } from './figures-view';
import { ACTION_LABELS, memberActions } from './member-actions';
import type { Manager, MemberAction } from './member-actions';

interface MemberItem {
  id: string;
  name: string;
  roleText: string;
  roleTagClass: string;
  meta: string;
  manageable: boolean;
}

type DialogMode = 'reject' | 'remove';

const DIALOGS: Record<DialogMode, { title: string; description: string; confirmText: string; cancelText: string }> = {
  reject: {
    title: '拒绝入支申请',
    description: '申请人会看到拒绝原因。',
    confirmText: '拒绝申请',
    cancelText: '返回，暂不决定',
  },
  remove: {
    title: '移出支部',
    description: '移出后该党员的组织关系记录会保留。',
    confirmText: '移出支部',
    cancelText: '不移出，保留',
  },
};

function memberItem(row: MemberRow, manager: Manager): MemberItem {
  const lead = row.role !== 'member';
  return {
    id: row.id,
    name: row.name,
    roleText: roleLabel(row.role),
    roleTagClass: lead ? 'role-tag role-tag--lead' : 'role-tag',
    meta: row.status === 'pending' ? `申请于 ${formatDate(row.joinedAt)}` : `入支 ${formatDate(row.joinedAt)}`,
    manageable: memberActions(row, manager).length > 0,
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    branchName: '',
    branchMeta: '',
    isSecretary: false,
    canManage: false,
    actionError: '',
    pending: [] as MemberItem[],
    pendingFooter: PagedList.footer(false, 0),
    members: [] as MemberItem[],
    membersFooter: PagedList.footer(false, 0),
    dialogVisible: false,
    dialog: DIALOGS.reject,
    dialogBusy: false,
    dialogError: '',
    links: { invites: ROUTES.invites, transfers: ROUTES.transferApprovals },
    figureYears: [] as YearChip[],
    figuresStatus: 'loading' as 'loading' | 'ready' | 'error',
    figuresError: '',
    figures: [] as FigureCell[],
  },
  branchId: '',
  manager: { isSecretary: false, canManage: false } as Manager,
  members: null as PagedList<MemberRow, MemberItem> | null,
  pending: null as PagedList<MemberRow, MemberItem> | null,
  /** The row a dialog is about. */
  target: null as { list: 'pending' | 'members'; index: number } | null,
  dialogMode: 'reject' as DialogMode,
  /** The branch and year the figures are for; an answer for another year is dropped. */
  figuresBranchId: '',
  figuresYear: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.branchId = query.branchId ?? '';
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.members?.more();
  },
  onMorePending() {
    void this.pending?.more();
  },
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.url });
  },

  async load() {
    try {
      const { member } = await loadMe();
      if (!member) {
        this.setData({ ...NOT_JOINED, actionText: '' });
        return;
      }
      this.figuresBranchId = this.branchId || member.branch.id;
      void this.loadFigures(this.figuresYear || yearInShanghai());
      await this.loadBranch(member);
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  async loadBranch(me: MemberProfile) {
    const branchId = this.branchId || me.branch.id;
    const org = await getOrg(branchId);
    const manager: Manager = {
      isSecretary: me.role === 'secretary' && me.branch.id === branchId,
      canManage: org.canManage,
    };
    this.manager = manager;
    const toItem = (row: MemberRow) => memberItem(row, manager);
    this.members = new PagedList(this, 'members', (offset) => listMembers(branchId, 'active', offset), toItem);
    this.pending = new PagedList(this, 'pending', (offset) => listMembers(branchId, 'pending', offset), toItem);
    const [members, pending] = await Promise.all([
      this.members.reload(),
      // Join requests are shown to the branch's managers only.
      manager.canManage ? this.pending.reload() : Promise.resolve({}),
    ]);
    const secretary = org.secretaryName ? ` · 书记 ${org.secretaryName}` : '';
    this.setData({
      ...members,
      ...pending,
      status: 'ready',
      branchName: org.name,
      branchMeta: `${org.memberCount} 名党员${secretary}`,
      isSecretary: manager.isSecretary,
      canManage: manager.canManage,
    });
  },

  async loadFigures(year: number) {
    this.figuresYear = year;
    this.setData({ figureYears: yearChips(yearInShanghai(), year), figuresStatus: 'loading', figuresError: '' });
    try {
      const figures = await branchFigures(this.figuresBranchId, year);
      if (year === this.figuresYear) this.setData({ figuresStatus: 'ready', figures: figureCells(figures) });
    } catch (err) {
      if (year === this.figuresYear)
        this.setData({ figuresStatus: 'error', figuresError: `${errorMessage(err)}，点此重试` });
    }
  },
  onFiguresYear(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { year: number }>) {
    const { year } = e.currentTarget.dataset;
    if (year !== this.figuresYear) void this.loadFigures(year);
  },
  onFiguresRetry() {
    void this.loadFigures(this.figuresYear);
  },

  /** Runs one action; its refusal (e.g. FORBIDDEN) is shown above the lists. */
  async act(run: () => Promise<void>) {
    this.setData({ actionError: '' });
    try {
      await run();
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },

  onApprove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const row = this.pending?.loaded[index];
    if (!row) return;
    void this.act(async () => {
      await approveMember(row.id);
      this.pending?.remove(index);
      const patch = await this.members?.reload();
      if (patch) this.setData(patch);
      toast('已同意');
    });
  },

  onReject(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    this.openDialog('reject', { list: 'pending', index: e.currentTarget.dataset.index });
  },

  async onManage(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const row = this.members?.loaded[index];
    if (!row) return;
    const actions = memberActions(row, this.manager);
    const chosen = await chooseAction(actions.map((action) => ACTION_LABELS[action]));
    const action = chosen === null ? undefined : actions[chosen];
    if (action) await this.runMemberAction(action, row, index);
  },

  async runMemberAction(action: MemberAction, row: MemberRow, index: number) {
    if (action === 'remove') {
      this.openDialog('remove', { list: 'members', index });
      return;
    }
    if (action === 'handOver' || action === 'appointSecretary') {
      const text =
        action === 'handOver'
          ? `确定把书记职务移交给${row.name}？移交后你将成为支部委员。`
          : `确定任命${row.name}为支部书记？`;
      if (!(await confirmAction(ACTION_LABELS[action], text, action === 'handOver' ? '移交' : '任命'))) return;
    }
    await this.act(async () => {
      if (action === 'handOver') {
        await handOverSecretary(row.id);
        await refreshMe();
        toast('已移交');
        await this.load();
      } else if (action === 'appointSecretary') {
        await setMemberRole(row.id, 'secretary');
        toast('已任命');
        await this.load();
      } else {
        const updated = await setMemberRole(row.id, action === 'makeCommitteeMember' ? 'committeeMember' : 'member');
        this.members?.replace(index, updated);
        toast('已设置');
      }
    });
  },

  openDialog(mode: DialogMode, target: { list: 'pending' | 'members'; index: number }) {
    this.dialogMode = mode;
    this.target = target;
    this.setData({ dialogVisible: true, dialog: DIALOGS[mode], dialogError: '', actionError: '' });
  },
  onDialogCancel() {
    this.setData({ dialogVisible: false });
  },
  async onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const target = this.target;
    const list = target?.list === 'pending' ? this.pending : this.members;
    const row = target ? list?.loaded[target.index] : undefined;
    if (!target || !list || !row) return;
    this.setData({ dialogBusy: true, dialogError: '' });
    try {
      if (this.dialogMode === 'reject') await rejectMember(row.id, e.detail.reason);
      else await removeMember(row.id, e.detail.reason);
    } catch (err) {
      this.setData({ dialogBusy: false, dialogError: errorMessage(err) });
      return;
    }
    this.setData({ dialogBusy: false, dialogVisible: false });
    list.remove(target.index);
    toast(this.dialogMode === 'reject' ? '已拒绝' : '已移出');
  },
});
