/** NoticeDoc → the list row and the detail a viewer sees, and the lists by branch. */
import type { NoticeDetail, NoticeSummary } from '../contract';
import type { NoticeDoc, NoticeFeedDoc, NoticeReadDoc } from '../db/documents';
import type { Database } from './cloud';
import { temporaryLinks } from './files';
import { receiptId } from './notices';
import { readByIds } from './docs';

const EXCERPT_CHARS = 60;

export function summaryOf(notice: NoticeDoc, read: boolean): NoticeSummary {
  const firstLine = notice.body.split('\n').find((line) => line.trim() !== '') ?? '';
  const chars = Array.from(firstLine.trim());
  return {
    id: notice._id,
    title: notice.title,
    excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join(''),
    authorName: notice.authorName,
    audience: notice.audience,
    pinned: notice.pinned,
    edited: notice.edited,
    publishedAt: notice.publishedAt ? notice.publishedAt.toISOString() : null,
    read,
  };
}

export async function detailOf(notice: NoticeDoc, read: boolean, canManage: boolean): Promise<NoticeDetail> {
  const links = await temporaryLinks(notice.attachments.map((a) => a.fileID));
  return {
    ...summaryOf(notice, read),
    body: notice.body,
    attachments: notice.attachments.map((a) => ({
      fileID: a.fileID,
      name: a.name,
      url: links.get(a.fileID) ?? '',
      isImage: a.isImage,
    })),
    status: notice.status,
    reason: notice.status === 'rejected' ? notice.reason : null,
    publishAt: notice.publishAt ? notice.publishAt.toISOString() : null,
    expiresAt: notice.expiresAt ? notice.expiresAt.toISOString() : null,
    editedAt: notice.editedAt ? notice.editedAt.toISOString() : null,
    canManage,
  };
}

/** Which of these notices the member has opened. */
export async function readSet(db: Database, noticeIds: string[], openid: string): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const ids = noticeIds.map((id) => receiptId(id, openid));
  return new Set((await readByIds<NoticeReadDoc>(db, 'noticeReads', ids)).map((r) => r.noticeId));
}

/** The branch's published notice entries, pinned first then newest, from `offset`. */
export async function branchFeed(
  db: Database,
  branchId: string,
  offset: number,
  limit: number,
): Promise<NoticeFeedDoc[]> {
  const { data } = await db
    .collection('noticeFeed')
    .where({ branchId, status: 'published' })
    .orderBy('pinned', 'desc')
    .orderBy('sortAt', 'desc')
    .skip(offset)
    .limit(limit)
    .get();
  return data as NoticeFeedDoc[];
}
