/** A theme-day rule in words, shared by the calendar's summary and the rule form. */
import type { HolidayPolicy, MonthlyRule, ThemeDayRuleView } from '../../../../src/contract';

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const NTH_NAMES: Record<string, string> = {
  '1': '第一个',
  '2': '第二个',
  '3': '第三个',
  '4': '第四个',
  '-1': '最后一个',
};

export const POLICY_TEXT: Record<HolidayPolicy, string> = {
  nextWorkday: '顺延到下一个工作日',
  previousWorkday: '提前到上一个工作日',
  keep: '照常举行',
};

export function monthlyText(monthly: MonthlyRule): string {
  if (monthly.kind === 'dayOfMonth') return `每月 ${monthly.day} 日`;
  return `每月${NTH_NAMES[String(monthly.n)]}${WEEKDAY_NAMES[monthly.weekday - 1]}`;
}

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

/** `每月 15 日 14:30，约 2 小时；遇节假日或周末顺延到下一个工作日`. */
export function ruleText(rule: ThemeDayRuleView): string {
  return `${monthlyText(rule.monthly)} ${rule.startTime}，约 ${durationText(rule.durationMinutes)}；遇节假日或周末${POLICY_TEXT[rule.holidayPolicy]}`;
}
