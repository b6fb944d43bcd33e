import { dayInfo, holidayDataYears } from '../../../src/domain/china-workdays';
import {
  applyOverrides,
  generateOccurrences,
  occurrenceFor,
  ruleDateIn,
  type HolidayPolicy,
  type MonthlyRule,
  type ThemeDayRule,
} from '../../../src/domain/theme-day-calendar';

const rule = (
  monthly: MonthlyRule,
  holidayPolicy: HolidayPolicy = 'nextWorkday',
  startTime = '14:30',
): ThemeDayRule => ({
  monthly,
  startTime,
  holidayPolicy,
});
const dayOfMonth = (day: number): MonthlyRule => ({ kind: 'dayOfMonth', day });

describe('holiday data', () => {
  it('covers 2004 to 2026 and nothing later', () => {
    const years = holidayDataYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
  });

  it('tells holidays, adjusted working weekends and plain weekends apart', () => {
    expect(dayInfo('2026-10-01')).toEqual({ kind: 'holiday', holidayName: '国庆节', holidayDataMissing: false });
    expect(dayInfo('2026-09-20')).toEqual({
      kind: 'adjustedWorkday',
      holidayName: '国庆节',
      holidayDataMissing: false,
    });
    expect(dayInfo('2026-10-17')).toEqual({ kind: 'weekend', holidayDataMissing: false });
    expect(dayInfo('2026-10-16')).toEqual({ kind: 'workday', holidayDataMissing: false });
  });

  it('marks days of an uncovered year instead of pretending to know them', () => {
    expect(dayInfo('2027-02-08')).toEqual({ kind: 'workday', holidayDataMissing: true });
    expect(dayInfo('2027-02-06')).toEqual({ kind: 'weekend', holidayDataMissing: true });
  });
});

describe('ruleDateIn', () => {
  it('clamps a day past the month end to the last day, and says so', () => {
    expect(ruleDateIn(dayOfMonth(31), '2026-02')).toEqual({ date: '2026-02-28', clampedFromDay: 31 });
    expect(ruleDateIn(dayOfMonth(30), '2028-02')).toEqual({ date: '2028-02-29', clampedFromDay: 30 });
    expect(ruleDateIn(dayOfMonth(31), '2026-04')).toEqual({ date: '2026-04-30', clampedFromDay: 31 });
    expect(ruleDateIn(dayOfMonth(31), '2026-03')).toEqual({ date: '2026-03-31', clampedFromDay: null });
  });

  it('finds the nth and the last weekday of a month', () => {
    expect(ruleDateIn({ kind: 'nthWeekday', n: 1, weekday: 5 }, '2026-01').date).toBe('2026-01-02');
    expect(ruleDateIn({ kind: 'nthWeekday', n: 1, weekday: 4 }, '2026-01').date).toBe('2026-01-01');
    expect(ruleDateIn({ kind: 'nthWeekday', n: 4, weekday: 1 }, '2026-02').date).toBe('2026-02-23');
    expect(ruleDateIn({ kind: 'nthWeekday', n: -1, weekday: 7 }, '2026-05').date).toBe('2026-05-31');
    expect(ruleDateIn({ kind: 'nthWeekday', n: -1, weekday: 5 }, '2026-10').date).toBe('2026-10-30');
    expect(ruleDateIn({ kind: 'nthWeekday', n: -1, weekday: 2 }, '2026-06').date).toBe('2026-06-30');
  });
});

describe('holiday policy', () => {
  it('moves a National Day rule date to the first working day after the week (Oct 8)', () => {
    const o = occurrenceFor(rule(dayOfMonth(1)), '2026-10');
    expect(o).toMatchObject({
      key: '2026-10',
      ruleDate: '2026-10-01',
      scheduledDate: '2026-10-08',
      date: '2026-10-08',
      adjustment: { kind: 'moved', restDay: { kind: 'holiday', holidayName: '国庆节' }, direction: 'next' },
      holidayDataMissing: false,
      status: 'scheduled',
    });
    expect(o.startsAt.toISOString()).toBe('2026-10-08T06:30:00.000Z');
    expect(occurrenceFor(rule(dayOfMonth(5)), '2026-10').date).toBe('2026-10-08');
  });

  it('moves back to Sep 30 with previousWorkday and stays put with keep', () => {
    expect(occurrenceFor(rule(dayOfMonth(1), 'previousWorkday'), '2026-10').date).toBe('2026-09-30');
    const kept = occurrenceFor(rule(dayOfMonth(1), 'keep'), '2026-10');
    expect(kept.date).toBe('2026-10-01');
    expect(kept.adjustment).toEqual({ kind: 'kept', restDay: { kind: 'holiday', holidayName: '国庆节' } });
  });

  it('moves out of Spring Festival 2026, landing on an adjusted working Saturday going back', () => {
    expect(occurrenceFor(rule(dayOfMonth(16)), '2026-02').date).toBe('2026-02-24');
    const back = occurrenceFor(rule(dayOfMonth(16), 'previousWorkday'), '2026-02');
    expect(back.date).toBe('2026-02-14');
    expect(back.adjustment).toMatchObject({ kind: 'moved', restDay: { kind: 'holiday', holidayName: '春节' } });
  });

  it('leaves a rule date on an adjusted working Sunday or Saturday alone', () => {
    for (const [day, month] of [
      [20, '2026-09'],
      [4, '2026-01'],
      [10, '2026-10'],
    ] as const) {
      const o = occurrenceFor(rule(dayOfMonth(day)), month);
      expect(o.date).toBe(o.ruleDate);
      expect(o.adjustment).toEqual({ kind: 'none' });
    }
  });

  it('moves a plain weekend, and keep reports that it is one', () => {
    expect(occurrenceFor(rule(dayOfMonth(17)), '2026-10')).toMatchObject({
      date: '2026-10-19',
      adjustment: { kind: 'moved', restDay: { kind: 'weekend' }, direction: 'next' },
    });
    expect(occurrenceFor(rule(dayOfMonth(17), 'keep'), '2026-10').adjustment).toEqual({
      kind: 'kept',
      restDay: { kind: 'weekend' },
    });
  });

  it('first Friday of January 2026 is New Year holiday: next working day is the adjusted Sunday Jan 4', () => {
    expect(occurrenceFor(rule({ kind: 'nthWeekday', n: 1, weekday: 5 }), '2026-01').date).toBe('2026-01-04');
  });

  it('can cross a month or year end while keeping the rule month as key', () => {
    const lastSunday = occurrenceFor(rule({ kind: 'nthWeekday', n: -1, weekday: 7 }), '2026-05');
    expect(lastSunday).toMatchObject({ key: '2026-05', ruleDate: '2026-05-31', date: '2026-06-01' });
    const newYear = occurrenceFor(rule(dayOfMonth(1), 'previousWorkday'), '2026-01');
    expect(newYear).toMatchObject({ key: '2026-01', date: '2025-12-31', holidayDataMissing: false });
  });

  it('Spring Festival 2027 has no data: falls back to weekends and flags it', () => {
    const monday = occurrenceFor(rule(dayOfMonth(8)), '2027-02');
    expect(monday).toMatchObject({ date: '2027-02-08', adjustment: { kind: 'none' }, holidayDataMissing: true });
    const saturday = occurrenceFor(rule(dayOfMonth(6)), '2027-02');
    expect(saturday).toMatchObject({
      date: '2027-02-08',
      adjustment: { kind: 'moved', restDay: { kind: 'weekend' } },
      holidayDataMissing: true,
    });
  });

  it('flags a move that had to look into an uncovered year', () => {
    const o = occurrenceFor(rule({ kind: 'nthWeekday', n: 1, weekday: 6 }, 'previousWorkday'), '2027-01');
    expect(o).toMatchObject({ ruleDate: '2027-01-02', date: '2027-01-01', holidayDataMissing: true });
  });
});

describe('generateOccurrences', () => {
  // 2026-12-31T16:30Z is 00:30 on Jan 1 2027 in Shanghai, while the machine (TZ=UTC) says Dec 31.
  const newYearInShanghai = new Date('2026-12-31T16:30:00Z');

  it('generates the twelve months from a Shanghai New Year instant', () => {
    const list = generateOccurrences(rule(dayOfMonth(1), 'keep', '08:00'), newYearInShanghai);
    expect(list.map((o) => o.key)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
    expect(list[0]!.startsAt.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(list.every((o) => o.holidayDataMissing)).toBe(true);
  });

  it('covers [from, from + 12 months): an occurrence 15 minutes before the instant is out, a year later in', () => {
    const list = generateOccurrences(rule(dayOfMonth(1), 'keep', '00:15'), newYearInShanghai);
    expect(list[0]!.key).toBe('2027-02');
    expect(list[list.length - 1]!.key).toBe('2028-01');
    expect(list).toHaveLength(12);
  });

  it('still includes a Dec 31 occurrence later that Shanghai evening', () => {
    const list = generateOccurrences(rule(dayOfMonth(31), 'keep', '23:30'), new Date('2026-12-31T15:00:00Z'));
    expect(list[0]).toMatchObject({ key: '2026-12', date: '2026-12-31' });
    expect(list[0]!.startsAt.toISOString()).toBe('2026-12-31T15:30:00.000Z');
  });

  it('includes the previous rule month when a move carried it into the window', () => {
    const list = generateOccurrences(rule({ kind: 'nthWeekday', n: -1, weekday: 7 }), new Date('2026-06-01T00:00:00Z'));
    expect(list[0]).toMatchObject({ key: '2026-05', date: '2026-06-01' });
    expect(list[1]).toMatchObject({ key: '2026-06', date: '2026-06-29' });
  });

  it('is idempotent by key across rolling regenerations', () => {
    const r = rule({ kind: 'nthWeekday', n: 2, weekday: 3 });
    const first = generateOccurrences(r, new Date('2026-03-10T00:00:00Z'));
    const later = generateOccurrences(r, new Date('2026-07-20T00:00:00Z'));
    const firstByKey = new Map(first.map((o) => [o.key, o]));
    const shared = later.filter((o) => firstByKey.has(o.key));
    expect(shared.length).toBeGreaterThan(5);
    for (const o of shared) expect(o).toEqual(firstByKey.get(o.key));
    expect(new Set(later.map((o) => o.key)).size).toBe(later.length);
  });

  it('honours a shorter horizon and returns occurrences in start order', () => {
    const list = generateOccurrences(rule(dayOfMonth(15)), new Date('2026-06-15T07:00:00Z'), 3);
    expect(list.map((o) => o.key)).toEqual(['2026-07', '2026-08', '2026-09']);
    const starts = list.map((o) => o.startsAt.getTime());
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('rejects an invalid rule', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(() => generateOccurrences(rule(dayOfMonth(0)), from)).toThrow(RangeError);
    expect(() => generateOccurrences(rule(dayOfMonth(32)), from)).toThrow(RangeError);
    expect(() => generateOccurrences(rule(dayOfMonth(1), 'keep', '24:00'), from)).toThrow(RangeError);
    expect(() => generateOccurrences(rule({ kind: 'nthWeekday', n: 5 as 4, weekday: 1 }), from)).toThrow(RangeError);
    expect(() => generateOccurrences(rule({ kind: 'nthWeekday', n: 1, weekday: 0 as 1 }), from)).toThrow(RangeError);
    expect(() => generateOccurrences(rule(dayOfMonth(1)), from, 0)).toThrow(RangeError);
  });
});

describe('applyOverrides', () => {
  const list = generateOccurrences(rule(dayOfMonth(1)), new Date('2026-09-01T00:00:00Z'), 3);

  it('moves one occurrence, keeping what the rule and the policy said', () => {
    const [, october] = applyOverrides(list, [
      { key: '2026-10', kind: 'moved', date: '2026-10-09', startTime: '09:00', reason: '书记出差' },
    ]);
    expect(october).toMatchObject({
      status: 'moved',
      ruleDate: '2026-10-01',
      scheduledDate: '2026-10-08',
      date: '2026-10-09',
      startTime: '09:00',
      overrideReason: '书记出差',
    });
    expect(october!.startsAt.toISOString()).toBe('2026-10-09T01:00:00.000Z');
  });

  it('cancels one occurrence and leaves the rest, ignoring overrides of other windows', () => {
    const result = applyOverrides(list, [
      { key: '2026-11', kind: 'cancelled', reason: '并入年度总结会' },
      { key: '2025-01', kind: 'cancelled', reason: '旧的' },
    ]);
    expect(result.map((o) => o.status)).toEqual(['scheduled', 'scheduled', 'cancelled']);
    expect(result[2]).toMatchObject({ overrideReason: '并入年度总结会', date: list[2]!.date });
    expect(result[0]).toBe(list[0]);
  });

  it('rejects a move to a date that does not exist', () => {
    expect(() =>
      applyOverrides(list, [{ key: '2026-10', kind: 'moved', date: '2026-09-31', startTime: '09:00', reason: 'x' }]),
    ).toThrow(RangeError);
  });
});
