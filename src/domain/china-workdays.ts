/**
 * Which Shanghai calendar days are working days, from the State Council's yearly holiday
 * arrangement as shipped by `chinese-days`. The package's own functions read the machine's zone,
 * so only its data table is used here. The arrangement for a year is published around November of
 * the year before; for a year the data does not cover, days fall back to plain weekends and say
 * so, rather than pretending a missing holiday is a working day.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { isoWeekday, type CivilDate } from './shanghai-time';

interface Arrangement {
  /** Values look like "National Day,国庆节,1": English name, Chinese name, statutory days. */
  holidays: Readonly<Record<string, string>>;
  adjustedWorkdays: Readonly<Record<string, string>>;
  /** Years for which the arrangement is known, ascending. */
  years: readonly number[];
}

let arrangement: Arrangement | undefined;

/**
 * The table, read on first use: it is the largest piece of data in the api function, and a
 * function's bundle loads it from beside itself only then (scripts/bundle-parts.ts).
 */
function known(): Arrangement {
  return (arrangement ??= {
    holidays: data.holidays,
    adjustedWorkdays: data.workdays,
    years: [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b),
  });
}

export function holidayDataYears(): readonly number[] {
  return known().years;
}

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
  return known().years.includes(year);
}

export function dayInfo(date: CivilDate): DayInfo {
  const holidayDataMissing = !hasHolidayData(Number(date.slice(0, 4)));
  const { holidays, adjustedWorkdays } = known();
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
