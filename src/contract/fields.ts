/**
 * Schema building blocks with Chinese messages. Every string is trimmed and length-limited,
 * every object is strict (unknown fields are refused), every id is well-formed.
 */
import { z } from 'zod';

/** Length in characters as a person counts them (an emoji or a rare hanzi is one). */
const charCount = (s: string): number => Array.from(s).length;

export function text(label: string, max: number, opts: { min?: number } = {}) {
  const min = opts.min ?? 1;
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .refine((s) => charCount(s) >= min, { message: min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .refine((s) => charCount(s) <= max, { message: `${label}最多 ${max} 个字` });
}

/** Document ids: what CloudBase generates (32 hex) or what we assign (openid-like, codes). */
export function id(label: string) {
  return z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}格式不正确` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: `${label}格式不正确` });
}

/** Invite codes are shown to people: upper-case, no look-alike characters (see domain/invite). */
export const inviteCode = z
  .string({ required_error: '请输入邀请码', invalid_type_error: '邀请码格式不正确' })
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, { message: '邀请码为 4–12 位字母或数字' }));

export const personName = text('姓名', 20);

/** A strict object: unknown fields are an error, not silently dropped. */
export function input<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).strict();
}

export const noInput = input({});

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD' that exists on the calendar (2026-02-30 and 2026-13-01 are refused). */
export const civilDate = z
  .string({ required_error: '请选择日期', invalid_type_error: '日期格式不正确' })
  .refine(isCalendarDate, { message: '日期不存在或格式不正确' });
