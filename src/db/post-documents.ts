/** Stored shapes of posts (活动风采), notices (通知公告) and the media checks of both. */
import type { NoticeAudienceKind, NoticeStatus, PostStatus } from '../contract';
import type { ContentVerdict } from '../server/content-security';

export interface PostDoc {
  /** postDocId(openid, requestId): a retried create finds the post it made. */
  _id: string;
  eventId: string;
  eventTitle: string;
  /** The event's owner (`pairing_<id>` or `branch_<id>`): a pairing's posts are listed by it. */
  ownerKey: string;
  /** The event's audience: members of these branches see the post once published. */
  audience: string[];
  authorOpenid: string;
  authorName: string;
  authorBranchId: string;
  caption: string;
  photos: string[];
  textVerdict: ContentVerdict;
  textTraceId: string;
  status: PostStatus;
  /** A check answered 'review': a secretary must decide. */
  needsReview: boolean;
  /** No verdict by then: a secretary decides by hand. */
  checkDeadline: Date;
  reason: string | null;
  decidedBy: string | null;
  likes: number;
  /** createdAt while pending, publishedAt once published: what feeds sort by. */
  sortAt: Date;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** `${postId}_${branchId}`: one per audience branch, status mirrored, for the branch's feed and moderation list. */
export interface PostFeedDoc {
  _id: string;
  postId: string;
  branchId: string;
  status: PostStatus;
  sortAt: Date;
}

/** `${postId}_${hash(openid)}`: at most one like per member and post. */
export interface PostLikeDoc {
  _id: string;
  postId: string;
  openid: string;
  at: Date;
}

export type MediaTargetKind = 'post' | 'notice';

/** mediaCheckId(target, fileID): one check per image, claimed before WeChat is called. */
export interface MediaCheckDoc {
  _id: string;
  /** WeChat's trace_id, once it answered the call; null while the call is under way. */
  traceId: string | null;
  targetKind: MediaTargetKind;
  targetId: string;
  fileID: string;
  /** null until the wxa_media_check push arrives; set once. */
  verdict: ContentVerdict | null;
  label: number | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface NoticeAttachmentDoc {
  fileID: string;
  name: string;
  isImage: boolean;
}

export interface NoticeDoc {
  /** noticeDocId(openid, requestId). */
  _id: string;
  audience: { kind: NoticeAudienceKind; id: string; name: string };
  /** Every branch the audience reaches, fixed when it was written. */
  branches: string[];
  title: string;
  body: string;
  attachments: NoticeAttachmentDoc[];
  pinned: boolean;
  expiresAt: Date | null;
  publishAt: Date | null;
  status: NoticeStatus;
  reason: string | null;
  textTraceId: string;
  checkDeadline: Date;
  authorOpenid: string;
  authorName: string;
  edited: boolean;
  editedAt: Date | null;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** `${noticeId}_${branchId}`: one per audience branch, for the branch's list. */
export interface NoticeFeedDoc {
  _id: string;
  noticeId: string;
  branchId: string;
  status: NoticeStatus;
  pinned: boolean;
  sortAt: Date;
  expiresAt: Date | null;
}

/** `${noticeId}_${openid}`: a member's first opening, recorded once. */
export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  branchId: string;
  openid: string;
  name: string;
  at: Date;
}
