/**
 * The year-end review (issue 14): minutes of organisation-life sessions, 请假, the 三会一课
 * cadence, contact points, the review figures with their evidence and export, 首页 and 我的记录.
 * Scope (which branch, pairing or committee) is checked by the handlers: a branch's leaders see
 * their branch and its pairings, a committee office its committee; nothing else is revealed.
 */
import { z } from 'zod';
import { eventId, reason } from './event-fields';
import { civilDate, id, input, text } from './fields';
import { attachment, orgId, termIssue, termShape } from './org-fields';
import type {
  BranchCadence,
  CadenceRulesView,
  CommitteeCadence,
  ContactPointBoard,
  ContactPointView,
  HomeOverview,
  MyLeave,
  MyYearRecords,
  OrgLifeRecordView,
  ReviewEvidence,
  ReviewExport,
  ReviewFigures,
  ReviewScopeOption,
} from './review-models';
import { ORG_LIFE_KINDS, OUTCOME_KEYS, VISIT_KINDS } from './review-models';
import { action, ANY_MEMBER } from './spec';

const year = z
  .number({ required_error: '请选择年份', invalid_type_error: '年份格式不正确' })
  .int()
  .min(2000, { message: '年份不正确' })
  .max(2100, { message: '年份不正确' });
const month = z
  .string({ invalid_type_error: '月份格式不正确' })
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: '月份格式不正确' });
const orgLifeKind = z.enum(ORG_LIFE_KINDS, { errorMap: () => ({ message: '请选择组织生活类型' }) });
const count = z
  .number({ invalid_type_error: '请填写数字' })
  .int({ message: '请填写整数' })
  .min(0, { message: '不能小于 0' })
  .max(100_000, { message: '数字过大' });
const outcomes = input(
  Object.fromEntries(OUTCOME_KEYS.map((key) => [key, count.optional()])) as Record<
    (typeof OUTCOME_KEYS)[number],
    z.ZodOptional<typeof count>
  >,
);
const contactPointId = id('联系点');
const committeeId = id('党委');
const scope = input({
  kind: z.enum(['branch', 'pairing', 'committee'], { errorMap: () => ({ message: '统计范围不正确' }) }),
  id: id('统计范围'),
});
const figureKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { message: '统计项不正确' });

export const reviewActions = {
  /** The minutes of an event (suggested from check-in until first saved); organisers and members of the owner. */
  'orgLife.get': action<OrgLifeRecordView>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  'orgLife.save': action<OrgLifeRecordView>()({
    input: () =>
      input({
        eventId,
        kind: orgLifeKind,
        topic: text('会议主题', 60),
        form: text('形式', 20, { min: 0 }).default(''),
        host: text('主持人', 20),
        content: text('会议内容', 4000, { min: 0 }).default(''),
        decisions: text('决定事项', 2000, { min: 0 }).default(''),
        attachments: z.array(attachment).max(9, { message: '最多 9 个附件' }).default([]),
        outcomes: outcomes.default({}),
        /** Corrections to the check-in list: put someone in (present) or strike them out, with a reason. */
        adjustments: z
          .array(input({ memberId: id('党员'), present: z.boolean(), reason }))
          .max(200)
          .default([]),
      }),
    roles: ANY_MEMBER,
  }),
  /** 请假 before the event starts, with a reason; asking again updates the reason. */
  'leave.request': action<MyLeave>()({ input: () => input({ eventId, reason }), roles: ANY_MEMBER }),
  'leave.withdraw': action<MyLeave>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),

  /** Omitted committee: the caller's branch's. */
  'cadence.rules': action<CadenceRulesView>()({
    input: () => input({ committeeId: committeeId.optional() }),
    roles: ANY_MEMBER,
  }),
  'cadence.setRules': action<CadenceRulesView>()({
    input: () =>
      input({
        committeeId,
        items: z
          .array(
            input({
              kind: orgLifeKind,
              period: z.enum(['month', 'quarter', 'halfYear', 'year'], { errorMap: () => ({ message: '周期不正确' }) }),
              times: z.number().int().min(1, { message: '至少 1 次' }).max(10, { message: '最多 10 次' }),
            }),
          )
          .max(12),
        contactDuty: input({
          notesPerMonth: z.number().int().min(0).max(10),
          visitsPerYear: z.number().int().min(0).max(24),
        }),
      }),
    roles: ANY_MEMBER,
  }),
  /** Omitted branch: the caller's own; omitted month: this month (Shanghai). */
  'cadence.branch': action<BranchCadence>()({
    input: () => input({ branchId: orgId.optional(), month: month.optional() }),
    roles: ANY_MEMBER,
  }),
  'cadence.committee': action<CommitteeCadence>()({
    input: () => input({ committeeId, month: month.optional() }),
    roles: ANY_MEMBER,
  }),

  'contactPoint.appoint': action<ContactPointView>()({
    input: () => input({ committeeId, leaderOpenid: id('领导'), branchId: orgId, ...termShape }).superRefine(termIssue),
    roles: ANY_MEMBER,
  }),
  'contactPoint.log': action<ContactPointView>()({
    input: () =>
      input({
        contactPointId,
        kind: z.enum(['note', 'visit'], { errorMap: () => ({ message: '请选择记录类型' }) }),
        visitKind: z.enum(VISIT_KINDS, { errorMap: () => ({ message: '请选择走访类型' }) }).optional(),
        date: civilDate,
        summary: text('内容摘要', 500),
      }),
    roles: ANY_MEMBER,
  }),
  /** The office's board: every contact point of the committee, who met the duty and who did not. */
  'contactPoint.board': action<ContactPointBoard>()({ input: () => input({ committeeId, year }), roles: ANY_MEMBER }),
  /** The caller's own contact points (as a leader). */
  'contactPoint.mine': action<ContactPointView[]>()({ input: () => input({ year }), roles: ANY_MEMBER }),

  /** The scopes the caller may review. */
  'review.scopes': action<ReviewScopeOption[]>()({ input: () => input({}), roles: ANY_MEMBER }),
  'review.figures': action<ReviewFigures>()({ input: () => input({ scope, year }), roles: ANY_MEMBER }),
  'review.evidence': action<ReviewEvidence>()({
    input: () =>
      input({
        scope,
        year,
        figure: figureKey,
        month: z.number().int().min(1).max(12).optional(),
        kind: z.string().max(40).optional(),
      }),
    roles: ANY_MEMBER,
  }),
  'review.export': action<ReviewExport>()({ input: () => input({ scope, year }), roles: ANY_MEMBER }),

  'home.overview': action<HomeOverview>()({ input: () => input({}), roles: ANY_MEMBER }),
  'me.records': action<MyYearRecords>()({ input: () => input({ year }), roles: ANY_MEMBER }),
} as const;
