/** PostView → what a post card shows (feeds, my posts, moderation, detail). Pure. */
import type { Page, PostPage, PostStatus, PostView } from '../../src/contract';
import { formatDateTime } from './date';

export interface PostCard {
  id: string;
  author: string;
  meta: string;
  eventTitle: string;
  caption: string;
  photos: { url: string; fileID: string }[];
  /** One, two or three columns, by how many photos. */
  gridClass: string;
  likes: number;
  liked: boolean;
  /** Shown only for a post that is not published. */
  statusText: string;
  statusClass: string;
  reason: string;
}

const STATUS: Record<PostStatus, { text: string; className: string }> = {
  pending: { text: '审核中', className: 'tag tag--warn' },
  published: { text: '已发布', className: 'tag tag--done' },
  rejected: { text: '未通过', className: 'tag tag--overdue' },
  hidden: { text: '已隐藏', className: 'tag tag--muted' },
};

export function postCard(post: PostView): PostCard {
  const status = STATUS[post.status];
  const when = formatDateTime(post.publishedAt ?? post.createdAt);
  const waiting = post.status === 'pending' ? (post.needsReview ? '等待书记审核' : '正在进行内容安全检测') : '';
  return {
    id: post.id,
    author: post.authorName,
    meta: [post.authorBranchName, when].filter(Boolean).join(' · '),
    eventTitle: post.eventTitle,
    caption: post.caption,
    photos: post.photos.filter((p) => p.url !== ''),
    gridClass:
      post.photos.length === 1
        ? 'photos photos--1'
        : post.photos.length === 2 || post.photos.length === 4
          ? 'photos photos--2'
          : 'photos photos--3',
    likes: post.likes,
    liked: post.likedByMe,
    statusText: post.status === 'published' ? '' : status.text,
    statusClass: status.className,
    reason: post.reason ?? waiting,
  };
}

/**
 * A cursor-paged post list as the offset pages PagedList reads: the cursor of each next page is
 * kept under the offset it starts at.
 */
export function cursorPages(
  fetch: (cursor: string | null) => Promise<PostPage>,
): (offset: number) => Promise<Page<PostView>> {
  const cursors = new Map<number, string>();
  return async (offset) => {
    const page = await fetch(offset === 0 ? null : (cursors.get(offset) ?? null));
    const next = offset + page.items.length;
    if (page.nextCursor) cursors.set(next, page.nextCursor);
    return { items: page.items, nextOffset: page.nextCursor ? next : null };
  };
}

/** The card's photos full size, from the one tapped. */
export function previewPhotos(card: PostCard | undefined, photo: number): void {
  if (!card || card.photos.length === 0) return;
  const urls = card.photos.map((p) => p.url);
  wx.previewImage({ urls, current: urls[photo] ?? urls[0] });
}
