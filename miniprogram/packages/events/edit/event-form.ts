/** The event form's values, how they become the API's input, and how an event fills them. */
import type { EventDetail, EventForm, GeoPointView } from '../../../../src/contract';
import type { EventDetailsInput } from '../../../services/events';
import { shanghaiDate, shanghaiTime, toShanghaiIso } from '../../../utils/date';

export const FIELDS = [
  'title',
  'theme',
  'form',
  'start',
  'end',
  'place',
  'location',
  'radius',
  'capacity',
  'deadline',
] as const;
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
  'place.location': 'location',
  'place.location.latitude': 'location',
  'place.location.longitude': 'location',
  'place.requireLocation': 'location',
  'place.radiusM': 'radius',
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
  /** Where location check-in measures from; null: no location check. */
  location: GeoPointView | null;
  /** How the chosen point reads on the form ('' without one). */
  pointLabel: string;
  radiusM: number;
  requireLocation: boolean;
  /** Digits, or '' for no limit. */
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
}

/** The server's default radius (contract eventPlace), so a new event sends what it would assume. */
export const DEFAULT_RADIUS_M = 500;
export const RADIUS_CHOICES_M = [100, 200, 300, 500, 1000] as const;

/** A chosen point as the person recognises it: its name and address. */
export const pointLabelOf = (name: string, address: string): string =>
  [name, address].filter((part) => part !== '').join(' · ');

/** A stored point has no address; its coordinates show it is set. */
const coordinatesLabel = ({ latitude, longitude }: GeoPointView): string =>
  `纬度 ${latitude.toFixed(5)}，经度 ${longitude.toFixed(5)}`;

export const NEW_EVENT: FormValues = {
  title: '',
  theme: '',
  form: '集体学习',
  startDate: '',
  startTime: '14:30',
  endTime: '16:30',
  placeName: '',
  location: null,
  pointLabel: '',
  radiusM: DEFAULT_RADIUS_M,
  requireLocation: false,
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
    location: event.place.location,
    pointLabel: event.place.location ? coordinatesLabel(event.place.location) : '',
    radiusM: event.place.radiusM,
    requireLocation: event.place.requireLocation,
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
 * a day; a night event ending after midnight would need its own date field). The whole place is
 * sent, so clearing the point on an edit removes it.
 */
export function detailsOf(values: FormValues): EventDetailsInput {
  return {
    title: values.title,
    theme: values.theme,
    form: values.form,
    startsAt: toShanghaiIso(values.startDate, values.startTime),
    endsAt: toShanghaiIso(values.startDate, values.endTime),
    place: {
      name: values.placeName,
      location: values.location,
      radiusM: values.radiusM,
      requireLocation: values.location !== null && values.requireLocation,
    },
    capacity: values.capacity === '' ? null : Number(values.capacity),
    signUpDeadline: toShanghaiIso(values.deadlineDate, values.deadlineTime),
  };
}
