/** NoticeSummary / NoticeDetail → a list row and the detail's header. Pure. */
import type { NoticeAudienceKind, NoticeDetail, NoticeStatus, NoticeSummary } from '../../src/contract';
import { formatDateTime } from './date';

export interface NoticeRow {
  id: string;
  title: string;
  excerpt: string;
  meta: string;
  pinned: boolean;
  unread: boolean;
  /** For the author's own list: its state when not simply published. */
  statusText: string;
  statusClass: string;
}

const AUDIENCE: Record<NoticeAudienceKind, string> = { branch: '本支部', pairing: '联建', committee: '党委' };

const STATUS: Record<NoticeStatus, { text: string; className: string }> = {
  checking: { text: '检测中', className: 'tag tag--warn' },
  scheduled: { text: '定时发布', className: 'tag tag--active' },
  published: { text: '', className: '' },
  rejected: { text: '未通过', className: 'tag tag--overdue' },
  withdrawn: { text: '已撤回', className: 'tag tag--muted' },
};

export function audienceText(notice: Pick<NoticeSummary, 'audience'>): string {
  return `${AUDIENCE[notice.audience.kind]} · ${notice.audience.name}`;
}

export function noticeRow(notice: NoticeSummary | NoticeDetail): NoticeRow {
  const status = 'status' in notice ? STATUS[notice.status] : STATUS.published;
  const when = notice.publishedAt
    ? formatDateTime(notice.publishedAt)
    : 'publishAt' in notice && notice.publishAt
      ? `${formatDateTime(notice.publishAt)} 发布`
      : '';
  return {
    id: notice.id,
    title: notice.title,
    excerpt: notice.excerpt,
    meta: [notice.authorName, when, notice.edited ? '已编辑' : ''].filter(Boolean).join(' · '),
    pinned: notice.pinned,
    unread: !('status' in notice && notice.canManage) && !notice.read,
    statusText: status.text,
    statusClass: status.className,
  };
}
