/** Theme-day rule and calendar actions: the monthly fixed day of a branch or of a pairing. */
import { z } from 'zod';
import { holidayPolicy, monthlyRule, occurrenceKey, ownerRef, reason, timeOfDay } from './event-fields';
import { civilDate } from './fields';
import type { ThemeDayCalendar, ThemeDayOccurrenceView, ThemeDayRuleView } from './event-models';
import { input, text } from './fields';
import { action, ANY_MEMBER } from './spec';

/** Omitted owner: the caller's own branch. */
const owner = ownerRef.optional();

export const themeDayActions = {
  /** rule: null until the secretary sets one. */
  'themeDay.rule.get': action<{ rule: ThemeDayRuleView | null }>()({
    input: () => input({ owner }),
    roles: ANY_MEMBER,
  }),
  'themeDay.rule.set': action<ThemeDayRuleView>()({
    input: () =>
      input({
        owner,
        monthly: monthlyRule,
        startTime: timeOfDay,
        holidayPolicy,
        durationMinutes: z
          .number({ invalid_type_error: '活动时长格式不正确' })
          .int()
          .min(30, { message: '活动时长至少 30 分钟' })
          .max(480, { message: '活动时长最多 8 小时' })
          .default(120),
        placeName: text('活动地点', 60, { min: 0 }).default(''),
      }),
    roles: ANY_MEMBER,
  }),
  'themeDay.calendar': action<ThemeDayCalendar>()({ input: () => input({ owner }), roles: ANY_MEMBER }),
  'themeDay.occurrence.move': action<ThemeDayOccurrenceView>()({
    input: () => input({ owner, key: occurrenceKey, date: civilDate, startTime: timeOfDay, reason }),
    roles: ANY_MEMBER,
  }),
  'themeDay.occurrence.cancel': action<ThemeDayOccurrenceView>()({
    input: () => input({ owner, key: occurrenceKey, reason }),
    roles: ANY_MEMBER,
  }),
} as const;
