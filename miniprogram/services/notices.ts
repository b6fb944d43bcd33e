/** Notices (通知公告): the branch's list, opening one, writing, receipts and the unread count. */
import type {
  ActionInput,
  NoticeAudienceView,
  NoticeDetail,
  NoticeReceipts,
  NoticeSummary,
  NoticeUnread,
  Page,
} from '../../src/contract';
import { callApi } from './api';

export function listNotices(offset: number, limit = 20): Promise<Page<NoticeSummary>> {
  return callApi('notice.list', { offset, limit });
}

export function myNotices(offset: number, limit = 20): Promise<Page<NoticeDetail>> {
  return callApi('notice.mine', { offset, limit });
}

/** Opening it records the member's read receipt (once). */
export function openNotice(noticeId: string): Promise<NoticeDetail> {
  return callApi('notice.get', { noticeId });
}

export function createNotice(input: ActionInput<'notice.create'>): Promise<NoticeDetail> {
  return callApi('notice.create', input);
}

export function updateNotice(input: ActionInput<'notice.update'>): Promise<NoticeDetail> {
  return callApi('notice.update', input);
}

export function withdrawNotice(noticeId: string): Promise<NoticeDetail> {
  return callApi('notice.withdraw', { noticeId });
}

export function noticeReceipts(noticeId: string, branchId?: string): Promise<NoticeReceipts> {
  return callApi('notice.receipts', branchId ? { noticeId, branchId } : { noticeId });
}

export function unreadNotices(): Promise<NoticeUnread> {
  return callApi('notice.unread', {});
}

export async function noticeAudiences(): Promise<NoticeAudienceView[]> {
  return (await callApi('notice.audiences', {})).items;
}
