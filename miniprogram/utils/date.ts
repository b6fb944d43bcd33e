/**
 * The one place dates and times are written for people, in Beijing time whatever the phone's zone:
 * the API speaks ISO-8601 instants and civil dates (`YYYY-MM-DD`), people read Asia/Shanghai wall
 * time in one style everywhere:
 * - a pure date (joined a branch, a term, a deadline day): `2026年2月1日`, never with a time;
 * - an event's moment, where the weekday matters: `12月4日 周五 14:30` (year when not this one);
 * - a recorded moment (a transfer asked for, progress noted): `2026年12月4日 18:00`.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Beijing wall clock of an instant, read through UTC getters. */
function shanghai(iso: string): Date {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
}

/** An ISO-8601 instant as Beijing time, e.g. `2026年12月4日 18:00`, whatever the phone's zone. */
export function formatDateTime(iso: string): string {
  const d = shanghai(iso);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A pure date as `2026年2月1日`, from a civil date `YYYY-MM-DD`. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/** The Beijing day of an instant whose time means nothing (入支, a history entry): `2019年3月1日`. */
export function formatDate(iso: string): string {
  return formatDay(shanghaiDate(iso));
}

/** `2026年1月1日 至 2027年12月31日`. */
export function termText(start: string, end: string): string {
  return `${formatDay(start)} 至 ${formatDay(end)}`;
}

/** Today in Beijing, `YYYY-MM-DD`. */
export function todayInShanghai(now = Date.now()): string {
  return shanghaiDate(new Date(now).toISOString());
}

export function yearInShanghai(now = Date.now()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

/** `YYYY-MM-DD` of the instant in Beijing. */
export function shanghaiDate(iso: string): string {
  const d = shanghai(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `HH:mm` (or `HH:mm:ss`) of the instant in Beijing. */
export function shanghaiTime(iso: string, withSeconds = false): string {
  const d = shanghai(iso);
  const seconds = withSeconds ? `:${pad(d.getUTCSeconds())}` : '';
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds}`;
}

/** Beijing wall time as the instant the API takes, e.g. `2026-05-15T14:30:00+08:00`. */
export function toShanghaiIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** A civil date `YYYY-MM-DD` as `10月8日 周四` (with the year when it is not `currentYear`). */
export function formatCivilDate(date: string, currentYear?: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const prefix = currentYear !== undefined && currentYear !== year ? `${year}年` : '';
  return `${prefix}${month}月${day}日 ${weekday}`;
}

/** A moment of an event, e.g. `12月4日 周五 14:30` (with the year when it is not the current one). */
export function formatEventMoment(iso: string, now = Date.now()): string {
  return `${formatCivilDate(shanghaiDate(iso), yearInShanghai(now))} ${shanghaiTime(iso)}`;
}

/**
 * When an event takes place, e.g. `5月15日 周五 14:30–16:30`; the end's date is written out when
 * it falls on another day, the year when it is not the current one.
 */
export function formatEventTime(startsAt: string, endsAt: string, now = Date.now()): string {
  const currentYear = yearInShanghai(now);
  const startDate = shanghaiDate(startsAt);
  const endDate = shanghaiDate(endsAt);
  const start = `${formatCivilDate(startDate, currentYear)} ${shanghaiTime(startsAt)}`;
  const end =
    endDate === startDate ? shanghaiTime(endsAt) : `${formatCivilDate(endDate, currentYear)} ${shanghaiTime(endsAt)}`;
  return `${start}–${end}`;
}

/** Time left, coarse enough to read at a glance: `3天5小时`, `2小时10分钟`, `8分钟`, `不到1分钟`. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE_MS) return '不到1分钟';
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
  return `${minutes}分钟`;
}

/** A date inside a picker: the same `2027年12月31日` as everywhere, or what to pick. */
export function pickerDateText(date: string, empty = '请选择'): string {
  return date ? formatDay(date) : empty;
}
