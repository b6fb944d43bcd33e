import {
  addShanghaiMonths,
  isCivilDate,
  isoWeekday,
  shanghaiDateOf,
  shanghaiInstant,
} from '../../../src/domain/shanghai-time';

describe('shanghai-time', () => {
  it('puts an instant on its Shanghai day, not the machine’s', () => {
    expect(shanghaiDateOf(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('turns Shanghai wall-clock time into the UTC instant', () => {
    expect(shanghaiInstant('2027-01-01', '00:30').toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(() => shanghaiInstant('2026-02-29', '10:00')).toThrow(RangeError);
    expect(() => shanghaiInstant('2026-02-28', '7:00')).toThrow(RangeError);
  });

  it('adds calendar months on the Shanghai wall clock, clamping the day', () => {
    expect(addShanghaiMonths(new Date('2026-12-31T16:30:00Z'), 12).toISOString()).toBe('2027-12-31T16:30:00.000Z');
    // 2027-01-31 00:30 in Shanghai plus one month is 2027-02-28 00:30.
    expect(addShanghaiMonths(new Date('2027-01-30T16:30:00Z'), 1).toISOString()).toBe('2027-02-27T16:30:00.000Z');
  });

  it('validates civil dates and numbers weekdays from Monday', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2026-2-1')).toBe(false);
    expect(isoWeekday('2026-10-04')).toBe(7);
    expect(isoWeekday('2026-10-05')).toBe(1);
  });
});
