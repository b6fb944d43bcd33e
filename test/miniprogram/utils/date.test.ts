import {
  formatDate,
  formatDay,
  formatEventMoment,
  formatCivilDate,
  formatDateTime,
  formatDuration,
  formatEventTime,
  shanghaiDate,
  shanghaiTime,
  toShanghaiIso,
  pickerDateText,
  termText,
  yearInShanghai,
} from '../../../miniprogram/utils/date';

describe('formatDateTime', () => {
  it('shows an instant in Beijing time whatever the zone of the phone', () => {
    expect(formatDateTime('2026-04-01T10:00:00.000Z')).toBe('2026年4月1日 18:00');
  });

  it('rolls over to the next Beijing day after 16:00 UTC', () => {
    expect(formatDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05');
  });
});

describe('Beijing wall time', () => {
  it('splits an instant into the Beijing date and time, with seconds when asked', () => {
    expect(shanghaiDate('2026-12-31T16:05:09.000Z')).toBe('2027-01-01');
    expect(shanghaiTime('2026-12-31T16:05:09.000Z')).toBe('00:05');
    expect(shanghaiTime('2026-12-31T16:05:09.000Z', true)).toBe('00:05:09');
  });

  it('writes picked wall time as an instant with the +08:00 offset', () => {
    const iso = toShanghaiIso('2026-05-15', '14:30');
    expect(iso).toBe('2026-05-15T14:30:00+08:00');
    expect(new Date(iso).toISOString()).toBe('2026-05-15T06:30:00.000Z');
  });

  it('names the weekday and adds the year only when it is not this year', () => {
    expect(formatCivilDate('2026-10-09')).toBe('10月9日 周五');
    expect(formatCivilDate('2027-01-04', 2026)).toBe('2027年1月4日 周一');
    expect(formatCivilDate('2026-10-09', 2026)).toBe('10月9日 周五');
  });

  it('writes an event’s time on one day, or with both dates across midnight', () => {
    const now = Date.parse('2026-05-12T02:00:00Z');
    expect(formatEventTime('2026-05-15T06:30:00Z', '2026-05-15T08:30:00Z', now)).toBe('5月15日 周五 14:30–16:30');
    expect(formatEventTime('2026-05-15T12:00:00Z', '2026-05-15T17:00:00Z', now)).toBe(
      '5月15日 周五 20:00–5月16日 周六 01:00',
    );
    expect(formatEventTime('2025-12-01T06:30:00Z', '2025-12-01T08:30:00Z', now)).toBe('2025年12月1日 周一 14:30–16:30');
  });

  it('says how long until something, coarse enough to read at a glance', () => {
    const minute = 60 * 1000;
    expect(formatDuration(30 * 1000)).toBe('不到1分钟');
    expect(formatDuration(8 * minute)).toBe('8分钟');
    expect(formatDuration(130 * minute)).toBe('2小时10分钟');
    expect(formatDuration(120 * minute)).toBe('2小时');
    expect(formatDuration((3 * 24 * 60 + 5 * 60 + 7) * minute)).toBe('3天5小时');
    expect(formatDuration(2 * 24 * 60 * minute)).toBe('2天');
  });
});

describe('pure dates and terms', () => {
  it('writes civil dates and terms as 2026年1月5日, pickers too', () => {
    expect(formatDay('2026-01-05')).toBe('2026年1月5日');
    expect(termText('2026-01-01', '2027-12-31')).toBe('2026年1月1日 至 2027年12月31日');
    expect(pickerDateText('2027-12-31')).toBe('2027年12月31日');
    expect(pickerDateText('')).toBe('请选择');
  });

  it("takes the year in Beijing: 16:30 UTC on 31 December is already next year's", () => {
    expect(yearInShanghai(Date.parse('2026-12-31T15:59:00Z'))).toBe(2026);
    expect(yearInShanghai(Date.parse('2026-12-31T16:30:00Z'))).toBe(2027);
  });
});

describe('dates whose time means nothing', () => {
  it('writes the Beijing day only: a join at 00:00 or 10:00 is just the day', () => {
    expect(formatDate('2019-03-01T02:00:00.000Z')).toBe('2019年3月1日');
    // 16:00 UTC is already the next day in Beijing.
    expect(formatDate('2021-06-30T16:00:00.000Z')).toBe('2021年7月1日');
  });

  it('writes an event moment with its weekday, the year only when it is not this one', () => {
    const now = Date.parse('2026-05-10T02:00:00.000Z');
    expect(formatEventMoment('2026-12-04T06:30:00.000Z', now)).toBe('12月4日 周五 14:30');
    expect(formatEventMoment('2027-01-08T06:30:00.000Z', now)).toBe('2027年1月8日 周五 14:30');
  });
});
