/**
 * Study (学习) actions: the daily check-in, its calendar and history, 补学, the monthly plan with
 * its 第一议题, and the progress secretaries see. Points (积分) are in points-actions.ts.
 */
import { z } from 'zod';
import { eventId, ownerRef, reason } from './event-fields';
import { civilDate, id, input, text } from './fields';
import type {
  MakeUpView,
  StudyCalendarView,
  StudyCheckInResult,
  StudyCheckInView,
  StudyFeedItem,
  StudyHistoryPage,
  StudyPlanView,
  StudyProgressView,
  StudyTodayView,
} from './study-models';
import { STUDY_KINDS } from './study-models';
import { action, ANY_MEMBER } from './spec';

export const studyKind = z.enum(STUDY_KINDS, { errorMap: () => ({ message: '请选择学习形式' }) });
export const planItemId = id('学习计划条目');
export const studyMonth = z
  .string({ required_error: '请选择月份', invalid_type_error: '月份格式不正确' })
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: '月份格式不正确' });
const minutes = z
  .number({ required_error: '请填写学习时长', invalid_type_error: '学习时长格式不正确' })
  .int({ message: '学习时长应为整数分钟' })
  .min(1, { message: '学习时长至少 1 分钟' })
  .max(600, { message: '学习时长最多 600 分钟' });
const link = z
  .string({ invalid_type_error: '链接格式不正确' })
  .trim()
  .max(500, { message: '链接最多 500 个字符' })
  .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), { message: '链接应以 http:// 或 https:// 开头' })
  .default('');
/** Photos a check-in may carry. */
export const STUDY_PHOTOS_MAX = 3;
const photos = z
  .array(
    z
      .string()
      .max(300, { message: '照片无效' })
      .regex(/^cloud:\/\/\S+$/, { message: '照片无效' }),
  )
  .max(STUDY_PHOTOS_MAX, { message: `最多上传 ${STUDY_PHOTOS_MAX} 张照片` })
  .default([]);
const owner = ownerRef.optional();
const cursor = z.string().max(200).optional();

/** What was studied: a plan item (its title and kind are taken from the plan), or free. */
const studied = {
  planItemId: planItemId.optional(),
  title: text('学习内容', 60, { min: 0 }).default(''),
  link,
  materialKind: studyKind.default('文章'),
  minutes,
};

const planItem = input({
  /** Omitted for a new item; kept for an existing one so completions stay attached. */
  id: planItemId.optional(),
  title: text('学习条目', 60),
  material: text('学习材料', 2000, { min: 0 }).default(''),
  kind: studyKind.default('文章'),
  suggestedMinutes: minutes.default(30),
  dueDate: civilDate.nullable().default(null),
  firstTopic: z.boolean().default(false),
  eventIds: z.array(eventId).max(10, { message: '最多关联 10 次集体学习' }).default([]),
});

export const studyActions = {
  'study.today': action<StudyTodayView>()({ input: () => input({}), roles: ANY_MEMBER }),
  /** Today's check-in: creates it, or edits the one that stands (never a second one). */
  'study.checkIn': action<StudyCheckInResult>()({
    input: () =>
      input({
        ...studied,
        reflection: text('学习心得', 2000, { min: 0 }).default(''),
        photos,
      }).refine((v) => v.planItemId !== undefined || v.title !== '', { message: '请填写学习内容', path: ['title'] }),
    roles: ANY_MEMBER,
  }),
  /** Withdraws today's own check-in; its points are reversed. */
  'study.undo': action<{ day: string }>()({ input: () => input({}), roles: ANY_MEMBER }),
  'study.calendar': action<StudyCalendarView>()({
    input: () => input({ month: studyMonth.optional() }),
    roles: ANY_MEMBER,
  }),
  'study.history': action<StudyHistoryPage>()({ input: () => input({ cursor }), roles: ANY_MEMBER }),
  /** The branch's recent check-ins; a 心得 under review is shown to its author only. */
  'study.feed': action<{ items: StudyFeedItem[] }>()({ input: () => input({}), roles: ANY_MEMBER }),
  /** 心得 waiting for a secretary (review verdicts) in the caller's branch. */
  'study.reflection.pending': action<{ items: StudyFeedItem[] }>()({ input: () => input({}), roles: ['secretary'] }),
  'study.reflection.decide': action<StudyCheckInView>()({
    input: () => input({ checkInId: id('学习记录'), approve: z.boolean(), reason: reason.optional() }),
    roles: ['secretary'],
  }),
  'study.makeUp.request': action<MakeUpView>()({
    input: () =>
      input({ day: civilDate, reason: text('补学原因', 200), ...studied }).refine(
        (v) => v.planItemId !== undefined || v.title !== '',
        { message: '请填写学习内容', path: ['title'] },
      ),
    roles: ANY_MEMBER,
  }),
  /** A secretary: the branch's requests (pending first); a member: their own. */
  'study.makeUp.list': action<{ items: MakeUpView[] }>()({
    input: () => input({ mine: z.boolean().default(false) }),
    roles: ANY_MEMBER,
  }),
  'study.makeUp.decide': action<MakeUpView>()({
    input: () =>
      input({ id: id('补学申请'), approve: z.boolean(), reason: text('处理意见', 100, { min: 0 }).default('') }),
    roles: ['secretary'],
  }),
  'study.makeUp.revoke': action<MakeUpView>()({
    input: () => input({ id: id('补学申请'), reason }),
    roles: ['secretary'],
  }),
  'study.plan.get': action<StudyPlanView>()({
    input: () => input({ owner, month: studyMonth.optional() }),
    roles: ANY_MEMBER,
  }),
  /** Replaces the month's items in the given order (reorder, add, remove, mark 第一议题). */
  'study.plan.set': action<StudyPlanView>()({
    input: () =>
      input({
        owner,
        month: studyMonth,
        items: z.array(planItem).max(30, { message: '每月最多 30 个学习条目' }),
      }).refine((v) => v.items.every((item, i) => !item.firstTopic || i === 0), {
        message: '只有本月第一个学习条目可以标为第一议题',
        path: ['items'],
      }),
    roles: ANY_MEMBER,
  }),
  'study.plan.progress': action<StudyProgressView>()({
    input: () => input({ owner, month: studyMonth.optional() }),
    roles: ANY_MEMBER,
  }),
} as const;
