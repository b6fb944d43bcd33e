/**
 * Which Shanghai calendar days are working days, from the State Council's yearly holiday
 * arrangement as shipped by `chinese-days`. The package's own functions read the machine's zone,
 * so only its data table is used here. The arrangement for a year is published around November of
 * the year before; for a year the data does not cover, days fall back to plain weekends and say
 * so, rather than pretending a missing holiday is a working day.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { isoWeekday, type CivilDate } from './shanghai-time';

/** Values look like "National Day,国庆节,1": English name, Chinese name, statutory days. */
const holidays: Readonly<Record<string, string>> = data.holidays;
const adjustedWorkdays: Readonly<Record<string, string>> = data.workdays;

/** Years for which the arrangement is known, ascending. */
export const HOLIDAY_DATA_YEARS: readonly number[] = [
  ...new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

export type DayKind =
  | { kind: 'workday' }
  /** 调休上班: a weekend day worked to make up for a holiday. */
  | { kind: 'adjustedWorkday'; holidayName: string }
  | { kind: 'weekend' }
  | { kind: 'holiday'; holidayName: string };

export type DayInfo = DayKind & { holidayDataMissing: boolean };

function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

export function hasHolidayData(year: number): boolean {
  return HOLIDAY_DATA_YEARS.includes(year);
}

export function dayInfo(date: CivilDate): DayInfo {
  const holidayDataMissing = !hasHolidayData(Number(date.slice(0, 4)));
  const adjusted = adjustedWorkdays[date];
  if (adjusted !== undefined)
    return { kind: 'adjustedWorkday', holidayName: chineseName(adjusted), holidayDataMissing };
  const holiday = holidays[date];
  if (holiday !== undefined) return { kind: 'holiday', holidayName: chineseName(holiday), holidayDataMissing };
  return { kind: isoWeekday(date) >= 6 ? 'weekend' : 'workday', holidayDataMissing };
}

export function isWorkingDay(info: DayKind): boolean {
  return info.kind === 'workday' || info.kind === 'adjustedWorkday';
}
