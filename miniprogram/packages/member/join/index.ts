/**
 * First run: invite code (typed, scanned or from a shared link) → preview of the branch → name →
 * join. Then the session is refreshed and the person lands on 首页, which greets them.
 */
import { ApiError, errorMessage } from '../../../services/api';
import type { ClientErrorCode } from '../../../services/api';
import { joinBranch, previewInvite } from '../../../services/member';
import { refreshMe } from '../../../store/session';
import { formatDateTime } from '../../../utils/date';
import { extractInviteCode } from '../../../utils/invite-code';
import { ROUTES } from '../../../utils/routes';
import { syncCareMode } from '../../../utils/care-mode';
import { requirePrivacy } from '../../../utils/privacy';

/** Errors about the code itself are shown on the code field, not as a general message. */
const CODE_ERRORS: readonly ClientErrorCode[] = [
  'INVITE_INVALID',
  'INVITE_EXPIRED',
  'INVITE_EXHAUSTED',
  'INVITE_REVOKED',
];

const NO_CODE_SCANNED = '没有识别到邀请码，请重新扫描或手动输入';
const PRIVACY_DECLINED = '加入支部需要填写真实姓名，请先同意隐私保护指引';

interface FieldErrors {
  codeError?: string;
  nameError?: string;
  formError?: string;
}

type InputStatus = 'default' | 'error';

/** The errors to show plus the input status each field error implies (derived here, not in WXML). */
function errorState(errors: FieldErrors): FieldErrors & { codeStatus?: InputStatus; nameStatus?: InputStatus } {
  const status = (message: string): InputStatus => (message ? 'error' : 'default');
  return {
    ...errors,
    ...(errors.codeError === undefined ? {} : { codeStatus: status(errors.codeError) }),
    ...(errors.nameError === undefined ? {} : { nameStatus: status(errors.nameError) }),
  };
}

const NO_ERRORS = errorState({ codeError: '', nameError: '', formError: '' });

/** Where each message goes: the code field, the name field or the form. */
function placeErrors(err: unknown): ReturnType<typeof errorState> {
  if (err instanceof ApiError && CODE_ERRORS.includes(err.code))
    return errorState({ codeError: err.message, nameError: '', formError: '' });
  if (err instanceof ApiError && err.code === 'INVALID_INPUT') {
    const codeError = err.fieldMessage('code') ?? '';
    const nameError = err.fieldMessage('name') ?? '';
    return errorState({ codeError, nameError, formError: codeError || nameError ? '' : err.message });
  }
  return errorState({ codeError: '', nameError: '', formError: errorMessage(err) });
}

Page({
  data: {
    careClass: '',
    code: '',
    codeError: '',
    codeStatus: 'default' as InputStatus,
    name: '',
    nameError: '',
    nameStatus: 'default' as InputStatus,
    formError: '',
    previewed: false,
    branchName: '',
    committeeName: '',
    expiresText: '',
    previewing: false,
    joining: false,
  },

  onLoad(options: Record<string, string | undefined>) {
    // A shared link carries ?code=; a mini-program code carries its scene (URL-encoded).
    const code = extractInviteCode(options.code) ?? extractInviteCode(options.scene);
    if (code) {
      this.setData({ code });
      void this.preview();
    }
  },

  onShow() {
    syncCareMode(this);
  },

  onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    // A different code may lead to a different branch: ask for a new preview.
    this.setData({ code: e.detail.value, previewed: false, ...errorState({ codeError: '', formError: '' }) });
  },

  onNameChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ name: e.detail.value, ...errorState({ nameError: '', formError: '' }) });
  },

  onScan() {
    wx.scanCode({
      success: (res) => {
        const code = extractInviteCode(res.path) ?? extractInviteCode(res.result);
        if (!code) {
          this.setData({ previewed: false, ...errorState({ codeError: NO_CODE_SCANNED }) });
          return;
        }
        this.setData({ code, previewed: false, ...errorState({ codeError: '', formError: '' }) });
        void this.preview();
      },
      // Cancelling the scanner is not an error worth a message.
    });
  },

  onPreview() {
    void this.preview();
  },

  onJoin() {
    void this.join();
  },

  async preview() {
    this.setData({ previewing: true, ...errorState({ codeError: '', formError: '' }) });
    try {
      const invite = await previewInvite(this.data.code);
      this.setData({
        previewing: false,
        previewed: true,
        code: invite.code,
        branchName: invite.branch.name,
        committeeName: invite.branch.committeeName,
        expiresText: formatDateTime(invite.expiresAt),
      });
    } catch (err) {
      this.setData({ previewing: false, ...placeErrors(err) });
    }
  },

  async join() {
    if (this.data.joining) return;
    this.setData({ joining: true, ...NO_ERRORS });
    // The real name leaves the phone only after consent (no privacy API guards a typed name).
    if (!(await requirePrivacy())) {
      this.setData({ joining: false, formError: PRIVACY_DECLINED });
      return;
    }
    try {
      await joinBranch(this.data.code, this.data.name);
    } catch (err) {
      this.setData({ joining: false, ...placeErrors(err) });
      return;
    }
    try {
      await refreshMe();
    } catch {
      // Joined all the same; the session cache is empty now, so 首页 loads it again.
    }
    this.setData({ joining: false });
    void wx.showToast({ title: '加入成功', icon: 'success' });
    void wx.switchTab({ url: ROUTES.home });
  },
});
