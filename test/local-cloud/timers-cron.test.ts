import { CronSyntaxError, cronMatches, parseCron } from '../../local-cloud/src/timers/cron';

const CST = 8 * 60;
/** Instant of a China Standard Time wall-clock reading. */
const cst = (iso: string): Date => new Date(`${iso}+08:00`);

describe('timer cron (7 fields, evaluated in UTC+8)', () => {
  it('runs under TZ=UTC, so these tests prove the offset is applied explicitly', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it('fires at 08:30:00 China time, which is 00:30:00 UTC', () => {
    const daily = parseCron('0 30 8 * * * *');
    expect(cronMatches(daily, cst('2026-03-15T08:30:00'), CST)).toBe(true);
    expect(cronMatches(daily, new Date('2026-03-15T00:30:00Z'), CST)).toBe(true);
    expect(cronMatches(daily, new Date('2026-03-15T08:30:00Z'), CST)).toBe(false);
    expect(cronMatches(daily, cst('2026-03-15T08:30:01'), CST)).toBe(false);
  });

  it('reads the date in China time across the UTC day boundary', () => {
    // 2026-03-16 is a Monday; 01:00 on Monday in China is still Sunday 17:00 in UTC.
    const mondayOneAm = parseCron('0 0 1 ? * MON *');
    expect(cronMatches(mondayOneAm, new Date('2026-03-15T17:00:00Z'), CST)).toBe(true);
    expect(cronMatches(mondayOneAm, new Date('2026-03-16T01:00:00Z'), CST)).toBe(false);
    const firstOfMonth = parseCron('0 0 0 1 * ? *');
    expect(cronMatches(firstOfMonth, new Date('2026-03-31T16:00:00Z'), CST)).toBe(true);
  });

  it('supports lists, ranges, steps and names', () => {
    const schedule = parseCron('*/15 0,30 9-11 * JAN-MAR,DEC 1-5 2026');
    expect([...schedule.second]).toEqual([0, 15, 30, 45]);
    expect([...schedule.minute]).toEqual([0, 30]);
    expect([...schedule.hour]).toEqual([9, 10, 11]);
    expect([...schedule.month]).toEqual([1, 2, 3, 12]);
    expect([...schedule.weekday]).toEqual([1, 2, 3, 4, 5]);
    expect(cronMatches(schedule, cst('2026-03-16T10:30:45'), CST)).toBe(true); // Monday
    expect(cronMatches(schedule, cst('2026-03-15T10:30:45'), CST)).toBe(false); // Sunday
    expect(cronMatches(schedule, cst('2027-03-16T10:30:45'), CST)).toBe(false); // year
    expect([...parseCron('5/20 * * * * * *').second]).toEqual([5, 25, 45]);
    expect([...parseCron('0 10-40/10 * * * * *').minute]).toEqual([10, 20, 30, 40]);
  });

  it('matches either day or weekday when both are restricted, as cron does', () => {
    const schedule = parseCron('0 0 9 1 * 1 *');
    expect(cronMatches(schedule, cst('2026-04-01T09:00:00'), CST)).toBe(true); // the 1st, a Wednesday
    expect(cronMatches(schedule, cst('2026-04-06T09:00:00'), CST)).toBe(true); // a Monday
    expect(cronMatches(schedule, cst('2026-04-07T09:00:00'), CST)).toBe(false);
  });

  it.each([
    ['0 30 8 * * *', /expected 7 fields/],
    ['0 60 8 * * * *', /minute: 60 is not in 0-59/],
    ['0 0 8 L * ? *', /day: L is not in 1-31/],
    ['0 0 8 ? * 1#2 *', /weekday/],
    ['? 0 8 * * * *', /only allowed for day and weekday/],
    ['0 0 8 * * * 2100', /year/],
    ['*/0 * * * * * *', /bad step/],
    ['0 0 20-10 * * * *', /empty range/],
  ])('rejects %s', (source, message) => {
    expect(() => parseCron(source)).toThrow(CronSyntaxError);
    expect(() => parseCron(source)).toThrow(message);
  });
});
