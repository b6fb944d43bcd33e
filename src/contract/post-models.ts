/** Shapes the post (活动风采) actions return. Instants are ISO-8601 (UTC). */

/**
 * pending: checks still running or waiting for a secretary; published: every check passed (or a
 * secretary approved it); rejected: a check found it risky, or a secretary refused it; hidden: a
 * secretary took a published post down. Only published posts are shown to anyone but the author
 * and the secretaries who moderate it.
 */
export type PostStatus = 'pending' | 'published' | 'rejected' | 'hidden';

export interface PostPhotoView {
  fileID: string;
  /** A temporary link for `<image>` and wx.previewImage; empty when the file is gone. */
  url: string;
}

export interface PostView {
  id: string;
  eventId: string;
  eventTitle: string;
  authorName: string;
  authorBranchName: string;
  caption: string;
  photos: PostPhotoView[];
  status: PostStatus;
  /** Why it was rejected or hidden (shown to the author); null otherwise. */
  reason: string | null;
  /** For a pending post: a secretary must decide it (a check asked for a person, or no verdict came in time). */
  needsReview: boolean;
  likes: number;
  likedByMe: boolean;
  mine: boolean;
  /** The caller may approve, reject or hide it. */
  canModerate: boolean;
  createdAt: string;
  publishedAt: string | null;
}

export interface PostPage {
  items: PostView[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface PostLikeResult {
  postId: string;
  likes: number;
  likedByMe: boolean;
}

/** An event the caller may post photos about (they attended or organised it). */
export interface PostableEvent {
  id: string;
  title: string;
  startsAt: string;
}
