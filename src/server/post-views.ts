/** PostDoc → PostView for one viewer: photo links, names, the viewer's like, what they may do. */
import type { PostView } from '../contract';
import type { PostDoc, PostLikeDoc } from '../db/documents';
import { moderatesPost, type Viewer } from '../domain/content-review';
import type { Database } from './cloud';
import { temporaryLinks } from './files';
import { branchRefs } from './organizations';
import { awaitsReview, likeId } from './posts';
import { readByIds } from './docs';

/** CloudBase signs at most 50 links per request. */
const LINKS_PER_CALL = 50;

async function linksFor(fileIDs: string[]): Promise<Map<string, string>> {
  const chunks: string[][] = [];
  for (let i = 0; i < fileIDs.length; i += LINKS_PER_CALL) chunks.push(fileIDs.slice(i, i + LINKS_PER_CALL));
  const maps = await Promise.all(chunks.map((chunk) => temporaryLinks(chunk)));
  return new Map(maps.flatMap((map) => [...map]));
}

export async function postViews(
  db: Database,
  viewer: Viewer,
  posts: readonly PostDoc[],
  now: Date,
): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const [links, branches, likes] = await Promise.all([
    linksFor([...new Set(posts.flatMap((post) => post.photos))]),
    branchRefs(db, [...new Set(posts.map((post) => post.authorBranchId))]),
    readByIds<PostLikeDoc>(
      db,
      'postLikes',
      posts.map((post) => likeId(post._id, viewer.openid)),
    ),
  ]);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  const liked = new Set(likes.map((like) => like.postId));
  return posts.map((post) => {
    const mine = post.authorOpenid === viewer.openid;
    const shownReason = post.status === 'rejected' || post.status === 'hidden' ? post.reason : null;
    return {
      id: post._id,
      eventId: post.eventId,
      eventTitle: post.eventTitle,
      authorName: post.authorName,
      authorBranchName: branchName.get(post.authorBranchId) ?? '',
      caption: post.caption,
      photos: post.photos.map((fileID) => ({ fileID, url: links.get(fileID) ?? '' })),
      status: post.status,
      reason: shownReason,
      needsReview: awaitsReview(post, now),
      likes: post.likes,
      likedByMe: liked.has(post._id),
      mine,
      canModerate: moderatesPost(viewer, post),
      createdAt: post.createdAt.toISOString(),
      publishedAt: post.publishedAt ? post.publishedAt.toISOString() : null,
    };
  });
}
