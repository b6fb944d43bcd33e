/** The rule form's choices, how a saved rule fills them, and how they become the API's input. */
import type { HolidayPolicy, MonthlyRule, ThemeDayRuleView, Weekday } from '../../../../src/contract';
import type { ThemeDayRuleInput } from '../../../services/theme-days';
import { durationText, NTH_NAMES, POLICY_TEXT, WEEKDAY_NAMES } from './rule-text';

export const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
export const NTHS = [1, 2, 3, 4, -1] as const;
export const DURATIONS = [30, 60, 90, 120, 150, 180, 240, 300, 360, 480];
export const POLICIES: HolidayPolicy[] = ['nextWorkday', 'previousWorkday', 'keep'];

export const DAY_LABELS = DAYS.map((d) => `${d} 日`);
export const NTH_LABELS = NTHS.map((n) => NTH_NAMES[String(n)] ?? '');
export const DURATION_LABELS = DURATIONS.map(durationText);
export { WEEKDAY_NAMES };

export const FIELDS = ['monthly', 'startTime', 'holidayPolicy', 'durationMinutes', 'placeName'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_OF: Record<string, Field> = {
  monthly: 'monthly',
  'monthly.day': 'monthly',
  'monthly.n': 'monthly',
  'monthly.weekday': 'monthly',
  startTime: 'startTime',
  holidayPolicy: 'holidayPolicy',
  durationMinutes: 'durationMinutes',
  placeName: 'placeName',
};

export interface RuleValues {
  kind: MonthlyRule['kind'];
  dayIndex: number;
  nIndex: number;
  weekdayIndex: number;
  startTime: string;
  policy: HolidayPolicy;
  durationIndex: number;
  placeName: string;
}

/** The 15th at 14:30, moved to the next working day, two hours: the common choice. */
export const DEFAULT_RULE: RuleValues = {
  kind: 'dayOfMonth',
  dayIndex: 14,
  nIndex: 0,
  weekdayIndex: 4,
  startTime: '14:30',
  policy: 'nextWorkday',
  durationIndex: DURATIONS.indexOf(120),
  placeName: '',
};

export function valuesOf(rule: ThemeDayRuleView): RuleValues {
  const monthly = rule.monthly;
  const durationIndex = DURATIONS.indexOf(rule.durationMinutes);
  return {
    kind: monthly.kind,
    dayIndex: monthly.kind === 'dayOfMonth' ? monthly.day - 1 : DEFAULT_RULE.dayIndex,
    nIndex: monthly.kind === 'nthWeekday' ? NTHS.indexOf(monthly.n) : DEFAULT_RULE.nIndex,
    weekdayIndex: monthly.kind === 'nthWeekday' ? monthly.weekday - 1 : DEFAULT_RULE.weekdayIndex,
    startTime: rule.startTime,
    policy: rule.holidayPolicy,
    durationIndex: durationIndex >= 0 ? durationIndex : DEFAULT_RULE.durationIndex,
    placeName: rule.placeName,
  };
}

export function ruleInput(values: RuleValues): ThemeDayRuleInput {
  const monthly: MonthlyRule =
    values.kind === 'dayOfMonth'
      ? { kind: 'dayOfMonth', day: DAYS[values.dayIndex] ?? 1 }
      : { kind: 'nthWeekday', n: NTHS[values.nIndex] ?? 1, weekday: (values.weekdayIndex + 1) as Weekday };
  return {
    monthly,
    startTime: values.startTime,
    holidayPolicy: values.policy,
    durationMinutes: DURATIONS[values.durationIndex] ?? 120,
    placeName: values.placeName,
  };
}

/** Labels and chip classes derived from the values, for the view. */
export function ruleLabels(values: RuleValues) {
  return {
    kinds: (['dayOfMonth', 'nthWeekday'] as const).map((kind) => ({
      kind,
      label: kind === 'dayOfMonth' ? '每月固定日期' : '每月第几个星期几',
      className: kind === values.kind ? 'rule__chip rule__chip--on' : 'rule__chip',
    })),
    byDay: values.kind === 'dayOfMonth',
    dayText: DAY_LABELS[values.dayIndex] ?? '',
    nText: NTH_LABELS[values.nIndex] ?? '',
    weekdayText: WEEKDAY_NAMES[values.weekdayIndex] ?? '',
    durationText: DURATION_LABELS[values.durationIndex] ?? '',
    policies: POLICIES.map((policy) => ({
      policy,
      label: POLICY_TEXT[policy],
      className: policy === values.policy ? 'rule__chip rule__chip--on' : 'rule__chip',
    })),
  };
}
