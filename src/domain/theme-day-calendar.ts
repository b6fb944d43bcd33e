/**
 * The monthly theme-day calendar of a pairing or branch: a rule ("the 15th", "the last Friday")
 * turned into concrete dates in Asia/Shanghai, moved off rest days by policy, then overridden by
 * hand where a secretary moved or cancelled one. Occurrences are keyed by the rule's month so the
 * scheduler can regenerate a rolling window and upsert without creating duplicates.
 */
import { dayInfo, isWorkingDay, type DayInfo } from './china-workdays';
import {
  addDays,
  addMonths,
  addShanghaiMonths,
  daysInMonth,
  isoWeekday,
  isTimeOfDay,
  shanghaiDateOf,
  shanghaiInstant,
  type CivilDate,
  type TimeOfDay,
} from './shanghai-time';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type MonthlyRule =
  /** Day 1..31; a day past the end of a short month means that month's last day. */
  | { kind: 'dayOfMonth'; day: number }
  /** n = -1 is the last such weekday of the month. */
  | { kind: 'nthWeekday'; n: 1 | 2 | 3 | 4 | -1; weekday: Weekday };

/** What to do when the rule date is a rest day (statutory holiday, or a weekend not worked as 调休). */
export type HolidayPolicy = 'nextWorkday' | 'previousWorkday' | 'keep';

export interface ThemeDayRule {
  monthly: MonthlyRule;
  startTime: TimeOfDay;
  holidayPolicy: HolidayPolicy;
}

export type RestDay = { kind: 'weekend' } | { kind: 'holiday'; holidayName: string };

export type Adjustment =
  | { kind: 'none' }
  | { kind: 'kept'; restDay: RestDay }
  | { kind: 'moved'; restDay: RestDay; direction: 'next' | 'previous' };

export type OccurrenceStatus = 'scheduled' | 'moved' | 'cancelled';

export interface ThemeDayOccurrence {
  /** The rule's month, 'YYYY-MM': stable across regenerations and overrides. */
  key: string;
  ruleDate: CivilDate;
  /** The rule's day when it did not exist in this month (e.g. 31 in April), else null. */
  clampedFromDay: number | null;
  /** The date after the holiday policy, before any override. */
  scheduledDate: CivilDate;
  adjustment: Adjustment;
  /** True when a day consulted lies in a year without holiday data: only weekends were known. */
  holidayDataMissing: boolean;
  status: OccurrenceStatus;
  /** Effective date, time and start instant (after an override, if any). */
  date: CivilDate;
  startTime: TimeOfDay;
  startsAt: Date;
  overrideReason: string | null;
}

export type OccurrenceOverride =
  | { key: string; kind: 'moved'; date: CivilDate; startTime: TimeOfDay; reason: string }
  | { key: string; kind: 'cancelled'; reason: string };

/** How far a rest-day search may go; the longest run of rest days so far is 9 (春节 2026). */
const MAX_REST_RUN = 31;

export function assertThemeDayRule(rule: ThemeDayRule): void {
  const { monthly } = rule;
  if (monthly.kind === 'dayOfMonth') {
    if (!Number.isInteger(monthly.day) || monthly.day < 1 || monthly.day > 31) {
      throw new RangeError(`day of month must be 1..31, got ${monthly.day}`);
    }
  } else {
    if (![1, 2, 3, 4, -1].includes(monthly.n)) throw new RangeError(`n must be 1..4 or -1, got ${monthly.n}`);
    if (!Number.isInteger(monthly.weekday) || monthly.weekday < 1 || monthly.weekday > 7) {
      throw new RangeError(`weekday must be 1..7, got ${monthly.weekday}`);
    }
  }
  if (!isTimeOfDay(rule.startTime)) throw new RangeError(`start time must be HH:mm, got ${rule.startTime}`);
  if (!['nextWorkday', 'previousWorkday', 'keep'].includes(rule.holidayPolicy)) {
    throw new RangeError(`unknown holiday policy ${String(rule.holidayPolicy)}`);
  }
}

/** The rule's date in a month ('YYYY-MM'), before any holiday policy. */
export function ruleDateIn(monthly: MonthlyRule, month: string): { date: CivilDate; clampedFromDay: number | null } {
  const lastDay = daysInMonth(month);
  const at = (day: number): CivilDate => `${month}-${String(day).padStart(2, '0')}`;
  if (monthly.kind === 'dayOfMonth') {
    const day = Math.min(monthly.day, lastDay);
    return { date: at(day), clampedFromDay: day === monthly.day ? null : monthly.day };
  }
  if (monthly.n === -1) {
    const back = (isoWeekday(at(lastDay)) - monthly.weekday + 7) % 7;
    return { date: at(lastDay - back), clampedFromDay: null };
  }
  const first = 1 + ((monthly.weekday - isoWeekday(at(1)) + 7) % 7);
  return { date: at(first + 7 * (monthly.n - 1)), clampedFromDay: null };
}

function restDayOf(info: DayInfo): RestDay {
  return info.kind === 'holiday' ? { kind: 'holiday', holidayName: info.holidayName } : { kind: 'weekend' };
}

function applyHolidayPolicy(
  ruleDate: CivilDate,
  policy: HolidayPolicy,
): { date: CivilDate; adjustment: Adjustment; holidayDataMissing: boolean } {
  const info = dayInfo(ruleDate);
  if (isWorkingDay(info))
    return { date: ruleDate, adjustment: { kind: 'none' }, holidayDataMissing: info.holidayDataMissing };
  const restDay = restDayOf(info);
  if (policy === 'keep')
    return { date: ruleDate, adjustment: { kind: 'kept', restDay }, holidayDataMissing: info.holidayDataMissing };
  const step = policy === 'nextWorkday' ? 1 : -1;
  let missing = info.holidayDataMissing;
  for (let offset = step; Math.abs(offset) <= MAX_REST_RUN; offset += step) {
    const candidate = addDays(ruleDate, offset);
    const candidateInfo = dayInfo(candidate);
    missing ||= candidateInfo.holidayDataMissing;
    if (isWorkingDay(candidateInfo)) {
      const direction = step === 1 ? 'next' : 'previous';
      return { date: candidate, adjustment: { kind: 'moved', restDay, direction }, holidayDataMissing: missing };
    }
  }
  throw new Error(`no working day within ${MAX_REST_RUN} days of ${ruleDate}`);
}

/** The occurrence for one rule month, whatever the window. */
export function occurrenceFor(rule: ThemeDayRule, month: string): ThemeDayOccurrence {
  const { date: ruleDate, clampedFromDay } = ruleDateIn(rule.monthly, month);
  const { date, adjustment, holidayDataMissing } = applyHolidayPolicy(ruleDate, rule.holidayPolicy);
  return {
    key: month,
    ruleDate,
    clampedFromDay,
    scheduledDate: date,
    adjustment,
    holidayDataMissing,
    status: 'scheduled',
    date,
    startTime: rule.startTime,
    startsAt: shanghaiInstant(date, rule.startTime),
    overrideReason: null,
  };
}

/**
 * Occurrences starting in [from, from + months), in start order. Rule months one either side of
 * the window are considered too, because a holiday move can carry a date across a month end.
 */
export function generateOccurrences(rule: ThemeDayRule, from: Date, months = 12): ThemeDayOccurrence[] {
  assertThemeDayRule(rule);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a positive integer, got ${months}`);
  const until = addShanghaiMonths(from, months);
  const firstMonth = shanghaiDateOf(from).slice(0, 7);
  const result: ThemeDayOccurrence[] = [];
  for (let i = -1; i <= months; i += 1) {
    const occurrence = occurrenceFor(rule, addMonths(firstMonth, i));
    const start = occurrence.startsAt.getTime();
    if (start >= from.getTime() && start < until.getTime()) result.push(occurrence);
  }
  return result;
}

/** Overrides whose key is not in the list belong to another window and are ignored. */
export function applyOverrides(
  occurrences: readonly ThemeDayOccurrence[],
  overrides: readonly OccurrenceOverride[],
): ThemeDayOccurrence[] {
  const byKey = new Map(overrides.map((o) => [o.key, o]));
  return occurrences.map((occurrence) => {
    const override = byKey.get(occurrence.key);
    if (!override) return occurrence;
    if (override.kind === 'cancelled') return { ...occurrence, status: 'cancelled', overrideReason: override.reason };
    return {
      ...occurrence,
      status: 'moved',
      date: override.date,
      startTime: override.startTime,
      startsAt: shanghaiInstant(override.date, override.startTime),
      overrideReason: override.reason,
    };
  });
}
