/**
 * The secretary's theme-day rule: a day of the month or the nth weekday, the start time, what to
 * do when it falls on a holiday or weekend, how long it lasts and where. Saving regenerates the
 * next twelve months; the calendar page shows them when this page closes.
 */
import { errorMessage } from '../../../services/api';
import { getThemeDayRule, setThemeDayRule } from '../../../services/theme-days';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import type { ViewStatus } from '../../../utils/session-view';
import {
  DAY_LABELS,
  DEFAULT_RULE,
  DURATION_LABELS,
  FIELD_OF,
  FIELDS,
  NTH_LABELS,
  ruleInput,
  ruleLabels,
  valuesOf,
  WEEKDAY_NAMES,
} from './rule-form';
import type { RuleValues } from './rule-form';

type IndexField = 'dayIndex' | 'nIndex' | 'weekdayIndex' | 'durationIndex';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    values: DEFAULT_RULE,
    ...ruleLabels(DEFAULT_RULE),
    dayLabels: DAY_LABELS,
    nthLabels: NTH_LABELS,
    weekdayLabels: WEEKDAY_NAMES,
    durationLabels: DURATION_LABELS,
    saving: false,
    ...formErrors(FIELDS),
  },

  onLoad() {
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },

  async load() {
    try {
      const rule = await getThemeDayRule();
      this.setValues(rule ? valuesOf(rule) : DEFAULT_RULE, { status: 'ready' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  setValues(values: RuleValues, extra: Record<string, unknown> = {}) {
    this.setData({ ...extra, values, ...ruleLabels(values) });
  },
  change(patch: Partial<RuleValues>) {
    this.setValues({ ...this.data.values, ...patch });
  },

  onKind(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { kind: RuleValues['kind'] }>) {
    this.change({ kind: e.currentTarget.dataset.kind });
  },
  onPolicy(
    e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { policy: RuleValues['policy'] }>,
  ) {
    this.change({ policy: e.currentTarget.dataset.policy });
  },
  onIndex(e: WechatMiniprogram.CustomEvent<{ value: string | number }, Record<string, never>, { field: IndexField }>) {
    this.change({ [e.currentTarget.dataset.field]: Number(e.detail.value) });
  },
  onTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.change({ startTime: e.detail.value });
  },
  onPlace(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ 'values.placeName': e.detail.value, 'errors.placeName': '', 'statuses.placeName': 'default' });
  },

  async onSubmit() {
    if (this.data.saving) return;
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      await setThemeDayRule(ruleInput(this.data.values));
      markEventsStale();
      this.setData({ saving: false });
      void wx.showToast({ title: '已保存', icon: 'success' });
      void wx.navigateBack();
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },
});
