/**
 * Create or edit an event (organisers): title, theme, form, start and end, place (with an optional
 * point on the map for location check-in), capacity, sign-up deadline, in Beijing time whatever the phone's zone. The server's field messages appear
 * on the fields. A new event is saved as a draft and opens on its page, where it is published.
 */
import type { EventForm } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { createEvent, getEvent, updateEvent } from '../../../services/events';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { formatCivilDate, shanghaiDate } from '../../../utils/date';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';
import { choosePlace } from './choose-place';
import {
  detailsOf,
  FIELD_OF,
  FIELDS,
  localIssues,
  NEW_EVENT,
  pointLabelOf,
  RADIUS_CHOICES_M,
  valuesOf,
} from './event-form';
import type { FormValues } from './event-form';

/** Every form of the contract's EventForm, once: the type fails if one is missing or unknown. */
const FORM_OPTIONS: Record<EventForm, true> = {
  集体学习: true,
  讲党课: true,
  参观红色教育基地: true,
  志愿服务: true,
  走访慰问: true,
  其他: true,
};

function formChips(chosen: EventForm) {
  return (Object.keys(FORM_OPTIONS) as EventForm[]).map((form) => ({
    form,
    className: form === chosen ? 'edit__chip edit__chip--on' : 'edit__chip',
  }));
}

/** The usual radii, plus an event's own if it was set to another one. */
function radiusChips(chosen: number) {
  const radii = RADIUS_CHOICES_M.includes(chosen as (typeof RADIUS_CHOICES_M)[number])
    ? [...RADIUS_CHOICES_M]
    : [...RADIUS_CHOICES_M, chosen].sort((a, b) => a - b);
  return radii.map((radiusM) => ({
    radiusM,
    className: radiusM === chosen ? 'edit__chip edit__chip--on' : 'edit__chip',
  }));
}

const LOCATION_REFUSED = '未获得位置权限，可不设签到位置，扫码签到不受影响';

const dateText = (date: string): string => (date ? formatCivilDate(date) : '请选择日期');

type TextField = 'title' | 'theme' | 'placeName' | 'capacity';
type PickField = 'startDate' | 'startTime' | 'endTime' | 'deadlineDate' | 'deadlineTime';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    editing: false,
    values: NEW_EVENT,
    forms: formChips(NEW_EVENT.form),
    radii: radiusChips(NEW_EVENT.radiusM),
    locationHint: '',
    startDateText: dateText(''),
    deadlineDateText: dateText(''),
    today: '',
    saving: false,
    submitText: '保存草稿',
    ...formErrors(FIELDS),
  },
  eventId: '',
  /** Until the person picks a deadline, it follows the start. */
  deadlineTouched: false,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.id ?? '';
    this.setData({ today: shanghaiDate(new Date().toISOString()) });
    if (this.eventId) {
      wx.setNavigationBarTitle({ title: '编辑活动' });
      void this.load();
    } else {
      this.setData({ status: 'ready' });
    }
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
      const event = await getEvent(this.eventId);
      this.deadlineTouched = true;
      this.setValues(valuesOf(event), { status: 'ready', editing: true, submitText: '保存修改' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  /** New values plus the labels that derive from them. */
  setValues(values: FormValues, extra: Record<string, unknown> = {}) {
    this.setData({
      ...extra,
      values,
      forms: formChips(values.form),
      radii: radiusChips(values.radiusM),
      startDateText: dateText(values.startDate),
      deadlineDateText: dateText(values.deadlineDate),
    });
  },

  onText(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
    const { field } = e.currentTarget.dataset;
    const errorKey = field === 'placeName' ? 'place' : field;
    this.setData({
      [`values.${field}`]: e.detail.value,
      [`errors.${errorKey}`]: '',
      [`statuses.${errorKey}`]: 'default',
    });
  },
  onForm(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { form: EventForm }>) {
    const { form } = e.currentTarget.dataset;
    this.setData({ 'values.form': form, forms: formChips(form), 'errors.form': '' });
  },
  onPick(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: PickField }>) {
    const { field } = e.currentTarget.dataset;
    if (field === 'deadlineDate' || field === 'deadlineTime') this.deadlineTouched = true;
    const values: FormValues = { ...this.data.values, [field]: e.detail.value };
    if (!this.deadlineTouched) {
      values.deadlineDate = values.startDate;
      values.deadlineTime = values.startTime;
    }
    this.setValues(values);
  },

  async onChooseLocation() {
    const chosen = await choosePlace();
    if (chosen === 'cancelled') return;
    if (chosen === 'refused') {
      this.setData({ locationHint: LOCATION_REFUSED });
      return;
    }
    const values = this.data.values;
    this.setValues(
      {
        ...values,
        placeName: values.placeName || chosen.name,
        location: chosen.location,
        pointLabel: pointLabelOf(chosen.name, chosen.address),
      },
      { locationHint: '', 'errors.location': '', 'errors.place': '', 'statuses.place': 'default' },
    );
  },
  onClearLocation() {
    this.setValues(
      { ...this.data.values, location: null, pointLabel: '', requireLocation: false },
      { 'errors.location': '', 'errors.radius': '' },
    );
  },
  onRadius(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { radius: number }>) {
    const radiusM = Number(e.currentTarget.dataset.radius);
    this.setValues({ ...this.data.values, radiusM }, { 'errors.radius': '' });
  },
  onRequireLocation(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    this.setData({ 'values.requireLocation': e.detail.value, 'errors.location': '' });
  },

  async onSubmit() {
    if (this.data.saving) return;
    const values = this.data.values;
    const issues = localIssues(values);
    if (Object.keys(issues).length > 0) {
      this.setData(formErrors(FIELDS, issues));
      return;
    }
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      const details = detailsOf(values);
      const event = this.eventId ? await updateEvent(this.eventId, details) : await createEvent(details);
      markEventsStale();
      this.setData({ saving: false });
      void wx.showToast({ title: '已保存', icon: 'success' });
      if (this.eventId) void wx.navigateBack();
      else void wx.redirectTo({ url: withQuery(ROUTES.eventDetail, { id: event.id }) });
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },
});
