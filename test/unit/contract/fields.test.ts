import { civilDate, inviteCode, text } from '../../../src/contract/fields';

describe('civilDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(civilDate.safeParse(value).success).toBe(true);
  });

  // Out-of-range months once threw inside the refinement (an INTERNAL error instead of INVALID_INPUT).
  it.each(['2026-13-01', '2026-02-30', '2026-00-10', '2026-1-01', '', 'tomorrow'])(
    'refuses %s with a message',
    (value) => {
      const result = civilDate.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('日期不存在或格式不正确');
    },
  );
});

describe('text', () => {
  it('counts characters as people do and trims', () => {
    const name = text('姓名', 3);
    expect(name.parse(' 王小明 ')).toBe('王小明');
    expect(name.safeParse('𠮷𠮷𠮷').success).toBe(true); // three characters, six UTF-16 units
    expect(name.safeParse('王小明明').error?.issues[0]?.message).toBe('姓名最多 3 个字');
    expect(name.safeParse('  ').error?.issues[0]?.message).toBe('请填写姓名');
  });
});

describe('inviteCode', () => {
  it('normalises what people type', () => {
    expect(inviteCode.parse(' lj 2026 ')).toBe('LJ2026');
    expect(inviteCode.safeParse('LJ-2026').success).toBe(false);
  });
});
