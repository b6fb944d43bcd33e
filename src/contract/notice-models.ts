/** Shapes the notice (通知公告) actions return. Instants are ISO-8601 (UTC). */

export type NoticeAudienceKind = 'branch' | 'pairing' | 'committee';

export interface NoticeAudienceView {
  kind: NoticeAudienceKind;
  id: string;
  name: string;
}

/**
 * checking: WeChat has not answered for every image yet; scheduled: waiting for its publish time;
 * published; rejected: a check refused it (reason says why); withdrawn by its author.
 */
export type NoticeStatus = 'checking' | 'scheduled' | 'published' | 'rejected' | 'withdrawn';

export interface NoticeAttachmentView {
  fileID: string;
  name: string;
  /** A temporary link; empty when the file is gone. */
  url: string;
  isImage: boolean;
}

export interface NoticeSummary {
  id: string;
  title: string;
  /** The first line or so of the body. */
  excerpt: string;
  authorName: string;
  audience: NoticeAudienceView;
  pinned: boolean;
  edited: boolean;
  publishedAt: string | null;
  read: boolean;
}

export interface NoticeDetail extends NoticeSummary {
  /** Plain text; line breaks kept. Links are shown, never made live. */
  body: string;
  attachments: NoticeAttachmentView[];
  status: NoticeStatus;
  reason: string | null;
  publishAt: string | null;
  expiresAt: string | null;
  editedAt: string | null;
  /** The caller wrote it (or leads its audience): may edit, withdraw and see receipts. */
  canManage: boolean;
}

export interface BranchReceipts {
  branchId: string;
  branchName: string;
  members: number;
  read: number;
}

export interface NoticeReceipts {
  noticeId: string;
  branches: BranchReceipts[];
  /** Members of `branchId` (the one asked for, else the first) who have not opened it. */
  unread: { branchId: string; names: string[] };
}

export interface NoticeUnread {
  count: number;
  /** Up to three unread notices, pinned first, for 首页's notice strip. */
  latest: NoticeSummary[];
}
