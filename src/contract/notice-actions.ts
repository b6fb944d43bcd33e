/**
 * Notice (通知公告) actions: a secretary publishes to their branch, a pairing they lead (every
 * side) or, for a committee office, every branch of the committee. Members read it; the first
 * opening records a receipt; the author sees who has not read it, by branch.
 */
import { z } from 'zod';
import { instant } from './event-fields';
import { id, input, noInput, text } from './fields';
import type { NoticeAudienceView, NoticeDetail, NoticeReceipts, NoticeSummary, NoticeUnread } from './notice-models';
import { page } from './org-fields';
import type { Page } from './org-models';
import { requestId, uploadedFileID } from './post-actions';
import { action, ANY_MEMBER } from './spec';

export const NOTICE_TITLE_MAX = 40;
export const NOTICE_BODY_MAX = 5000;
export const NOTICE_ATTACHMENTS_MAX = 5;

export const noticeId = id('通知');

const audience = input({
  kind: z.enum(['branch', 'pairing', 'committee'], { errorMap: () => ({ message: '请选择发布范围' }) }),
  id: id('发布范围'),
});

const attachment = input({ fileID: uploadedFileID, name: text('附件名称', 60) });

const content = {
  title: text('标题', NOTICE_TITLE_MAX),
  body: z
    .string({ required_error: '请填写正文', invalid_type_error: '正文格式不正确' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => s.length > 0, { message: '请填写正文' })
    .refine((s) => Array.from(s).length <= NOTICE_BODY_MAX, { message: `正文最多 ${NOTICE_BODY_MAX} 个字` }),
  attachments: z
    .array(attachment)
    .max(NOTICE_ATTACHMENTS_MAX, { message: `附件最多 ${NOTICE_ATTACHMENTS_MAX} 个` })
    .default([]),
  pinned: z.boolean().default(false),
  /** After this instant it leaves every list; null: never. */
  expiresAt: instant('截止时间').nullable().default(null),
};

export const noticeActions = {
  'notice.create': action<NoticeDetail>()({
    input: () =>
      input({
        requestId,
        audience,
        ...content,
        /** Published by the scheduler at this instant; null: at once. */
        publishAt: instant('发布时间').nullable().default(null),
      }),
    roles: ANY_MEMBER,
    perMinute: 20,
  }),
  /** Keeps its receipts and marks it edited; new images cannot be added to a published notice. */
  'notice.update': action<NoticeDetail>()({ input: () => input({ noticeId, ...content }), roles: ANY_MEMBER }),
  'notice.withdraw': action<NoticeDetail>()({ input: () => input({ noticeId }), roles: ANY_MEMBER }),
  /** Published, unexpired notices to the caller's branch, pinned first, newest first. */
  'notice.list': action<Page<NoticeSummary>>()({ input: () => input(page), roles: ANY_MEMBER }),
  /** The notices the caller wrote, in every state. */
  'notice.mine': action<Page<NoticeDetail>>()({ input: () => input(page), roles: ANY_MEMBER }),
  /** Opening a notice records the caller's receipt (once). */
  'notice.get': action<NoticeDetail>()({ input: () => input({ noticeId }), roles: ANY_MEMBER }),
  'notice.receipts': action<NoticeReceipts>()({
    input: () => input({ noticeId, branchId: id('支部').optional() }),
    roles: ANY_MEMBER,
  }),
  'notice.unread': action<NoticeUnread>()({ input: () => noInput, roles: ANY_MEMBER }),
  /** Where the caller may publish: their branch, pairings they lead, committees whose office they work in. */
  'notice.audiences': action<{ items: NoticeAudienceView[] }>()({ input: () => noInput, roles: ANY_MEMBER }),
} as const;
