/**
 * 邀请码 (secretary): create a code with its expiry, use limit and whether joins need approval;
 * the codes a page at a time; copy one as text to paste in a group chat, show it as a
 * mini-program code to scan or long-press to forward, or stop it.
 */
import type { InviteView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { createInvite, inviteQrCode, listInvites, revokeInvite } from '../../../services/branch';
import { loadMe } from '../../../store/session';
import { confirmAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDateTime } from '../../../utils/date';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { INVITE_STATE } from '../../../utils/org-labels';
import { PagedList } from '../../../utils/paged-list';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';
import { DEFAULT_VALUES, FIELD_OF, FIELDS, localIssues, settingsOf } from './invite-form';

interface InviteItem {
  code: string;
  stateText: string;
  tagClass: string;
  /** Its own line: a date and time never wrap apart (`有效期至 2026年5月1日` / `10:00`). */
  expiryText: string;
  usageText: string;
  usable: boolean;
}

function inviteItem(invite: InviteView): InviteItem {
  const state = INVITE_STATE[invite.state];
  return {
    code: invite.code,
    stateText: state.label,
    tagClass: state.tagClass,
    expiryText: `有效期至 ${formatDateTime(invite.expiresAt)}`,
    usageText: `已用 ${invite.usedCount}/${invite.maxUses} 次 · ${invite.requiresApproval ? '入支需书记审核' : '凭码直接加入'}`,
    usable: invite.state === 'usable',
  };
}

const NO_QR = { visible: false, loading: false, code: '', url: '', error: '' };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    values: DEFAULT_VALUES,
    creating: false,
    ...formErrors(FIELDS),
    invites: [] as InviteItem[],
    invitesFooter: PagedList.footer(false, 0),
    actionError: '',
    qr: NO_QR,
  },
  list: null as PagedList<InviteView, InviteItem> | null,
  branchName: '',

  onLoad() {
    this.list = new PagedList(this, 'invites', (offset) => listInvites(offset), inviteItem);
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
    void this.list?.more();
  },

  async load() {
    try {
      const [me, patch] = await Promise.all([loadMe(), this.list?.reload()]);
      this.branchName = me.member?.branch.name ?? '';
      if (patch) this.setData({ ...patch, status: 'ready' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onText(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'days' | 'uses' }>) {
    const { field } = e.currentTarget.dataset;
    this.setData({ [`values.${field}`]: e.detail.value, [`errors.${field}`]: '', [`statuses.${field}`]: 'default' });
  },
  onApproval(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.setData({ 'values.requiresApproval': e.detail.value });
  },

  async onCreate() {
    if (this.data.creating) return;
    const issues = localIssues(this.data.values);
    if (Object.keys(issues).length > 0) {
      this.setData(formErrors(FIELDS, issues));
      return;
    }
    this.setData({ creating: true, ...formErrors(FIELDS) });
    try {
      const invite = await createInvite(settingsOf(this.data.values));
      this.setData({ creating: false });
      this.list?.prepend(invite);
      toast('已生成');
    } catch (err) {
      this.setData({ creating: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },

  invite(index: number): InviteView | undefined {
    return this.list?.loaded[index];
  },

  onCopy(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const invite = this.invite(e.currentTarget.dataset.index);
    if (!invite) return;
    const text =
      `邀请你加入${this.branchName}。打开“联建通”小程序，在“我的 → 加入支部”输入邀请码 ${invite.code}` +
      `（有效期至 ${formatDateTime(invite.expiresAt)}）。`;
    wx.setClipboardData({ data: text });
  },

  /** The invite's share card, to send into a chat (the card opens 加入支部 with the code filled in). */
  onShareCard(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const invite = this.invite(e.currentTarget.dataset.index);
    if (invite) void wx.navigateTo({ url: withQuery(ROUTES.share, { kind: 'invite', code: invite.code }) });
  },
  async onQrCode(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const invite = this.invite(e.currentTarget.dataset.index);
    if (!invite) return;
    this.setData({ qr: { ...NO_QR, visible: true, loading: true, code: invite.code } });
    try {
      const qr = await inviteQrCode(invite.code);
      this.setData({ 'qr.loading': false, 'qr.url': qr.url });
    } catch (err) {
      this.setData({ 'qr.loading': false, 'qr.error': errorMessage(err) });
    }
  },
  onCloseQr() {
    this.setData({ qr: NO_QR });
  },
  /** Taps on the panel must not reach the overlay (which closes). */
  noop() {},

  async onRevoke(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const invite = this.invite(index);
    if (!invite) return;
    if (!(await confirmAction('停用邀请码', `停用后 ${invite.code} 不能再用于加入支部。`, '停用', '暂不停用'))) return;
    this.setData({ actionError: '' });
    try {
      this.list?.replace(index, await revokeInvite(invite.code));
      toast('已停用');
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },
});
