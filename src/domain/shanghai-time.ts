/**
 * Civil dates and times in Asia/Shanghai. Functions run in UTC and members live in China, so every
 * "which day is it" question goes through here instead of the machine's zone.
 * A civil date is a 'YYYY-MM-DD' string; date arithmetic on it is done in UTC, where days never
 * shift, and only the conversion to and from instants involves the zone.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const SHANGHAI_TZ = 'Asia/Shanghai';

/** 'YYYY-MM-DD' */
export type CivilDate = string;
/** 'HH:mm', 24-hour */
export type TimeOfDay = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isCivilDate(value: string): boolean {
  return CIVIL_DATE.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDateOf(instant: Date): CivilDate {
  return dayjs(instant).tz(SHANGHAI_TZ).format('YYYY-MM-DD');
}

/** The instant at which a Shanghai wall-clock date and time occurs. */
export function shanghaiInstant(date: CivilDate, time: TimeOfDay): Date {
  if (!isCivilDate(date)) throw new RangeError(`not a civil date: ${date}`);
  if (!isTimeOfDay(time)) throw new RangeError(`not a time of day: ${time}`);
  return dayjs.tz(`${date}T${time}:00`, SHANGHAI_TZ).toDate();
}

/** The same Shanghai wall-clock moment a number of calendar months later (day clamps to month end). */
export function addShanghaiMonths(instant: Date, months: number): Date {
  const wall = dayjs(instant).tz(SHANGHAI_TZ).format('YYYY-MM-DDTHH:mm:ss.SSS');
  const later = dayjs.utc(wall).add(months, 'month').format('YYYY-MM-DDTHH:mm:ss.SSS');
  return dayjs.tz(later, SHANGHAI_TZ).toDate();
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** 'YYYY-MM' plus a number of months. */
export function addMonths(month: string, months: number): string {
  return dayjs.utc(`${month}-01`).add(months, 'month').format('YYYY-MM');
}

export function daysInMonth(month: string): number {
  return dayjs.utc(`${month}-01`).daysInMonth();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  const day = dayjs.utc(date).day();
  return day === 0 ? 7 : day;
}
