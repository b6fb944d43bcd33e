import {
  dayKey,
  isoWeekKey,
  makeUpAllowed,
  minutesSummary,
  streaksOf,
  studyDayOf,
  weekStartOf,
} from '../../../src/domain/study-streak';

describe('studyDayOf (Asia/Shanghai, functions in UTC)', () => {
  it('puts 23:59:59 and 00:00:00 Shanghai on consecutive days', () => {
    expect(studyDayOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(studyDayOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(studyDayOf(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
    expect(dayKey('2028-02-29')).toBe('20280229');
  });
});

describe('streaksOf', () => {
  it('runs across a year end and a leap day', () => {
    const days = ['2027-12-30', '2027-12-31', '2028-01-01', '2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02'];
    expect(streaksOf(days, '2028-03-02')).toEqual({ current: 4, longest: 4 });
    expect(streaksOf(days, '2028-01-01')).toEqual({ current: 3, longest: 3 });
  });

  it('keeps the current streak alive until today is over, then breaks it', () => {
    const days = ['2026-11-28', '2026-11-29', '2026-11-30'];
    expect(streaksOf(days, '2026-12-01')).toEqual({ current: 3, longest: 3 });
    expect(streaksOf(days, '2026-12-02')).toEqual({ current: 0, longest: 3 });
  });

  it('ignores duplicates and days after today, and is empty for nothing', () => {
    expect(streaksOf(['2026-12-01', '2026-12-01', '2026-12-05'], '2026-12-01')).toEqual({ current: 1, longest: 1 });
    expect(streaksOf([], '2026-12-01')).toEqual({ current: 0, longest: 0 });
  });
});

describe('weeks and minutes', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(weekStartOf('2028-03-01')).toBe('2028-02-28');
  });

  it('sums this week and this month up to today', () => {
    const facts = [
      { day: '2026-11-30', minutes: 10 }, // Monday of this week, last month
      { day: '2026-12-01', minutes: 20 },
      { day: '2026-11-29', minutes: 40 }, // last week
      { day: '2026-12-02', minutes: 99 }, // tomorrow
    ];
    expect(minutesSummary(facts, '2026-12-01')).toEqual({ week: 30, month: 20 });
  });
});

describe('makeUpAllowed', () => {
  it('allows past days within the window only', () => {
    expect(makeUpAllowed('2026-12-01', '2026-12-01', 7)).toBe('future');
    expect(makeUpAllowed('2026-11-30', '2026-12-01', 7)).toBe('ok');
    expect(makeUpAllowed('2026-11-24', '2026-12-01', 7)).toBe('ok');
    expect(makeUpAllowed('2026-11-23', '2026-12-01', 7)).toBe('tooOld');
    expect(makeUpAllowed('2024-02-29', '2024-03-02', 2)).toBe('ok');
  });
});
