/**
 * post.*: creating a post, the feeds (branch, event, pairing), my posts, moderation and likes.
 * Every read path filters by seesPost (domain/content-review): until a post is published only
 * its author and the secretaries of its audience see it, and nobody else learns it exists.
 */
import { AppError, type PostPage } from '../../../contract';
import type { CheckInDoc, EventAudienceDoc, EventDoc, PostDoc, PostFeedDoc } from '../../../db/documents';
import { moderatesPost, seesPost, type Viewer } from '../../../domain/content-review';
import { loadCaller, visiblePairing } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { checkInId, getDoc, readByIds, readInOrder } from '../../../server/docs';
import type { Query } from '../../../server/paging';
import { postViews } from '../../../server/post-views';
import { createPost, loadPost, moderatePost, setLike } from '../../../server/posts';
import { actorOf, nameOf } from './actor';
import type { Handler, HandlerContext } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Extra documents read past a page, so documents sharing the last one's instant stay on one page. */
const TIE_SLACK = 10;

function viewerOf(ctx: HandlerContext): Viewer {
  return actorOf(ctx);
}

function encodeCursor(at: Date): string {
  return Buffer.from(JSON.stringify([at.getTime()])).toString('base64url');
}

function decodeCursor(text: string): Date {
  try {
    const [ms] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof ms === 'number' && Number.isFinite(ms)) return new Date(ms);
  } catch {
    // fall through: a damaged cursor is the caller's input error
  }
  throw new AppError('INVALID_INPUT', '翻页参数有误，请刷新列表', {
    details: [{ path: 'cursor', message: '翻页参数有误' }],
  });
}

interface Sorted {
  sortAt: Date;
}

/**
 * A page of `collection` matching `where`, newest `field` first, before the cursor's instant.
 * Documents sharing the last one's instant are kept together, so the next page (strictly before
 * it) skips none.
 */
async function pageOf<T extends Sorted>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  field: 'sortAt' | 'createdAt',
  cursor: string | undefined,
  limit: number,
): Promise<{ docs: T[]; nextCursor: string | null }> {
  const filter = cursor ? { ...where, [field]: db.command.lt(decodeCursor(cursor)) } : where;
  const query: Query = db.collection(collection).where(filter);
  const { data } = await query
    .orderBy(field, 'desc')
    .limit(limit + TIE_SLACK)
    .get();
  const docs = data as (T & Record<string, Date>)[];
  let end = Math.min(limit, docs.length);
  while (end < docs.length && docs[end]![field]!.getTime() === docs[end - 1]![field]!.getTime()) end++;
  const page = docs.slice(0, end);
  const last = page[page.length - 1];
  return { docs: page, nextCursor: end < docs.length && last ? encodeCursor(last[field]!) : null };
}

async function pageOfPosts(ctx: HandlerContext, docs: PostDoc[], nextCursor: string | null): Promise<PostPage> {
  const viewer = viewerOf(ctx);
  const visible = docs.filter((post) => seesPost(viewer, post));
  return { items: await postViews(ctx.db, viewer, visible, ctx.now), nextCursor };
}

/** A post the caller may see, else NOT_FOUND (whether or not it exists). */
async function visiblePost(ctx: HandlerContext, postId: string): Promise<PostDoc> {
  const post = await loadPost(ctx.db, postId);
  if (!post || !seesPost(viewerOf(ctx), post)) throw new AppError('NOT_FOUND', '风采不存在或已删除');
  return post;
}

const create: Handler<'post.create'> = async (input, ctx) => {
  const post = await createPost(ctx.db, actorOf(ctx), nameOf(ctx), input, ctx.now);
  const [view] = await postViews(ctx.db, viewerOf(ctx), [post], ctx.now);
  return view!;
};

const feed: Handler<'post.feed'> = async ({ eventId, pairingId, cursor, limit }, ctx) => {
  const viewer = viewerOf(ctx);
  if (eventId !== undefined) {
    const event = await getDoc<EventDoc>(ctx.db, 'events', eventId);
    if (!event || !event.audience.includes(viewer.branchId)) throw new AppError('NOT_FOUND', '活动不存在或已删除');
    const page = await pageOf<PostDoc>(ctx.db, 'posts', { eventId, status: 'published' }, 'sortAt', cursor, limit);
    return pageOfPosts(ctx, page.docs, page.nextCursor);
  }
  if (pairingId !== undefined) {
    await visiblePairing(ctx.db, await loadCaller(ctx.db, ctx.openid, ctx.member), pairingId);
    const where = { ownerKey: `pairing_${pairingId}`, status: 'published' };
    const page = await pageOf<PostDoc>(ctx.db, 'posts', where, 'sortAt', cursor, limit);
    return pageOfPosts(ctx, page.docs, page.nextCursor);
  }
  const where = { branchId: viewer.branchId, status: 'published' };
  const page = await pageOf<PostFeedDoc>(ctx.db, 'postFeed', where, 'sortAt', cursor, limit);
  return pageOfPosts(
    ctx,
    await readInOrder<PostDoc>(
      ctx.db,
      'posts',
      page.docs.map((entry) => entry.postId),
    ),
    page.nextCursor,
  );
};

const mine: Handler<'post.mine'> = async ({ cursor, limit }, ctx) => {
  const where = { authorOpenid: ctx.openid };
  const page = await pageOf<PostDoc & Sorted>(ctx.db, 'posts', where, 'createdAt', cursor, limit);
  return pageOfPosts(ctx, page.docs, page.nextCursor);
};

const moderation: Handler<'post.moderation'> = async ({ cursor, limit }, ctx) => {
  const where = { branchId: viewerOf(ctx).branchId, status: 'pending' };
  const page = await pageOf<PostFeedDoc>(ctx.db, 'postFeed', where, 'sortAt', cursor, limit);
  return pageOfPosts(
    ctx,
    await readInOrder<PostDoc>(
      ctx.db,
      'posts',
      page.docs.map((entry) => entry.postId),
    ),
    page.nextCursor,
  );
};

const get: Handler<'post.get'> = async ({ postId }, ctx) => {
  const post = await visiblePost(ctx, postId);
  const [view] = await postViews(ctx.db, viewerOf(ctx), [post], ctx.now);
  return view!;
};

const like: Handler<'post.like'> = async ({ postId, liked }, ctx) => {
  const post = await visiblePost(ctx, postId);
  if (post.status !== 'published') throw new AppError('CONFLICT', '风采尚未发布，不能点赞');
  const likedByMe = await setLike(ctx.db, post, ctx.openid, liked, ctx.now);
  const after = await loadPost(ctx.db, postId);
  return { postId, likes: after?.likes ?? post.likes, likedByMe };
};

const moderate: Handler<'post.moderate'> = async (input, ctx) => {
  const post = await visiblePost(ctx, input.postId);
  const viewer = viewerOf(ctx);
  if (!moderatesPost(viewer, post)) throw new AppError('FORBIDDEN', '只有活动所属支部的书记可以审核风采');
  const after = await moderatePost(ctx.db, post, input, nameOf(ctx), ctx.now);
  const [view] = await postViews(ctx.db, viewer, [after], ctx.now);
  return view!;
};

const events: Handler<'post.events'> = async (_input, ctx) => {
  const viewer = viewerOf(ctx);
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection('eventAudiences')
    .where({
      branchId: viewer.branchId,
      status: 'published',
      startsAt: _.gte(new Date(ctx.now.getTime() - 60 * DAY_MS)).and(_.lte(ctx.now)),
    })
    .orderBy('startsAt', 'desc')
    .limit(30)
    .get();
  const ids = (data as EventAudienceDoc[]).map((entry) => entry.eventId);
  if (ids.length === 0) return { items: [] };
  const [eventDocs, checkIns] = await Promise.all([
    readByIds<EventDoc>(ctx.db, 'events', ids),
    readByIds<CheckInDoc>(
      ctx.db,
      'checkins',
      ids.map((id) => checkInId(id, ctx.openid)),
    ),
  ]);
  const attended = new Set(checkIns.filter((c) => c.status === 'present').map((c) => c.eventId));
  const byId = new Map(eventDocs.map((event) => [event._id, event]));
  const items = ids.flatMap((id) => {
    const event = byId.get(id);
    if (!event) return [];
    const organised = event.createdBy === ctx.openid || event.organisers.some((o) => o.openid === ctx.openid);
    return organised || attended.has(id) ? [{ id, title: event.title, startsAt: event.startsAt.toISOString() }] : [];
  });
  return { items };
};

export const postHandlers = {
  'post.create': create,
  'post.feed': feed,
  'post.mine': mine,
  'post.moderation': moderation,
  'post.get': get,
  'post.like': like,
  'post.moderate': moderate,
  'post.events': events,
};
