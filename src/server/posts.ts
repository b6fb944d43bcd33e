/**
 * Posts (活动风采): creation with its content checks, the status transitions, and what a viewer
 * may see. A post's `_id` is a hash of its author and the client's request id, so a retried create
 * answers the post it made. Status changes are conditional updates (`where status = from`), so
 * two verdicts or two secretaries deciding at once change it once; the feed entries of the
 * audience branches mirror the status.
 */
import { createHash } from 'node:crypto';
import { AppError, type PostStatus } from '../contract';
import type { CheckInDoc, EventDoc, PostDoc, PostFeedDoc } from '../db/documents';
import { CHECK_DEADLINE_MS, decideChecks } from '../domain/content-review';
import type { Actor } from '../domain/event-access';
import { ownerKey } from '../domain/event-access';
import type { Database } from './cloud';
import { checkText, CONTENT_SCENE } from './content-security';
import { checkInId, getDoc, isDuplicateWrite } from './docs';
import { existingFiles, isOwnUpload } from './files';
import { checksOf, startMediaChecks, verdictsOf } from './media-checks';
import { postPublished, postRemoved } from './post-transitions';

export function postDocId(openid: string, requestId: string): string {
  return `p${createHash('sha256').update(`post|${openid}|${requestId}`).digest('hex').slice(0, 31)}`;
}

export function likeId(postId: string, openid: string): string {
  return `${postId}_${createHash('sha256').update(`like|${openid}`).digest('hex').slice(0, 20)}`;
}

export async function loadPost(db: Database, postId: string): Promise<PostDoc | null> {
  return getDoc<PostDoc>(db, 'posts', postId);
}

/** Attended (checked in and not undone) or organised the event. */
async function mayPostAbout(db: Database, event: EventDoc, openid: string): Promise<boolean> {
  if (event.createdBy === openid || event.organisers.some((o) => o.openid === openid)) return true;
  const checkIn = await getDoc<CheckInDoc>(db, 'checkins', checkInId(event._id, openid));
  return checkIn?.status === 'present';
}

export interface NewPost {
  requestId: string;
  eventId: string;
  caption: string;
  photos: string[];
}

/**
 * Validates everything before writing anything: the event and the caller's part in it, each
 * photo (the caller's own upload for a post, existing), the caption's text check. Then writes the
 * pending post and starts the photo checks.
 */
export async function createPost(
  db: Database,
  actor: Actor,
  name: string,
  input: NewPost,
  now: Date,
): Promise<PostDoc> {
  const id = postDocId(actor.openid, input.requestId);
  const existing = await loadPost(db, id);
  if (existing) return resumeChecks(db, existing, now);

  const event = await getDoc<EventDoc>(db, 'events', input.eventId);
  const mayPost = event !== null && event.status === 'published' && (await mayPostAbout(db, event, actor.openid));
  if (!event || !mayPost) throw new AppError('NOT_ATTENDED');
  if (new Set(input.photos).size !== input.photos.length)
    throw new AppError('INVALID_INPUT', '同一张照片不能重复添加', {
      details: [{ path: 'photos', message: '照片重复' }],
    });
  const own = input.photos.filter((fileID) => isOwnUpload(fileID, actor.openid, 'post'));
  const present = own.length === input.photos.length ? await existingFiles(own) : new Set<string>();
  const bad = input.photos.findIndex((fileID) => !present.has(fileID));
  if (bad >= 0)
    throw new AppError('FILE_INVALID', '照片无效，请重新上传', {
      details: [{ path: `photos.${bad}`, message: '照片无效，请重新上传' }],
    });
  const text = await checkText(actor.openid, input.caption, CONTENT_SCENE.socialLog);
  if (text.verdict === 'risky') throw new AppError('CONTENT_RISKY', '配文未通过内容安全检测，请修改后再发布');

  const post: PostDoc = {
    _id: id,
    eventId: event._id,
    eventTitle: event.title,
    ownerKey: ownerKey(event.owner),
    audience: [...event.audience],
    authorOpenid: actor.openid,
    authorName: name,
    authorBranchId: actor.branchId,
    caption: input.caption,
    photos: input.photos,
    textVerdict: text.verdict,
    textTraceId: text.traceId,
    status: 'pending',
    needsReview: text.verdict === 'review',
    checkDeadline: new Date(now.getTime() + CHECK_DEADLINE_MS),
    reason: null,
    decidedBy: null,
    likes: 0,
    sortAt: now,
    createdAt: now,
    publishedAt: null,
    updatedAt: now,
  };
  try {
    await db.collection('posts').add(post);
  } catch (err) {
    // The same request arriving twice at once: the other one wrote it.
    if (!isDuplicateWrite(err)) throw err;
    return resumeChecks(db, (await loadPost(db, id)) ?? post, now);
  }
  await writePostFeed(db, post);
  return resumeChecks(db, post, now);
}

async function resumeChecks(db: Database, post: PostDoc, now: Date): Promise<PostDoc> {
  if (post.status !== 'pending') return post;
  await startMediaChecks(
    db,
    { kind: 'post', id: post._id },
    post.photos,
    post.authorOpenid,
    CONTENT_SCENE.socialLog,
    now,
  );
  return evaluatePost(db, post._id, now);
}

export async function writePostFeed(db: Database, post: PostDoc): Promise<void> {
  await Promise.all(
    post.audience.map((branchId) => {
      const entry: Omit<PostFeedDoc, '_id'> = { postId: post._id, branchId, status: post.status, sortAt: post.sortAt };
      return db.collection('postFeed').doc(`${post._id}_${branchId}`).set(entry);
    }),
  );
}

/**
 * Moves the post from `from` to `to` if it still is `from`; answers the post after, and whether
 * this call made the change (only then are the feed and the hooks told).
 */
async function transition(
  db: Database,
  post: PostDoc,
  from: PostStatus,
  to: PostStatus,
  patch: Partial<PostDoc>,
  now: Date,
): Promise<PostDoc> {
  const sortAt = to === 'published' ? now : post.sortAt;
  const changes = { ...patch, status: to, sortAt, updatedAt: now, ...(to === 'published' ? { publishedAt: now } : {}) };
  const { updated } = await db.collection('posts').where({ _id: post._id, status: from }).update(changes);
  if (updated !== 1) return (await loadPost(db, post._id)) ?? post;
  const after: PostDoc = { ...post, ...changes };
  await db.collection('postFeed').where({ postId: post._id }).update({ status: to, sortAt });
  if (to === 'published') await postPublished(db, after, now);
  else await postRemoved(db, after, from, now);
  return after;
}

/** Applies what the checks decide so far to a pending post. */
export async function evaluatePost(db: Database, postId: string, now: Date): Promise<PostDoc> {
  const post = await loadPost(db, postId);
  if (!post) throw new AppError('NOT_FOUND', '风采不存在或已删除');
  const checks = await checksOf(db, post._id);
  const verdicts = verdictsOf(post.photos, checks);
  if (post.status === 'published' && verdicts.includes('risky')) {
    // A late verdict after a secretary approved it by hand: take it down.
    return transition(db, post, 'published', 'hidden', { reason: '图片未通过内容安全检测', decidedBy: null }, now);
  }
  if (post.status !== 'pending') return post;
  const outcome = decideChecks(post.textVerdict, verdicts, now >= post.checkDeadline);
  if (outcome.kind === 'publish') return transition(db, post, 'pending', 'published', {}, now);
  if (outcome.kind === 'reject')
    return transition(db, post, 'pending', 'rejected', { reason: outcome.reason, decidedBy: null }, now);
  if (outcome.needsReview && !post.needsReview) {
    await db.collection('posts').where({ _id: post._id, status: 'pending' }).update({ needsReview: true });
    return { ...post, needsReview: true };
  }
  return post;
}

/** A pending post that a secretary may decide now: a check asked for a person, or none came in time. */
export function awaitsReview(post: PostDoc, now: Date): boolean {
  return post.status === 'pending' && (post.needsReview || now >= post.checkDeadline);
}

export type Decision = { decision: 'approve' } | { decision: 'reject' | 'hide'; reason: string };

export async function moderatePost(
  db: Database,
  post: PostDoc,
  decision: Decision,
  by: string,
  now: Date,
): Promise<PostDoc> {
  if (decision.decision === 'hide') {
    if (post.status !== 'published') throw new AppError('ALREADY_DECIDED', '只有已发布的风采可以隐藏');
    return transition(db, post, 'published', 'hidden', { reason: decision.reason, decidedBy: by }, now);
  }
  if (post.status !== 'pending') throw new AppError('ALREADY_DECIDED');
  if (decision.decision === 'reject')
    return transition(db, post, 'pending', 'rejected', { reason: decision.reason, decidedBy: by }, now);
  const verdicts = verdictsOf(post.photos, await checksOf(db, post._id));
  if (post.textVerdict === 'risky' || verdicts.includes('risky')) throw new AppError('CONTENT_RISKY');
  if (!awaitsReview(post, now)) throw new AppError('CONFLICT', '仍在自动检测中，请稍后再审核');
  return transition(db, post, 'pending', 'published', { decidedBy: by }, now);
}

/** One like per member: the like's `_id` is unique; the count moves only when a like is made or removed. */
export async function setLike(
  db: Database,
  post: PostDoc,
  openid: string,
  liked: boolean,
  now: Date,
): Promise<boolean> {
  const id = likeId(post._id, openid);
  const _ = db.command;
  if (liked) {
    try {
      await db.collection('postLikes').add({ _id: id, postId: post._id, openid, at: now });
    } catch (err) {
      if (isDuplicateWrite(err)) return true;
      throw err;
    }
    await db
      .collection('posts')
      .doc(post._id)
      .update({ likes: _.inc(1) });
    return true;
  }
  const { deleted } = await db.collection('postLikes').where({ _id: id }).remove();
  if (deleted === 1)
    await db
      .collection('posts')
      .doc(post._id)
      .update({ likes: _.inc(-1) });
  return false;
}
