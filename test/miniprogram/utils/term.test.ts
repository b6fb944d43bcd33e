import { civilDayText, pickerDateText, termText, yearInShanghai } from '../../../miniprogram/utils/term';

describe('term', () => {
  it('writes civil dates and terms in Chinese, and short in pickers', () => {
    expect(civilDayText('2026-01-05')).toBe('2026年1月5日');
    expect(termText('2026-01-01', '2027-12-31')).toBe('2026年1月1日 至 2027年12月31日');
    expect(pickerDateText('2027-12-31')).toBe('2027.12.31');
    expect(pickerDateText('')).toBe('请选择');
  });

  it("takes the year in Beijing: 16:30 UTC on 31 December is already next year's", () => {
    expect(yearInShanghai(Date.parse('2026-12-31T15:59:00Z'))).toBe(2026);
    expect(yearInShanghai(Date.parse('2026-12-31T16:30:00Z'))).toBe(2027);
  });
});
