/**
 * Study days and streaks, all in Asia/Shanghai civil dates (functions run in UTC). A study day is
 * the Shanghai calendar day of the instant a member checks in; streaks run over civil dates, so
 * month ends, year ends and 29 February are ordinary consecutive days.
 */
import { addDays, isoWeekday, shanghaiDateOf, type CivilDate } from './shanghai-time';

/** The Shanghai day of an instant as the compact key used in document ids: 'YYYYMMDD'. */
export function dayKey(day: CivilDate): string {
  return day.replace(/-/g, '');
}

export function studyDayOf(instant: Date): CivilDate {
  return shanghaiDateOf(instant);
}

export interface Streaks {
  /** Consecutive days ending today, or ending yesterday when today has no check-in yet. */
  current: number;
  longest: number;
}

/** `days`: the member's study days (any order, duplicates allowed). */
export function streaksOf(days: readonly CivilDate[], today: CivilDate): Streaks {
  const set = new Set(days.filter((day) => day <= today));
  const sorted = [...set].sort();
  let longest = 0;
  let run = 0;
  let previous: CivilDate | null = null;
  for (const day of sorted) {
    run = previous !== null && addDays(previous, 1) === day ? run + 1 : 1;
    if (run > longest) longest = run;
    previous = day;
  }
  let current = 0;
  let cursor = set.has(today) ? today : addDays(today, -1);
  while (set.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  return { current, longest };
}

/** Monday of the ISO week a civil date falls in. */
export function weekStartOf(day: CivilDate): CivilDate {
  return addDays(day, 1 - isoWeekday(day));
}

/** ISO week key, 'YYYY-Www' (the week belongs to the year of its Thursday). */
export function isoWeekKey(day: CivilDate): string {
  const thursday = addDays(weekStartOf(day), 3);
  const year = thursday.slice(0, 4);
  const firstThursday = (() => {
    const jan4 = `${year}-01-04`;
    return addDays(weekStartOf(jan4), 3);
  })();
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface MinuteFact {
  day: CivilDate;
  minutes: number;
}

/** Minutes studied this ISO week and this calendar month (Shanghai), up to and including today. */
export function minutesSummary(facts: readonly MinuteFact[], today: CivilDate): { week: number; month: number } {
  const weekStart = weekStartOf(today);
  const month = today.slice(0, 7);
  let week = 0;
  let inMonth = 0;
  for (const fact of facts) {
    if (fact.day > today) continue;
    if (fact.day >= weekStart) week += fact.minutes;
    if (fact.day.startsWith(month)) inMonth += fact.minutes;
  }
  return { week, month: inMonth };
}

/**
 * 补学 may be asked for a missed day strictly before today and at most `windowDays` days back
 * (yesterday is 1 day back).
 */
export function makeUpAllowed(day: CivilDate, today: CivilDate, windowDays: number): 'ok' | 'future' | 'tooOld' {
  if (day >= today) return 'future';
  if (day < addDays(today, -windowDays)) return 'tooOld';
  return 'ok';
}
