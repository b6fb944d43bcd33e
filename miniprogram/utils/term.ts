/** Civil dates (`YYYY-MM-DD`, Asia/Shanghai) as the pairing pages write them. */
import { shanghaiDate } from './date';

/** `2026年1月15日`. */
export function civilDayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/** `2026年1月1日 至 2027年12月31日`. */
export function termText(start: string, end: string): string {
  return `${civilDayText(start)} 至 ${civilDayText(end)}`;
}

/** Today in Beijing, `YYYY-MM-DD`. */
export function todayInShanghai(now = Date.now()): string {
  return shanghaiDate(new Date(now).toISOString());
}

export function yearInShanghai(now = Date.now()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

/** A date inside a picker beside another one: `2027.12.31`, short enough for two on a line in 关怀模式. */
export function pickerDateText(date: string, empty = '请选择'): string {
  return date ? date.replace(/-/g, '.') : empty;
}
