/**
 * 积分规则: a committee office sets, for its committee, each rule's points (multiples of 0.5) and
 * cap (none, or a count per day / week / month / year) and the 补学 window in days. Checked on the
 * page first; a refused save shows the server's messages on their fields. `?committeeId=` names
 * the office's committee; anyone else is shown why they cannot change the rules (the server
 * refuses them too).
 */
import { ApiError, errorMessage } from '../../../services/api';
import { getPointRules, setPointRules } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';
import {
  countError,
  placeServerIssues,
  pointsError,
  rulesInput,
  validate,
  valuesOf,
  windowError,
  withCap,
  type CapChoice,
  type RulesValues,
} from './rules-form';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;
type Change<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  { value: string },
  Record<string, never>,
  D
>;

const EMPTY: RulesValues = { rows: [], windowDays: '', windowError: '' };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    values: EMPTY,
    formError: '',
    busy: false,
  },
  committeeId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.committeeId = query.committeeId ?? '';
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
      const view = await getPointRules(this.committeeId || undefined);
      if (!view.editable) {
        this.setData({
          status: 'empty',
          emptyText: '只有党委组织部门可以修改积分规则',
          emptyHint: '积分规则由党委组织部门为本党委统一设定',
        });
        return;
      }
      this.committeeId = view.committeeId;
      this.setData({ status: 'ready', values: valuesOf(view), formError: '' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onPoints(e: Change<{ index: number }>) {
    const i = e.currentTarget.dataset.index;
    const value = e.detail.value;
    const shown = this.data.values.rows[i]?.pointsError ? pointsError(value) : '';
    this.setData({ [`values.rows[${i}].points`]: value, [`values.rows[${i}].pointsError`]: shown, formError: '' });
  },
  onCount(e: Change<{ index: number }>) {
    const i = e.currentTarget.dataset.index;
    const value = e.detail.value;
    const shown = this.data.values.rows[i]?.countError ? countError(value) : '';
    this.setData({ [`values.rows[${i}].count`]: value, [`values.rows[${i}].countError`]: shown, formError: '' });
  },
  onCap(e: Tap<{ index: number; cap: CapChoice }>) {
    const { index, cap } = e.currentTarget.dataset;
    const row = this.data.values.rows[index];
    if (!row) return;
    this.setData({ [`values.rows[${index}]`]: withCap(row, cap), formError: '' });
  },
  onWindow(e: Change<Record<string, never>>) {
    const value = e.detail.value;
    const shown = this.data.values.windowError ? windowError(value) : '';
    this.setData({ 'values.windowDays': value, 'values.windowError': shown, formError: '' });
  },
  async onSave() {
    if (this.data.busy) return;
    const { values, ok } = validate(this.data.values);
    if (!ok) {
      this.setData({ values, formError: '有填写不正确的地方，请按提示修改' });
      return;
    }
    this.setData({ values, busy: true, formError: '' });
    try {
      const view = await setPointRules(rulesInput(this.committeeId, values));
      this.setData({ values: valuesOf(view) });
      void wx.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) {
        const placed = placeServerIssues(values, err.details);
        this.setData({ values: placed.values, formError: placed.unplaced.join('；') || err.message });
      } else {
        this.setData({ formError: errorMessage(err) });
      }
    } finally {
      this.setData({ busy: false });
    }
  },
});
