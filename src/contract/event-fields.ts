/**
 * Schema building blocks for theme days, events and check-in. Instants travel as ISO-8601 with an
 * offset (the pages send Asia/Shanghai wall time as `+08:00`) and reach handlers as Date.
 */
import { z } from 'zod';
import type { FieldIssue } from './errors';
import { id, input, text } from './fields';
import { pairingId } from './org-fields';

export const EVENT_FORMS = ['集体学习', '讲党课', '参观红色教育基地', '志愿服务', '走访慰问', '其他'] as const;
export type EventForm = (typeof EVENT_FORMS)[number];

export const eventId = id('活动');
export const branchId = id('支部');
export const memberId = id('党员');

/**
 * `2026-12-04T14:30:00+08:00` (seconds and fraction optional, `Z` or an offset). zod's datetime
 * check is a pattern only: `+99:99` or Feb 30 pass it and become an Invalid Date (a 1970 start
 * once reached the database). Here every part must exist: a real day, hours < 24, an offset
 * within ±14:00 as time zones are, a year this product can mean.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/;
const YEARS = { min: 2000, max: 2099 };

export function parseInstant(value: string): Date | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < YEARS.min || year > YEARS.max || hour > 23 || minute > 59 || second > 59) return null;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (m[7] !== 'Z') {
    const [offsetHours, offsetMinutes] = [Number(m[9]), Number(m[10])];
    if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60) return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function instant(label: string) {
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .max(40, { message: `${label}格式不正确` })
    .transform((s, ctx) => {
      const date = parseInstant(s);
      if (!date) {
        // fatal: the cross-field rules (eventTimeIssues) must never see a missing instant.
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}格式不正确或不存在`, fatal: true });
        return z.NEVER;
      }
      return date;
    });
}

/** A reason someone else will read later (moving, cancelling, checking in by hand). */
export const reason = text('原因', 100);

/** Who an event or a theme-day rule belongs to: a branch, or a pairing on behalf of all its sides. */
export const ownerRef = z.discriminatedUnion('kind', [
  input({ kind: z.literal('branch'), id: branchId }),
  input({ kind: z.literal('pairing'), id: pairingId }),
]);

export const geoPoint = input({
  latitude: z.number({ invalid_type_error: '位置信息不正确' }).min(-90).max(90),
  longitude: z.number({ invalid_type_error: '位置信息不正确' }).min(-180).max(180),
});

export const eventPlace = input({
  name: text('活动地点', 60, { min: 0 }),
  /** GCJ-02, as the map picker and wx.getLocation({ type: 'gcj02' }) give it (see domain/geo). */
  location: geoPoint.nullable().default(null),
  radiusM: z
    .number({ invalid_type_error: '签到范围格式不正确' })
    .int()
    .min(50, { message: '签到范围至少 50 米' })
    .max(5000, { message: '签到范围最多 5000 米' })
    .default(500),
  requireLocation: z.boolean().default(false),
}).refine((place) => !place.requireLocation || place.location !== null, {
  message: '要求定位签到时，请先在地图上选择活动位置',
  path: ['location'],
});

export const eventForm = z.enum(EVENT_FORMS, { errorMap: () => ({ message: '请选择活动形式' }) });

/** The editable fields of an event; `event.update` takes any subset of them. */
export const eventDetailsShape = {
  title: text('活动名称', 40),
  /** May stay empty in a draft (a generated theme day); publishing requires it. */
  theme: text('学习主题', 200, { min: 0 }).default(''),
  form: eventForm.default('集体学习'),
  startsAt: instant('开始时间'),
  endsAt: instant('结束时间'),
  place: eventPlace,
  /** null: no limit. */
  capacity: z
    .number({ invalid_type_error: '名额格式不正确' })
    .int({ message: '名额应为整数' })
    .min(1, { message: '名额至少为 1' })
    .max(5000, { message: '名额最多 5000' })
    .nullable()
    .default(null),
  signUpDeadline: instant('报名截止时间'),
  checkInOpensBeforeMinutes: z
    .number({ invalid_type_error: '签到开放时间格式不正确' })
    .int()
    .min(0, { message: '签到开放时间不能为负' })
    .max(240, { message: '最早在活动开始前 240 分钟开放签到' })
    .default(30),
  /** Branch ids; omitted: the owner's own branches (for a pairing: every side). */
  audience: z.array(branchId).min(1, { message: '请至少选择一个支部' }).max(20).optional(),
};

export interface EventTimes {
  startsAt: Date;
  endsAt: Date;
  signUpDeadline: Date;
}

const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** Cross-field rules, shared by create (in the schema) and update (after merging the patch). */
export function eventTimeIssues(times: EventTimes): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const duration = times.endsAt.getTime() - times.startsAt.getTime();
  if (duration <= 0) issues.push({ path: 'endsAt', message: '结束时间需晚于开始时间' });
  else if (duration > MAX_DURATION_MS) issues.push({ path: 'endsAt', message: '活动时长不能超过 24 小时' });
  if (times.signUpDeadline.getTime() > times.startsAt.getTime())
    issues.push({ path: 'signUpDeadline', message: '报名截止时间不能晚于活动开始时间' });
  return issues;
}

/** Omitted owner: the caller's own branch. */
export const eventDetails = input({ owner: ownerRef.optional(), ...eventDetailsShape }).superRefine((details, ctx) => {
  for (const issue of eventTimeIssues(details)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [issue.path], message: issue.message });
  }
});

export const eventPatch = input({ eventId, ...eventDetailsShape })
  .partial()
  .required({ eventId: true });

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const timeOfDay = z
  .string({ required_error: '请填写开始时间', invalid_type_error: '时间格式不正确' })
  .regex(TIME_OF_DAY, { message: '时间格式应为 时:分，如 14:30' });

/** A theme-day occurrence, keyed by the rule's month 'YYYY-MM'. */
export const occurrenceKey = z
  .string({ required_error: '缺少月份', invalid_type_error: '月份格式不正确' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式不正确' });

const weekday = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)],
  { errorMap: () => ({ message: '请选择星期几' }) },
);

export const monthlyRule = z.discriminatedUnion('kind', [
  input({
    kind: z.literal('dayOfMonth'),
    day: z.number().int().min(1, { message: '日期应为 1–31 号' }).max(31, { message: '日期应为 1–31 号' }),
  }),
  input({
    kind: z.literal('nthWeekday'),
    n: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday,
  }),
]);

export const holidayPolicy = z.enum(['nextWorkday', 'previousWorkday', 'keep'], {
  errorMap: () => ({ message: '请选择遇节假日的处理方式' }),
});
