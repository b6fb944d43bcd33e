/**
 * notice.*: publishing, editing and withdrawing (the author), the branch's list, opening one
 * (records the receipt), the receipts by branch, the unread count for the tab bar and 首页.
 * A member sees a notice iff it is published, unexpired and addressed to their branch.
 */
import { AppError, type NoticeAudienceView } from '../../../contract';
import type { MemberDoc, NoticeDoc, NoticeReadDoc, PairingDoc, PairingMembershipDoc } from '../../../db/documents';
import { pairingRights } from '../../../domain/org-access';
import { loadCaller, loadOrg } from '../../../server/access';
import { readAll, readInOrder } from '../../../server/docs';
import { branchFeed, detailOf, readSet, summaryOf } from '../../../server/notice-views';
import {
  assertAuthor,
  createNotice,
  loadNotice,
  readableBy,
  recordReceipt,
  updateNotice,
  withdrawNotice,
} from '../../../server/notices';
import { branchRefs } from '../../../server/organizations';
import { readPage } from '../../../server/paging';
import { actorOf, nameOf } from './actor';
import type { Handler, HandlerContext } from './types';

/** How many recent notices the unread count looks at (older ones are not nagged about). */
const UNREAD_WINDOW = 100;

async function authored(ctx: HandlerContext, noticeId: string): Promise<NoticeDoc> {
  const notice = await loadNotice(ctx.db, noticeId);
  if (!notice) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
  assertAuthor(notice, ctx.openid);
  return notice;
}

const create: Handler<'notice.create'> = async (input, ctx) => {
  const caller = await loadCaller(ctx.db, ctx.openid, ctx.member);
  const notice = await createNotice(ctx.db, caller, input, ctx.now);
  return detailOf(notice, false, true);
};

const update: Handler<'notice.update'> = async ({ noticeId, ...content }, ctx) => {
  const notice = await updateNotice(ctx.db, await authored(ctx, noticeId), content, ctx.now);
  return detailOf(notice, false, true);
};

const withdraw: Handler<'notice.withdraw'> = async ({ noticeId }, ctx) => {
  const notice = await withdrawNotice(ctx.db, await authored(ctx, noticeId), ctx.now);
  return detailOf(notice, false, true);
};

const list: Handler<'notice.list'> = async ({ offset, limit }, ctx) => {
  const { branchId } = actorOf(ctx);
  const entries = await branchFeed(ctx.db, branchId, offset, limit + 1);
  const more = entries.length > limit;
  const ids = entries.slice(0, limit).map((e) => e.noticeId);
  const [notices, read] = await Promise.all([
    readInOrder<NoticeDoc>(ctx.db, 'notices', ids),
    readSet(ctx.db, ids, ctx.openid),
  ]);
  return {
    items: notices.filter((n) => readableBy(n, branchId, ctx.now)).map((n) => summaryOf(n, read.has(n._id))),
    nextOffset: more ? offset + limit : null,
  };
};

const mine: Handler<'notice.mine'> = async ({ offset, limit }, ctx) => {
  const query = ctx.db.collection('notices').where({ authorOpenid: ctx.openid }).orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<NoticeDoc>(query, offset, limit);
  return { items: await Promise.all(docs.map((n) => detailOf(n, false, true))), nextOffset };
};

const get: Handler<'notice.get'> = async ({ noticeId }, ctx) => {
  const actor = actorOf(ctx);
  const notice = await loadNotice(ctx.db, noticeId);
  const mine = notice?.authorOpenid === ctx.openid;
  const readable = notice !== null && readableBy(notice, actor.branchId, ctx.now);
  if (!notice || (!mine && !readable)) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
  if (readable)
    await recordReceipt(ctx.db, notice, { openid: ctx.openid, branchId: actor.branchId, name: nameOf(ctx) }, ctx.now);
  return detailOf(notice, readable, mine);
};

const receipts: Handler<'notice.receipts'> = async ({ noticeId, branchId }, ctx) => {
  const notice = await authored(ctx, noticeId);
  const refs = await branchRefs(ctx.db, notice.branches);
  const branches = await Promise.all(
    refs.map(async (ref) => {
      const [members, read] = await Promise.all([
        ctx.db.collection('members').where({ branchId: ref.id, status: 'active' }).count(),
        ctx.db.collection('noticeReads').where({ noticeId, branchId: ref.id }).count(),
      ]);
      return { branchId: ref.id, branchName: ref.name, members: members.total, read: read.total };
    }),
  );
  const chosen = branchId ?? notice.branches[0] ?? '';
  if (branchId !== undefined && !notice.branches.includes(branchId))
    throw new AppError('NOT_FOUND', '该支部不在通知的发布范围内');
  const [members, reads] = chosen
    ? await Promise.all([
        readAll<MemberDoc>(ctx.db, 'members', { branchId: chosen, status: 'active' }, 'joinedAt'),
        readAll<NoticeReadDoc>(ctx.db, 'noticeReads', { noticeId, branchId: chosen }, 'openid'),
      ])
    : [[], []];
  const readers = new Set(reads.map((r) => r.openid));
  return {
    noticeId,
    branches,
    unread: { branchId: chosen, names: members.filter((m) => !readers.has(m._id)).map((m) => m.name) },
  };
};

const unread: Handler<'notice.unread'> = async (_input, ctx) => {
  const { branchId } = actorOf(ctx);
  const entries = (await branchFeed(ctx.db, branchId, 0, UNREAD_WINDOW)).filter(
    (e) => !e.expiresAt || e.expiresAt > ctx.now,
  );
  const ids = entries.map((e) => e.noticeId);
  const read = await readSet(ctx.db, ids, ctx.openid);
  const unreadIds = ids.filter((id) => !read.has(id));
  const latest = await readInOrder<NoticeDoc>(ctx.db, 'notices', unreadIds.slice(0, 3));
  return {
    count: unreadIds.length,
    latest: latest.filter((n) => readableBy(n, branchId, ctx.now)).map((n) => summaryOf(n, false)),
  };
};

const audiences: Handler<'notice.audiences'> = async (_input, ctx) => {
  const caller = await loadCaller(ctx.db, ctx.openid, ctx.member);
  const items: NoticeAudienceView[] = [];
  const member = caller.member;
  if (member?.role === 'secretary') {
    const org = await loadOrg(ctx.db, member.branchId);
    if (org) items.push({ kind: 'branch', id: org._id, name: org.name });
  }
  if (member) {
    const { data } = await ctx.db
      .collection('pairingMemberships')
      .where({ orgId: member.branchId, status: 'active' })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .get();
    const ids = (data as PairingMembershipDoc[]).map((m) => m.pairingId);
    if (ids.length > 0) {
      const pairings = await ctx.db
        .collection('pairings')
        .where({ _id: ctx.db.command.in(ids) })
        .limit(ids.length)
        .get();
      for (const pairing of pairings.data as PairingDoc[])
        if (pairingRights(caller, pairing.sides).leads.length > 0)
          items.push({ kind: 'pairing', id: pairing._id, name: pairing.name });
    }
  }
  for (const committeeId of caller.adminOf) {
    const org = await loadOrg(ctx.db, committeeId);
    if (org?.kind === 'committee') items.push({ kind: 'committee', id: org._id, name: org.name });
  }
  return { items };
};

export const noticeHandlers = {
  'notice.create': create,
  'notice.update': update,
  'notice.withdraw': withdraw,
  'notice.list': list,
  'notice.mine': mine,
  'notice.get': get,
  'notice.receipts': receipts,
  'notice.unread': unread,
  'notice.audiences': audiences,
};
