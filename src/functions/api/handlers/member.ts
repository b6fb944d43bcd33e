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
 * Joining reads the invite and the caller's membership and writes both in one transaction, so
 * two members racing for the last use of a code cannot both get in, and a failure leaves no
 * half-joined member behind.
 */
export const join: Handler<'member.join'> = async ({ code, name }, { db, openid, now }) => {
  const member = await inTransaction(db, async (tx) => {
    const invite = assertUsable(
      ((await tx.collection('inviteCodes').doc(code).get()).data as InviteCodeDoc | null) ?? null,
      now,
    );
    const existing = (await tx.collection('members').doc(openid).get()).data as MemberDoc | null;
    if (existing && existing.status === 'active') throw new AppError('ALREADY_MEMBER');
    if (existing && existing.status === 'pending') throw new AppError('JOIN_PENDING');

    const joined: Omit<MemberDoc, '_id'> = {
      name,
      branchId: invite.branchId,
      role: 'member',
      status: invite.requiresApproval ? 'pending' : 'active',
      joinedAt: now,
      joinedVia: invite._id,
    };
    await tx
      .collection('inviteCodes')
      .doc(code)
      .update({ usedCount: invite.usedCount + 1 });
    await tx.collection('members').doc(openid).set(joined);
    await recordHistory(tx, {
      memberId: openid,
      branchId: invite.branchId,
      kind: joined.status === 'pending' ? 'requested' : 'joined',
      role: 'member',
      by: { openid, name },
      reason: `邀请码 ${invite._id}`,
      at: now,
    });
    return { _id: openid, ...joined };
  });
  return profileOf(db, member);
};
