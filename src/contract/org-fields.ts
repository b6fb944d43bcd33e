/**
 * Schema building blocks for organisations, membership, pairings and their ledger (issue 4).
 * Civil dates are 'YYYY-MM-DD' in Asia/Shanghai; lists page by offset, at most PAGE_MAX a page.
 */
import { z } from 'zod';
import { civilDate, id, input, text } from './fields';

export const PAGE_MAX = 20;

export const orgId = id('组织');
export const pairingId = id('联建');
export const memberRef = id('党员');

export const ORGANIZATION_CATEGORIES = ['agency', 'enterprise', 'village', 'community', 'school', 'other'] as const;
export const organizationCategory = z.enum(ORGANIZATION_CATEGORIES, {
  errorMap: () => ({ message: '请选择组织类别' }),
});

/** Offset paging shared by every list action. */
export const page = {
  offset: z.number({ invalid_type_error: '分页参数不正确' }).int().min(0).max(10_000).default(0),
  limit: z
    .number({ invalid_type_error: '分页参数不正确' })
    .int()
    .min(1, { message: '每页至少 1 条' })
    .max(PAGE_MAX, { message: `每页最多 ${PAGE_MAX} 条` })
    .default(PAGE_MAX),
};

export const orgName = text('组织名称', 40);

export const optionalReason = text('原因', 100, { min: 0 }).default('');

/** A term of civil dates; the end may not come before the start. */
export const termShape = { termStart: civilDate, termEnd: civilDate };
export function termIssue<T extends { termStart: string; termEnd: string }>(value: T, ctx: z.RefinementCtx): void {
  if (value.termEnd < value.termStart)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['termEnd'], message: '结束日期不能早于开始日期' });
}

/**
 * A file the client uploaded to cloud storage (wx.cloud.uploadFile). The server checks that it
 * belongs to this environment; the schema only checks its form.
 */
export const attachment = input({
  fileID: z
    .string({ required_error: '缺少附件', invalid_type_error: '附件格式不正确' })
    .max(500, { message: '附件格式不正确' })
    .regex(/^cloud:\/\/[^/\s]+\/[^\s]+$/, { message: '附件格式不正确，请重新上传' }),
  name: text('附件名称', 60),
});
