/**
 * 发布风采: choose the event (one the member attended or organised), up to nine photos (compressed
 * on the phone, uploaded with progress) and a caption of at most 500 characters. The request id is
 * made once per composed post, so 重试 after a failure never posts twice; uploaded photos are kept.
 */
import type { PostableEvent } from '../../../../src/contract';
import { POST_CAPTION_MAX, POST_PHOTOS_MAX } from '../../../utils/limits';
import { ApiError, errorMessage } from '../../../services/api';
import { choosePhotos, compressPhoto } from '../../../services/files';
import { createPost, newRequestId, postableEvents } from '../../../services/posts';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDateTime } from '../../../utils/date';
import { ROUTES } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';
import { newPhoto, photoLabel, uploadPending, type ComposePhoto } from '../../../utils/photo-uploads';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

interface EventChoice {
  id: string;
  title: string;
  when: string;
  className: string;
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    events: [] as EventChoice[],
    eventId: '',
    photos: [] as (ComposePhoto & { label: string })[],
    canAdd: true,
    caption: '',
    captionMax: POST_CAPTION_MAX,
    submitting: false,
    formError: '',
  },
  requestId: newRequestId(),
  photos: [] as ComposePhoto[],
  choices: [] as PostableEvent[],

  onLoad(query: Record<string, string | undefined>) {
    this.requestId = newRequestId();
    if (query.eventId) this.setData({ eventId: query.eventId });
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
      this.choices = await postableEvents();
      const eventId = this.data.eventId || this.choices[0]?.id || '';
      this.setData({
        status: this.choices.length > 0 ? 'ready' : 'empty',
        eventId,
        events: this.eventChoices(eventId),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  eventChoices(chosen: string): EventChoice[] {
    return this.choices.map((e) => ({
      id: e.id,
      title: e.title,
      when: formatDateTime(e.startsAt),
      className: e.id === chosen ? 'chip chip--on' : 'chip',
    }));
  },
  onEvent(e: Tap<{ id: string }>) {
    const eventId = e.currentTarget.dataset.id;
    this.setData({ eventId, events: this.eventChoices(eventId) });
  },
  onCaption(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ caption: e.detail.value, formError: '' });
  },
  showPhotos() {
    this.setData({
      photos: this.photos.map((p) => ({ ...p, label: photoLabel(p) })),
      canAdd: this.photos.length < POST_PHOTOS_MAX,
    });
  },
  async onAddPhotos() {
    const paths = await choosePhotos(POST_PHOTOS_MAX - this.photos.length);
    const compressed = await Promise.all(paths.map((path) => compressPhoto(path)));
    this.photos = [...this.photos, ...compressed.map(newPhoto)].slice(0, POST_PHOTOS_MAX);
    this.showPhotos();
  },
  onRemovePhoto(e: Tap<{ index: number }>) {
    this.photos = this.photos.filter((_, i) => i !== e.currentTarget.dataset.index);
    this.showPhotos();
  },
  onPreview(e: Tap<{ index: number }>) {
    const urls = this.photos.map((p) => p.path);
    wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
  },
  /** Uploads what is not uploaded yet, one at a time (weak networks), showing each one's progress. */
  async uploadAll(): Promise<void> {
    await uploadPending('post', this.photos, (index, photo) =>
      this.setData({ [`photos[${index}].label`]: photoLabel(photo) }),
    );
  },
  async onSubmit() {
    if (this.data.submitting) return;
    if (!this.data.eventId) return this.setData({ formError: '请选择活动' });
    if (this.photos.length === 0) return this.setData({ formError: '请至少选择 1 张照片' });
    this.setData({ submitting: true, formError: '' });
    try {
      await this.uploadAll();
      await createPost({
        requestId: this.requestId,
        eventId: this.data.eventId,
        caption: this.data.caption,
        photos: this.photos.map((p) => p.fileID),
      });
      void wx.showToast({ title: '已提交，审核通过后展示', icon: 'none' });
      void wx.redirectTo({ url: ROUTES.myPosts });
    } catch (err) {
      const message = err instanceof ApiError ? err.message : '上传失败，请检查网络后重试';
      this.setData({ formError: message });
    } finally {
      this.setData({ submitting: false });
    }
  },
});
