/** Theme days: the monthly rule of the caller's branch, its calendar, moving or cancelling one. */
import type { ActionInput, ThemeDayCalendar, ThemeDayOccurrenceView, ThemeDayRuleView } from '../../src/contract';
import { callApi } from './api';

export async function getThemeDayRule(): Promise<ThemeDayRuleView | null> {
  const { rule } = await callApi('themeDay.rule.get', {});
  return rule;
}

export type ThemeDayRuleInput = ActionInput<'themeDay.rule.set'>;

export function setThemeDayRule(rule: ThemeDayRuleInput): Promise<ThemeDayRuleView> {
  return callApi('themeDay.rule.set', rule);
}

export function getThemeDayCalendar(): Promise<ThemeDayCalendar> {
  return callApi('themeDay.calendar', {});
}

/** Moves the month `key` ('YYYY-MM') to a Beijing date and time. */
export function moveOccurrence(
  key: string,
  date: string,
  startTime: string,
  reason: string,
): Promise<ThemeDayOccurrenceView> {
  return callApi('themeDay.occurrence.move', { key, date, startTime, reason });
}

export function cancelOccurrence(key: string, reason: string): Promise<ThemeDayOccurrenceView> {
  return callApi('themeDay.occurrence.cancel', { key, reason });
}
