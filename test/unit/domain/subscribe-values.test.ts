import { cleanText, cutTo, keywordValue } from '../../../src/domain/subscribe-values';
import { keywordProblem } from '../../../local-cloud/src/openapi/keyword-values';
import { startKindDue } from '../../../src/server/reminders/due';

describe('keyword values cut to WeChat limits', () => {
  const title = '学习贯彻党的二十届三中全会精神暨深化改革推进中国式现代化主题党日联学联建共建活动';

  it('cuts thing to 20 characters, ending in …', () => {
    const value = keywordValue('thing', title);
    expect([...value]).toHaveLength(20);
    expect(value.endsWith('…')).toBe(true);
    expect(keywordValue('thing', '短标题')).toBe('短标题');
  });

  it('counts an emoji or a rare hanzi as one character and never splits it', () => {
    const value = cutTo('𠮷'.repeat(25), 20);
    expect([...value]).toHaveLength(20);
    expect(value.startsWith('𠮷'.repeat(19))).toBe(true);
  });

  it('removes newlines and control characters', () => {
    expect(cleanText('第一行\n第二行\t\u0007结束')).toBe('第一行 第二行 结束');
    expect(keywordValue('thing', '  \n ')).toBe('无');
  });

  it('keeps phrase to five Chinese characters only, name to ten', () => {
    expect(keywordValue('phrase', '已改期 (new)')).toBe('已改期');
    expect(keywordValue('phrase', '候补转为正式报名')).toBe('候补转为正');
    expect(keywordValue('phrase', 'OK')).toBe('已更新');
    expect([...keywordValue('name', '欧阳'.repeat(8))]).toHaveLength(10);
  });

  it('formats time and date in Shanghai', () => {
    const at = new Date('2026-03-15T01:00:00Z');
    expect(keywordValue('time', at)).toBe('2026-03-15 09:00');
    expect(keywordValue('date', at)).toBe('2026年3月15日');
    expect(keywordValue('date', '2026-12-01')).toBe('2026年12月1日');
    expect(keywordValue('character_string', 'LJ-2026 编号 0001'.repeat(4))).toHaveLength(32);
  });

  it('produces only values the emulated WeChat accepts, whatever the input', () => {
    const inputs = [title, '\u0000\u001f', '', 'a'.repeat(100), '😀'.repeat(30), '已取消', '张三李四王五赵六钱七孙八'];
    for (const type of ['thing', 'name', 'phrase', 'character_string', 'number', 'letter', 'symbol'] as const)
      for (const input of inputs) expect(keywordProblem(type, keywordValue(type, input))).toBeNull();
    for (const type of ['time', 'date'] as const)
      expect(keywordProblem(type, keywordValue(type, new Date()))).toBeNull();
  });
});

describe('which start reminder is due', () => {
  const start = new Date('2026-03-15T01:00:00Z');
  const before = (hours: number) => new Date(start.getTime() - hours * 3_600_000);
  it('is the 1-day one within 24 hours, the 1-hour one within the last hour, none after the start', () => {
    expect(startKindDue(start, before(25))).toBeNull();
    expect(startKindDue(start, before(24))).toBe('eventStart1d');
    expect(startKindDue(start, before(2))).toBe('eventStart1d');
    expect(startKindDue(start, before(1))).toBe('eventStart1h');
    expect(startKindDue(start, before(0))).toBeNull();
  });
});
