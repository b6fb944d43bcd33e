/**
 * 积分规则: the points rules as data. These are the defaults every committee starts with; a
 * committee office may change the points and caps of any rule for its committee (stored in the
 * `pointRules` collection, see server/points.ts). This file is the one place they are listed:
 *
 * | rule               | what earns it                                   | points | cap            |
 * | ------------------ | ----------------------------------------------- | ------ | -------------- |
 * | study.checkIn      | 学习打卡 (a day's study check-in)               | 1      | 1 per day      |
 * | study.reflection   | a 心得 of at least 100 characters, visible      | 1      | 1 per day      |
 * | study.firstTopic   | studying the month's 第一议题                    | 2      | 1 per month    |
 * | study.makeUp       | an approved 补学 (half of a normal day)          | 0.5    | none           |
 * | event.attended     | attending a 主题党日 or other event (checked in) | 3      | none           |
 * | event.onTime       | checked in on time                               | 1      | none           |
 * | post.published     | a published 活动风采 post                         | 1      | 3 per day      |
 *
 * Points are multiples of 0.5 (exact in floating point, so sums stay exact). A cap counts awards
 * of the rule per Shanghai day, ISO week, calendar month or year; a reversed award keeps its cap
 * slot (withdrawing and redoing does not earn twice).
 */
import { isoWeekKey } from './study-streak';
import type { CivilDate } from './shanghai-time';

export const POINT_RULE_IDS = [
  'study.checkIn',
  'study.reflection',
  'study.firstTopic',
  'study.makeUp',
  'event.attended',
  'event.onTime',
  'post.published',
] as const;
export type PointRuleId = (typeof POINT_RULE_IDS)[number];

export const CAP_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

export interface PointCap {
  per: CapPeriod;
  count: number;
}

export interface PointRule {
  points: number;
  cap: PointCap | null;
}

export type PointRules = Record<PointRuleId, PointRule>;

export const POINT_RULE_LABELS: Record<PointRuleId, string> = {
  'study.checkIn': '学习打卡',
  'study.reflection': '学习心得',
  'study.firstTopic': '学习第一议题',
  'study.makeUp': '补学',
  'event.attended': '参加活动',
  'event.onTime': '按时签到',
  'post.published': '发布活动风采',
};

export const DEFAULT_POINT_RULES: PointRules = {
  'study.checkIn': { points: 1, cap: { per: 'day', count: 1 } },
  'study.reflection': { points: 1, cap: { per: 'day', count: 1 } },
  'study.firstTopic': { points: 2, cap: { per: 'month', count: 1 } },
  'study.makeUp': { points: 0.5, cap: null },
  'event.attended': { points: 3, cap: null },
  'event.onTime': { points: 1, cap: null },
  'post.published': { points: 1, cap: { per: 'day', count: 3 } },
};

/** Days back a 补学 may be asked for, by default. */
export const DEFAULT_MAKE_UP_WINDOW_DAYS = 7;
/** A 心得 this long (characters) earns study.reflection. */
export const REFLECTION_POINTS_MIN_CHARS = 100;

/** The committee's rules: the defaults with its changes laid over them. */
export function resolveRules(overrides: Partial<Record<string, PointRule>> | undefined): PointRules {
  const rules = { ...DEFAULT_POINT_RULES };
  for (const id of POINT_RULE_IDS) {
    const own = overrides?.[id];
    if (own) rules[id] = own;
  }
  return rules;
}

/** The period a cap counts in, as a key: '2026-12-01', '2026-W49', '2026-12', '2026'. */
export function capPeriodKey(per: CapPeriod, day: CivilDate): string {
  switch (per) {
    case 'day':
      return day;
    case 'week':
      return isoWeekKey(day);
    case 'month':
      return day.slice(0, 7);
    default:
      return day.slice(0, 4);
  }
}

/**
 * The ledger ids an award may take. Uncapped: the source key itself. Capped: one slot per allowed
 * award in the period, so the database's unique `_id` makes the cap exact however many race.
 */
export function awardSlots(
  rule: PointRuleId,
  cap: PointCap | null,
  openid: string,
  day: CivilDate,
  sourceKey: string,
): string[] {
  if (!cap) return [sourceKey];
  const period = capPeriodKey(cap.per, day);
  return Array.from({ length: cap.count }, (_, n) => `cap_${rule}_${openid}_${period}_${n}`);
}

/** Sum of point values, exact for multiples of 0.5. */
export function sumPoints(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * 2), 0) / 2;
}
