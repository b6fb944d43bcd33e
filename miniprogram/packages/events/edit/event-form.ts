/** The event form's values, how they become the API's input, and how an event fills them. */
import type { EventDetail, EventForm } from '../../../../src/contract';
import type { EventDetailsInput } from '../../../services/events';
import { shanghaiDate, shanghaiTime, toShanghaiIso } from '../../../utils/date';

export const FIELDS = ['title', 'theme', 'form', 'start', 'end', 'place', 'capacity', 'deadline'] as const;
export type Field = (typeof FIELDS)[number];

/** Server paths → the field that shows their message. */
export const FIELD_OF: Record<string, Field> = {
  title: 'title',
  theme: 'theme',
  form: 'form',
  startsAt: 'start',
  endsAt: 'end',
  'place.name': 'place',
  place: 'place',
  capacity: 'capacity',
  signUpDeadline: 'deadline',
};

export interface FormValues {
  title: string;
  theme: string;
  form: EventForm;
  startDate: string;
  startTime: string;
  endTime: string;
  placeName: string;
  /** Digits, or '' for no limit. */
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
}

export const NEW_EVENT: FormValues = {
  title: '',
  theme: '',
  form: '集体学习',
  startDate: '',
  startTime: '14:30',
  endTime: '16:30',
  placeName: '',
  capacity: '',
  deadlineDate: '',
  deadlineTime: '14:30',
};

export function valuesOf(event: EventDetail): FormValues {
  return {
    title: event.title,
    theme: event.theme,
    form: event.form,
    startDate: shanghaiDate(event.startsAt),
    startTime: shanghaiTime(event.startsAt),
    endTime: shanghaiTime(event.endsAt),
    placeName: event.place.name,
    capacity: event.counts.capacity === null ? '' : String(event.counts.capacity),
    deadlineDate: shanghaiDate(event.signUpDeadline),
    deadlineTime: shanghaiTime(event.signUpDeadline),
  };
}

/** What can be told before asking the server: dates not chosen, a capacity that is not a number. */
export function localIssues(values: FormValues): Partial<Record<Field, string>> {
  const issues: Partial<Record<Field, string>> = {};
  if (!values.startDate) issues.start = '请选择开始日期';
  if (!values.deadlineDate) issues.deadline = '请选择报名截止日期';
  if (values.capacity !== '' && !/^\d+$/.test(values.capacity)) issues.capacity = '名额应为整数，不限名额请留空';
  return issues;
}

/**
 * The event's details in the API's terms. The end is on the start's day (events last at most
 * a day; a night event ending after midnight would need its own date field). `place` keeps the
 * coordinates the event already had, which this form does not edit.
 */
export function detailsOf(values: FormValues, place: EventDetail['place'] | null): EventDetailsInput {
  return {
    title: values.title,
    theme: values.theme,
    form: values.form,
    startsAt: toShanghaiIso(values.startDate, values.startTime),
    endsAt: toShanghaiIso(values.startDate, values.endTime),
    place: place ? { ...place, name: values.placeName } : { name: values.placeName },
    capacity: values.capacity === '' ? null : Number(values.capacity),
    signUpDeadline: toShanghaiIso(values.deadlineDate, values.deadlineTime),
  };
}
