/**
 * 发布通知 (and, with `?id=`, 编辑通知): the audience (the caller's branch, a pairing they lead,
 * their committee), a title of at most 40 characters, a plain-text body of at most 5,000, up to
 * five attachments (files from a chat or photos), pin, an expiry date and a scheduled publish time.
 * A request id made once per notice keeps a retried 发布 from publishing twice. An edit keeps the
 * receipts; new photos cannot be added to a published notice (the server says so).
 */
import type { NoticeAudienceView, NoticeDetail } from '../../../../src/contract';
import { NOTICE_ATTACHMENTS_MAX, NOTICE_BODY_MAX, NOTICE_TITLE_MAX } from '../../../utils/limits';
import { ApiError, errorMessage } from '../../../services/api';
import { chooseFiles, choosePhotos, compressPhoto, uploadFile } from '../../../services/files';
import { createNotice, noticeAudiences, openNotice, updateNotice } from '../../../services/notices';
import { newRequestId } from '../../../services/posts';
import { syncCareMode } from '../../../utils/care-mode';
import { pickerDateText, shanghaiDate, todayInShanghai, toShanghaiIso } from '../../../utils/date';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

interface Attachment {
  fileID: string;
  name: string;
}

const AUDIENCE_LABEL = { branch: '本支部', pairing: '联建', committee: '党委' } as const;

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    editing: false,
    audiences: [] as { key: string; label: string; className: string }[],
    title: '',
    body: '',
    titleMax: NOTICE_TITLE_MAX,
    bodyMax: NOTICE_BODY_MAX,
    attachments: [] as Attachment[],
    canAttach: true,
    uploading: '',
    pinned: false,
    today: todayInShanghai(),
    expiryDate: '',
    expiryText: pickerDateText('', '不设截止'),
    scheduleDate: '',
    scheduleTime: '09:00',
    scheduleText: pickerDateText('', '立即发布'),
    submitting: false,
    formError: '',
  },
  requestId: newRequestId(),
  noticeId: '',
  choices: [] as NoticeAudienceView[],
  chosen: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.requestId = newRequestId();
    this.noticeId = query.id ?? '';
    if (this.noticeId) {
      this.setData({ editing: true });
      void wx.setNavigationBarTitle({ title: '编辑通知' });
    }
  },
  onShow() {
    syncCareMode(this);
    if (this.data.status !== 'ready') void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      if (this.noticeId) {
        this.fill(await openNotice(this.noticeId));
        return;
      }
      this.choices = await noticeAudiences();
      this.setData({ status: this.choices.length > 0 ? 'ready' : 'empty', audiences: this.audienceChips() });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  fill(notice: NoticeDetail) {
    const expiryDate = notice.expiresAt ? shanghaiDate(notice.expiresAt) : '';
    this.choices = [notice.audience];
    this.setData({
      status: 'ready',
      audiences: this.audienceChips(),
      title: notice.title,
      body: notice.body,
      attachments: notice.attachments.map((a) => ({ fileID: a.fileID, name: a.name })),
      canAttach: notice.attachments.length < NOTICE_ATTACHMENTS_MAX,
      pinned: notice.pinned,
      expiryDate,
      expiryText: pickerDateText(expiryDate, '不设截止'),
    });
  },
  audienceChips() {
    return this.choices.map((a, i) => ({
      key: `${a.kind}-${a.id}`,
      label: `${AUDIENCE_LABEL[a.kind]}：${a.name}`,
      className: i === this.chosen ? 'chip chip--on' : 'chip',
    }));
  },
  onAudience(e: Tap<{ index: number }>) {
    if (this.data.editing) return;
    this.chosen = e.currentTarget.dataset.index;
    this.setData({ audiences: this.audienceChips() });
  },
  onTitle(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ title: e.detail.value, formError: '' });
  },
  onBody(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ body: e.detail.value, formError: '' });
  },
  onPinned(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.setData({ pinned: e.detail.value });
  },
  onExpiry(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ expiryDate: e.detail.value, expiryText: pickerDateText(e.detail.value, '不设截止') });
  },
  onClearExpiry() {
    this.setData({ expiryDate: '', expiryText: pickerDateText('', '不设截止') });
  },
  onScheduleDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ scheduleDate: e.detail.value, scheduleText: pickerDateText(e.detail.value, '立即发布') });
  },
  onScheduleTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ scheduleTime: e.detail.value });
  },
  onClearSchedule() {
    this.setData({ scheduleDate: '', scheduleText: pickerDateText('', '立即发布') });
  },
  onRemoveAttachment(e: Tap<{ index: number }>) {
    const attachments = this.data.attachments.filter((_, i) => i !== e.currentTarget.dataset.index);
    this.setData({ attachments, canAttach: true });
  },
  async onAttachFiles() {
    const files = await chooseFiles(NOTICE_ATTACHMENTS_MAX - this.data.attachments.length);
    await this.attach(files);
  },
  async onAttachPhotos() {
    const paths = await choosePhotos(NOTICE_ATTACHMENTS_MAX - this.data.attachments.length);
    const compressed = await Promise.all(paths.map((path) => compressPhoto(path)));
    await this.attach(compressed.map((path, i) => ({ path, name: `图片${this.data.attachments.length + i + 1}.jpg` })));
  },
  async attach(files: { path: string; name: string }[]) {
    for (const file of files) {
      if (this.data.attachments.length >= NOTICE_ATTACHMENTS_MAX) break;
      try {
        this.setData({ uploading: `正在上传 ${file.name}` });
        const fileID = await uploadFile('notice', file.path, file.name, (progress) =>
          this.setData({ uploading: `正在上传 ${file.name}（${progress}%）` }),
        );
        const attachments = [...this.data.attachments, { fileID, name: file.name }];
        this.setData({ attachments, canAttach: attachments.length < NOTICE_ATTACHMENTS_MAX });
      } catch (err) {
        this.setData({ formError: err instanceof ApiError ? err.message : `${file.name} 上传失败，请重试` });
        break;
      }
    }
    this.setData({ uploading: '' });
  },
  async onSubmit() {
    if (this.data.submitting || this.data.uploading) return;
    const { title, body, attachments, pinned, expiryDate, scheduleDate, scheduleTime } = this.data;
    const expiresAt = expiryDate ? toShanghaiIso(expiryDate, '23:59') : null;
    this.setData({ submitting: true, formError: '' });
    try {
      const content = { title, body, attachments, pinned, expiresAt };
      const notice = this.noticeId
        ? await updateNotice({ noticeId: this.noticeId, ...content })
        : await createNotice({
            requestId: this.requestId,
            audience: { kind: this.choices[this.chosen]!.kind, id: this.choices[this.chosen]!.id },
            ...content,
            publishAt: scheduleDate ? toShanghaiIso(scheduleDate, scheduleTime) : null,
          });
      void wx.redirectTo({ url: withQuery(ROUTES.noticeDetail, { id: notice.id }) });
    } catch (err) {
      this.setData({ formError: errorMessage(err) });
    } finally {
      this.setData({ submitting: false });
    }
  },
});
