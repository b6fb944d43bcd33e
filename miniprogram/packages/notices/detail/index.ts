/**
 * 通知详情: title, who sent it to whom, the plain-text body with its line breaks (links are shown,
 * never made live) and the attachments. Opening it records the member's read receipt. Its author
 * sees 已读统计, 编辑 and 撤回.
 */
import type { NoticeDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { openNotice, withdrawNotice } from '../../../services/notices';
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
  },
  noticeId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.noticeId = query.id ?? '';
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      this.show(await openNotice(this.noticeId));
      forgetUnread();
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(notice: NoticeDetail) {
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
