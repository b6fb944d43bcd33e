/**
 * member.me, invite.preview, member.join: who am I, and joining a branch with an invite code
 * (straight in, or waiting for the secretary's approval when the code asks for it).
 */
import { AppError, type CommitteeRef, type ErrorCode, type MemberProfile } from '../../../contract';
import type { InviteCodeDoc, MemberDoc } from '../../../db/documents';
import { inviteState, type InviteState } from '../../../domain/invite';
import type { Database } from '../../../server/cloud';
import { getDoc } from '../../../server/docs';
import { recordHistory } from '../../../server/membership';
import { loadAdminOf } from '../../../server/access';
import { branchRefs, branchSummary } from '../../../server/organizations';
import { inTransaction } from '../../../server/transaction';
import type { Handler } from './types';

const INVITE_ERRORS: Record<Exclude<InviteState, 'usable'>, ErrorCode> = {
  expired: 'INVITE_EXPIRED',
  exhausted: 'INVITE_EXHAUSTED',
  revoked: 'INVITE_REVOKED',
};

function assertNotMember(existing: MemberDoc | null): void {
  if (existing && existing.status === 'active') throw new AppError('ALREADY_MEMBER');
  if (existing && existing.status === 'pending') throw new AppError('JOIN_PENDING');
}

function assertUsable(invite: InviteCodeDoc | null, now: Date): InviteCodeDoc {
  if (!invite) throw new AppError('INVITE_INVALID');
  const state = inviteState(invite, now);
  if (state !== 'usable') throw new AppError(INVITE_ERRORS[state]);
  return invite;
}

async function profileOf(db: Database, member: MemberDoc): Promise<MemberProfile> {
  const profile: MemberProfile = {
    name: member.name,
    role: member.role,
    branch: await branchSummary(db, member.branchId),
    joinedAt: member.joinedAt.toISOString(),
  };
  return member.status === 'pending' ? { ...profile, pendingApproval: true } : profile;
}

/** The committees whose office the member works in, so the client can offer 党委管理. */
async function officesOf(db: Database, openid: string): Promise<{ offices?: CommitteeRef[] }> {
  const offices = await branchRefs(db, await loadAdminOf(db, openid));
  return offices.length > 0 ? { offices } : {};
}

export const me: Handler<'member.me'> = async (_input, { db, openid, member }) => {
  if (member) {
    const [profile, offices] = await Promise.all([profileOf(db, member), officesOf(db, openid)]);
    return { member: profile, ...offices };
  }
  const stored = await getDoc<MemberDoc>(db, 'members', openid);
  return stored?.status === 'pending' ? { member: null, pendingJoin: await profileOf(db, stored) } : { member: null };
};

export const previewInvite: Handler<'invite.preview'> = async ({ code }, { db, now }) => {
  const { data } = await db.collection('inviteCodes').doc(code).get();
  const invite = assertUsable((data as InviteCodeDoc[])[0] ?? null, now);
  return {
    code: invite._id,
    branch: await branchSummary(db, invite.branchId),
    expiresAt: invite.expiresAt.toISOString(),
  };
};

/**
 * Joining under contention (a whole training session scans one code in the same minute): the use
 * is claimed with one conditional increment, which the database serialises without aborting
 * anyone, so the code's limit holds exactly; the member and their history are then written in a
 * transaction of their own documents only. If that fails, the claimed use is given back. (A
 * function that dies in between costs the code one use: the safe direction.)
 */
export const join: Handler<'member.join'> = async ({ code, name }, { db, openid, now }) => {
  const _ = db.command;
  const [invite, existing] = await Promise.all([
    getDoc<InviteCodeDoc>(db, 'inviteCodes', code),
    getDoc<MemberDoc>(db, 'members', openid),
  ]);
  assertNotMember(existing);
  const usable = assertUsable(invite, now);
  const { updated } = await db
    .collection('inviteCodes')
    .where({ _id: code, usedCount: _.lt(usable.maxUses), revokedAt: null })
    .update({ usedCount: _.inc(1) });
  if (updated !== 1) {
    // Used up (or revoked) since it was read: answer what it is now.
    assertUsable(await getDoc<InviteCodeDoc>(db, 'inviteCodes', code), now);
    throw new AppError('INVITE_EXHAUSTED');
  }
  let member: MemberDoc;
  try {
    member = await inTransaction(db, async (tx) => {
      assertNotMember(((await tx.collection('members').doc(openid).get()).data as MemberDoc | null) ?? null);
      const joined: Omit<MemberDoc, '_id'> = {
        name,
        branchId: usable.branchId,
        role: 'member',
        status: usable.requiresApproval ? 'pending' : 'active',
        joinedAt: now,
        joinedVia: usable._id,
      };
      await tx.collection('members').doc(openid).set(joined);
      await recordHistory(tx, {
        memberId: openid,
        branchId: usable.branchId,
        kind: joined.status === 'pending' ? 'requested' : 'joined',
        role: 'member',
        by: { openid, name },
        reason: `邀请码 ${usable._id}`,
        at: now,
      });
      return { _id: openid, ...joined };
    });
  } catch (err) {
    await db
      .collection('inviteCodes')
      .doc(code)
      .update({ usedCount: _.inc(-1) });
    throw err;
  }
  return profileOf(db, member);
};
