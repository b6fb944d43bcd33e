/**
 * 通知详情: title, who sent it to whom, the plain-text body with its line breaks (links are shown,
 * never made live) and the attachments. Opening it records the member's read receipt. Its author
 * sees 已读统计, 编辑 and 撤回. A published notice offers 通知未读提醒 (asked from the tap) and is
 * shared to a chat with its card (drawn once per change, the static card if late).
 */
import type { NoticeDetail, SubscriptionView } from '../../../../src/contract';
import { CARD_KINDS, contentKey } from '../../../components/share-card/card-content';
import { shareMessage } from '../../../components/share-card/share-image';
import { errorMessage } from '../../../services/api';
import { openNotice, withdrawNotice } from '../../../services/notices';
import { mySubscriptions } from '../../../services/reminders';
import { askForReminders, outcomeToast, refreshSubscriptionSettings } from '../../../utils/subscribe';
import { setChanged } from '../../../utils/set-changed';
import { noticeRemindView } from './remind-view';
import { forgetUnread } from '../../../store/notice-badge';
import { confirmAction } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDateTime } from '../../../utils/date';
import { audienceText, noticeRow, type NoticeRow } from '../../../utils/notice-row';
import { openAttachment } from '../../../utils/open-attachment';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';

interface AttachmentRow {
  name: string;
  url: string;
  isImage: boolean;
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    row: null as NoticeRow | null,
    audience: '',
    body: '',
    attachments: [] as AttachmentRow[],
    note: '',
    canManage: false,
    busy: false,
    remind: null as { on: boolean } | null,
    canShare: false,
  },
  noticeId: '',
  notice: null as NoticeDetail | null,
  subscriptions: null as SubscriptionView | null,

  onLoad(query: Record<string, string | undefined>) {
    this.noticeId = query.id ?? '';
  },
  onShow() {
    syncCareMode(this);
    refreshSubscriptionSettings();
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      const [notice, subscriptions] = await Promise.all([
        openNotice(this.noticeId),
        // Not worth failing the page over: the reminder row just stays hidden.
        mySubscriptions().catch(() => null),
      ]);
      this.subscriptions = subscriptions;
      this.show(notice);
      forgetUnread();
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(notice: NoticeDetail) {
    this.notice = notice;
    const notes = [
      notice.status === 'scheduled' && notice.publishAt ? `将于 ${formatDateTime(notice.publishAt)} 发布` : '',
      notice.status === 'checking' ? '正在进行内容安全检测，通过后发布' : '',
      notice.reason ?? '',
      notice.status === 'withdrawn' ? '已撤回，成员不再能看到' : '',
      notice.expiresAt ? `有效期至 ${formatDateTime(notice.expiresAt)}` : '',
      notice.editedAt ? `已于 ${formatDateTime(notice.editedAt)} 编辑` : '',
    ];
    this.setData({
      status: 'ready',
      row: noticeRow(notice),
      audience: audienceText(notice),
      body: notice.body,
      attachments: notice.attachments
        .filter((a) => a.url !== '')
        .map((a) => ({ name: a.name, url: a.url, isImage: a.isImage })),
      note: notes.filter(Boolean).join('；'),
      canManage: notice.canManage && notice.status !== 'withdrawn',
    });
    this.renderHooks();
  },
  /** The reminder row, and the card (its content only changes with the notice: drawn once per change). */
  renderHooks() {
    const notice = this.notice;
    if (!notice) return;
    const hooks = noticeRemindView(notice, this.subscriptions);
    setChanged(this, { ...hooks, shareContent: hooks.canShare ? CARD_KINDS.notice(notice) : null });
    if (hooks.canShare) wx.showShareMenu?.({ menus: ['shareAppMessage'] } as WechatMiniprogram.ShowShareMenuOption);
    else wx.hideShareMenu?.({} as WechatMiniprogram.HideShareMenuOption);
  },
  onShareAppMessage() {
    const path = withQuery(ROUTES.noticeDetail, { id: this.noticeId });
    const notice = this.notice;
    // Nothing of a notice that is not published leaves the page.
    if (!notice || notice.status !== 'published') return { title: '通知公告', path: ROUTES.notices };
    return shareMessage(notice.title, path, contentKey(CARD_KINDS.notice(notice)));
  },
  /** 通知未读时提醒我: asks first thing in the tap (WeChat asks only from one). */
  async onRemind() {
    const templates = this.subscriptions?.templates;
    if (!templates) return;
    if (this.data.remind?.on) {
      void wx.navigateTo({ url: ROUTES.myReminders });
      return;
    }
    const outcome = await askForReminders(['noticeUnread'], templates);
    void wx.showToast({ title: outcomeToast(outcome), icon: outcome.status === 'accepted' ? 'success' : 'none' });
    if ('view' in outcome) {
      this.subscriptions = outcome.view;
      this.renderHooks();
    }
  },
  onShareCard() {
    void wx.navigateTo({ url: withQuery(ROUTES.share, { kind: 'notice', id: this.noticeId }) });
  },
  onAttachment(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const attachment = this.data.attachments[e.currentTarget.dataset.index];
    if (attachment) void openAttachment(attachment.url, attachment.name).catch(() => undefined);
  },
  onReceipts() {
    void wx.navigateTo({ url: withQuery(ROUTES.noticeReceipts, { id: this.noticeId }) });
  },
  onEdit() {
    void wx.navigateTo({ url: withQuery(ROUTES.noticeCompose, { id: this.noticeId }) });
  },
  async onWithdraw() {
    const sure = await confirmAction('撤回这条通知？', '撤回后所有成员都不再能看到它。', '撤回', '不撤回');
    if (!sure) return;
    this.setData({ busy: true });
    try {
      this.show(await withdrawNotice(this.noticeId));
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },
});
