/**
 * 学习打卡: what was studied (a plan item, or free: title and kind), minutes, an optional link,
 * 心得 and up to 3 photos (compressed on the phone, uploaded with progress to the member's own
 * studyPhoto folder). Editing today's check-in uses the same form and shows its photos; a 心得
 * under review stays private. A photo uploaded once keeps its fileID, so 重试 never attaches it twice.
 */
import type { StudyKind } from '../../../../src/contract';
import { ApiError, errorMessage } from '../../../services/api';
import { choosePhotos, compressPhoto } from '../../../services/files';
import { checkInStudy, getStudyToday, undoStudy } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { STUDY_PHOTOS_MAX } from '../../../utils/limits';
import { newPhoto, photoLabel, storedPhoto, uploadPending, type ComposePhoto } from '../../../utils/photo-uploads';
import type { ViewStatus } from '../../../utils/session-view';
import {
  checkInInput,
  EMPTY_VALUES,
  FIELD_OF,
  FIELDS,
  initialValues,
  kindChips,
  type CheckInValues,
} from './check-in-form';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    values: EMPTY_VALUES,
    itemTitle: '',
    editing: false,
    kinds: kindChips('文章'),
    ...formErrors(FIELDS),
    busy: false,
    photos: [] as (ComposePhoto & { label: string })[],
    canAddPhoto: true,
    photoHint: `最多 ${STUDY_PHOTOS_MAX} 张`,
  },
  itemId: '',
  photos: [] as ComposePhoto[],
  choosing: false,

  onLoad(query: Record<string, string | undefined>) {
    this.itemId = query.itemId ?? '';
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
      const view = await getStudyToday();
      const { values, itemTitle } = initialValues(view, this.itemId);
      this.photos = view.checkInPhotos.map((photo) => storedPhoto(photo.fileID, photo.url));
      this.showPhotos();
      this.setData({
        status: 'ready',
        values,
        itemTitle,
        editing: view.checkIn !== null,
        kinds: kindChips(values.materialKind),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    const field = String(e.currentTarget.dataset.field) as keyof CheckInValues;
    this.setData({ [`values.${field}`]: e.detail.value });
  },
  onKind(e: WechatMiniprogram.TouchEvent) {
    const kind = e.currentTarget.dataset.kind as StudyKind;
    this.setData({ 'values.materialKind': kind, kinds: kindChips(kind) });
  },
  showPhotos() {
    const left = STUDY_PHOTOS_MAX - this.photos.length;
    this.setData({
      photos: this.photos.map((photo) => ({ ...photo, label: photoLabel(photo) })),
      canAddPhoto: left > 0,
      photoHint: left > 0 ? `还可添加 ${left} 张` : `已添加 ${STUDY_PHOTOS_MAX} 张`,
    });
  },
  async onAddPhotos() {
    const left = STUDY_PHOTOS_MAX - this.photos.length;
    if (this.choosing || this.data.busy || left <= 0) return;
    this.choosing = true;
    try {
      const paths = await choosePhotos(left);
      const compressed = await Promise.all(paths.map((path) => compressPhoto(path)));
      const known = new Set(this.photos.map((photo) => photo.path));
      const fresh = [...new Set(compressed)].filter((path) => !known.has(path)).map(newPhoto);
      this.photos = [...this.photos, ...fresh].slice(0, STUDY_PHOTOS_MAX);
      this.showPhotos();
      this.setData({ 'errors.photos': '' });
    } finally {
      this.choosing = false;
    }
  },
  onRemovePhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    if (this.data.busy) return;
    this.photos = this.photos.filter((_, i) => i !== e.currentTarget.dataset.index);
    this.showPhotos();
    this.setData({ 'errors.photos': '' });
  },
  onPreviewPhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const urls = this.photos.map((photo) => photo.path).filter((path) => path !== '');
    const current = this.photos[e.currentTarget.dataset.index]?.path;
    if (current) wx.previewImage({ urls, current });
  },
  async onSubmit() {
    if (this.data.busy) return;
    this.setData({ busy: true, ...formErrors(FIELDS) });
    try {
      let photos: string[];
      try {
        photos = await uploadPending('studyPhoto', this.photos, (index, photo) =>
          this.setData({ [`photos[${index}].label`]: photoLabel(photo), [`photos[${index}].failed`]: photo.failed }),
        );
      } catch (err) {
        const message = err instanceof ApiError ? err.message : '照片上传失败，请检查网络后重试';
        this.setData({ 'errors.photos': message });
        return;
      }
      const result = await checkInStudy(checkInInput(this.data.values, photos));
      const title =
        result.checkIn.reflectionState === 'review' ? '已保存，心得审核中' : result.created ? '打卡成功' : '已修改';
      void wx.showToast({ title, icon: 'success' });
      setTimeout(() => void wx.navigateBack(), 800);
    } catch (err) {
      this.setData(placeErrors(err, FIELDS, FIELD_OF));
    } finally {
      this.setData({ busy: false });
    }
  },
  async onUndo() {
    const { confirm } = await wx.showModal({
      title: '撤回今天的打卡？',
      content: '撤回后今天的学习记录不再计入，可以重新打卡。',
    });
    if (!confirm) return;
    try {
      await undoStudy();
      void wx.navigateBack();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
});
