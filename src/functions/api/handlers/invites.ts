/**
 * invite.create / list / revoke / qrcode: invite codes of a branch, managed by its secretary or by
 * the committee office above it (which is how a new branch gets its first members). A code is
 * shared as text or as a mini-program code that opens the join page with the code filled in.
 */
import { randomInt } from 'node:crypto';
import { AppError, type ActionName, type InviteView } from '../../../contract';
import type { InviteCodeDoc } from '../../../db/documents';
import { inviteState, newInviteCode } from '../../../domain/invite';
import type { Database } from '../../../server/cloud';
import { loadCaller, managedOrg } from '../../../server/access';
import { getDoc, isDuplicateWrite } from '../../../server/docs';
import { storedMiniProgramCode } from '../../../server/mini-program-codes';
import { readPage } from '../../../server/paging';
import type { Handler, HandlerContext } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Codes are 6 of 31 characters: a clash is rare, a few retries are plenty. */
const CODE_ATTEMPTS = 5;
/** The join page, as the mini-program code opens it; the page reads `code=` from the scene. */
const JOIN_PAGE = 'packages/member/join/index';

function inviteView(doc: InviteCodeDoc, now: Date): InviteView {
  return {
    code: doc._id,
    branchId: doc.branchId,
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt.toISOString(),
    maxUses: doc.maxUses,
    usedCount: doc.usedCount,
    requiresApproval: doc.requiresApproval ?? false,
    state: inviteState(doc, now),
  };
}

/** The branch whose invites the caller manages: their own as its secretary, or one their office runs. */
async function branchOf(ctx: HandlerContext, branchId: string | undefined): Promise<string> {
  const who = await loadCaller(ctx.db, ctx.openid, ctx.member);
  const org = await managedOrg(ctx.db, who, branchId ?? who.member?.branchId ?? '');
  if (org.kind === 'committee') throw new AppError('INVALID_INPUT', '邀请码只能发给支部');
  return org._id;
}

/** An invite of the caller's branch; another branch's code is reported as unknown. */
async function ownInvite(db: Database, code: string, branchId: string): Promise<InviteCodeDoc> {
  const doc = await getDoc<InviteCodeDoc>(db, 'inviteCodes', code);
  if (!doc || doc.branchId !== branchId) throw new AppError('INVITE_INVALID');
  return doc;
}

const create: Handler<'invite.create'> = async ({ expiresInDays, maxUses, requiresApproval, ...which }, ctx) => {
  const branchId = await branchOf(ctx, which.branchId);
  for (let attempt = 1; ; attempt++) {
    const doc: InviteCodeDoc = {
      _id: newInviteCode(randomInt),
      branchId,
      createdBy: ctx.openid,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + expiresInDays * DAY_MS),
      maxUses,
      usedCount: 0,
      revokedAt: null,
      requiresApproval,
    };
    try {
      // add() refuses an existing _id, so a clash with any earlier code is caught here.
      await ctx.db.collection('inviteCodes').add(doc);
      return inviteView(doc, ctx.now);
    } catch (err) {
      if (!isDuplicateWrite(err) || attempt >= CODE_ATTEMPTS) throw err;
    }
  }
};

const list: Handler<'invite.list'> = async ({ offset, limit, ...which }, ctx) => {
  const query = ctx.db
    .collection('inviteCodes')
    .where({ branchId: await branchOf(ctx, which.branchId) })
    .orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<InviteCodeDoc>(query, offset, limit);
  return { items: docs.map((doc) => inviteView(doc, ctx.now)), nextOffset };
};

const revoke: Handler<'invite.revoke'> = async ({ code, branchId }, ctx) => {
  const doc = await ownInvite(ctx.db, code, await branchOf(ctx, branchId));
  if (doc.revokedAt) return inviteView(doc, ctx.now);
  await ctx.db.collection('inviteCodes').doc(code).update({ revokedAt: ctx.now });
  return inviteView({ ...doc, revokedAt: ctx.now }, ctx.now);
};

const qrcode: Handler<'invite.qrcode'> = async ({ code, branchId }, ctx) => {
  const doc = await ownInvite(ctx.db, code, await branchOf(ctx, branchId));
  const state = inviteState(doc, ctx.now);
  if (state !== 'usable')
    throw new AppError(
      state === 'expired' ? 'INVITE_EXPIRED' : state === 'revoked' ? 'INVITE_REVOKED' : 'INVITE_EXHAUSTED',
    );
  const stored = await storedMiniProgramCode(doc.qrFileId, {
    scene: `code=${code}`,
    page: JOIN_PAGE,
    cloudPath: `invite-codes/${doc.branchId}/${code}.png`,
  });
  if (stored.created) await ctx.db.collection('inviteCodes').doc(code).update({ qrFileId: stored.fileId });
  return { code, fileID: stored.fileId, url: stored.url };
};

export const inviteHandlers = {
  'invite.create': create,
  'invite.list': list,
  'invite.revoke': revoke,
  'invite.qrcode': qrcode,
} satisfies { [A in Exclude<Extract<ActionName, `invite.${string}`>, 'invite.preview'>]: Handler<A> };
