/**
 * 学习打卡: what was studied (a plan item, or free: title and kind), minutes, an optional link and
 * 心得. Editing today's check-in uses the same form; a 心得 under review stays private.
 */
import type { StudyKind } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { checkInStudy, getStudyToday, undoStudy } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
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
  },
  itemId: '',

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
  async onSubmit() {
    if (this.data.busy) return;
    this.setData({ busy: true, ...formErrors(FIELDS) });
    try {
      const result = await checkInStudy(checkInInput(this.data.values));
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
