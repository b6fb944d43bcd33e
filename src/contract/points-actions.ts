/** Points (积分) actions: my points, rankings within a branch or pairing, the opt-out, the rules. */
import { z } from 'zod';
import { ownerRef } from './event-fields';
import { id, input } from './fields';
import type { MyPointsView, PointRulesView, PointsRankingView } from './study-models';
import { action, ANY_MEMBER } from './spec';

const year = z.number({ invalid_type_error: '年份格式不正确' }).int().min(2000).max(2099);
const points = z
  .number({ invalid_type_error: '分值格式不正确' })
  .min(0, { message: '分值不能为负' })
  .max(20, { message: '分值最多 20' })
  .refine((n) => Number.isInteger(n * 2), { message: '分值应为 0.5 的整数倍' });
const cap = input({
  per: z.enum(['day', 'week', 'month', 'year'], { errorMap: () => ({ message: '请选择封顶周期' }) }),
  count: z.number({ invalid_type_error: '封顶次数格式不正确' }).int().min(1).max(50, { message: '封顶次数最多 50' }),
}).nullable();

export const pointsActions = {
  'points.mine': action<MyPointsView>()({
    input: () => input({ cursor: z.string().max(200).optional() }),
    roles: ANY_MEMBER,
  }),
  /** Omitted scope: the caller's branch. Members who opted out are never listed. */
  'points.ranking': action<PointsRankingView>()({
    input: () => input({ scope: ownerRef.optional(), year: year.optional() }),
    roles: ANY_MEMBER,
  }),
  'points.optOut.set': action<{ rankingOptOut: boolean }>()({
    input: () => input({ rankingOptOut: z.boolean({ required_error: '请选择是否参与排名' }) }),
    roles: ANY_MEMBER,
  }),
  /** Omitted committee: the one above the caller's branch. */
  'points.rules.get': action<PointRulesView>()({
    input: () => input({ committeeId: id('党委').optional() }),
    // A committee office need not be a member of a branch: the handler checks who may see them.
    roles: ['guest'],
  }),
  /** A committee office changes values for its committee; rules not given keep their values. */
  'points.rules.set': action<PointRulesView>()({
    input: () =>
      input({
        committeeId: id('党委'),
        rules: z
          .array(input({ rule: z.string().max(40), points, cap }))
          .max(20)
          .default([]),
        makeUpWindowDays: z
          .number()
          .int()
          .min(1, { message: '补学期限至少 1 天' })
          .max(31, { message: '补学期限最多 31 天' })
          .optional(),
      }),
    roles: ['guest'],
  }),
} as const;
