/**
 * member.* and transfer.*: the member list, approving and removing members, roles and the
 * secretary hand-over, leaving, moving to another branch with both secretaries' consent, and the
 * history that stays with the person.
 */
import { AppError, type ActionName, type MemberRole, type TransferView } from '../../../contract';
import type { MemberDoc, MembershipEventDoc, OrganizationDoc, TransferDoc } from '../../../db/documents';
import { isOfficeOf, managesOrg, type Caller } from '../../../domain/org-access';
import { callerName, existingOrg, loadCaller, visibleOrg } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { getDoc, getDocInTx } from '../../../server/docs';
import { newId } from '../../../server/ids';
import { memberRow, recordHistory } from '../../../server/membership';
import { orgsById, nameIn } from '../../../server/org-views';
import { readPage } from '../../../server/paging';
import { releaseFuturePlaces } from '../../../server/registrations';
import { inTransaction, type Transaction } from '../../../server/transaction';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);
const by = (who: Caller) => ({ openid: who.openid, name: callerName(who) });

function ownBranch(ctx: HandlerContext): string {
  if (!ctx.member) throw new AppError('NOT_MEMBER');
  return ctx.member.branchId;
}

/** Inside a transaction: the member as stored now, if in `branchId` with one of `statuses`. */
async function memberInTx(
  tx: Transaction,
  memberId: string,
  branchId: string,
  statuses: readonly MemberDoc['status'][],
): Promise<MemberDoc> {
  const doc = await getDocInTx<MemberDoc>(tx, 'members', memberId);
  if (!doc || doc.branchId !== branchId || !statuses.includes(doc.status))
    throw new AppError('NOT_FOUND', '该党员不在本支部');
  return { ...doc, _id: memberId };
}

const list: Handler<'member.list'> = async ({ branchId, status, offset, limit }, ctx) => {
  const who = await caller(ctx);
  const branch = await visibleOrg(ctx.db, who, branchId ?? ownBranch(ctx));
  if (status === 'pending' && !managesOrg(who, branch)) throw new AppError('FORBIDDEN', '只有支部书记可以查看入支申请');
  const query = ctx.db.collection('members').where({ branchId: branch._id, status }).orderBy('joinedAt', 'desc');
  const { docs, nextOffset } = await readPage<MemberDoc>(query, offset, limit);
  return { items: docs.map(memberRow), nextOffset };
};

async function decideJoin(ctx: HandlerContext, memberId: string, approve: boolean, reason: string): Promise<MemberDoc> {
  const who = await caller(ctx);
  const branchId = ownBranch(ctx);
  return inTransaction(ctx.db, async (tx) => {
    const pending = await memberInTx(tx, memberId, branchId, ['pending']);
    const next: MemberDoc = approve
      ? { ...pending, status: 'active', joinedAt: ctx.now }
      : { ...pending, status: 'rejected' };
    await tx.collection('members').doc(memberId).update({ status: next.status, joinedAt: next.joinedAt });
    await recordHistory(tx, {
      memberId,
      branchId,
      kind: approve ? 'approved' : 'rejected',
      role: approve ? 'member' : null,
      by: by(who),
      reason,
      at: ctx.now,
    });
    return next;
  });
}

const approve: Handler<'member.approve'> = async ({ memberId }, ctx) =>
  memberRow(await decideJoin(ctx, memberId, true, ''));

const reject: Handler<'member.reject'> = async ({ memberId, reason }, ctx) => {
  await decideJoin(ctx, memberId, false, reason);
  return { memberId };
};

const remove: Handler<'member.remove'> = async ({ memberId, reason }, ctx) => {
  if (memberId === ctx.openid) throw new AppError('FORBIDDEN', '不能移除自己，请先移交书记职务再退出支部');
  const who = await caller(ctx);
  const branchId = ownBranch(ctx);
  await inTransaction(ctx.db, async (tx) => {
    await memberInTx(tx, memberId, branchId, ['active']);
    await tx.collection('members').doc(memberId).update({ status: 'removed' });
    await recordHistory(tx, { memberId, branchId, kind: 'removed', by: by(who), reason, at: ctx.now });
  });
  await releaseFuturePlaces(ctx.db, memberId, by(who), `已被移出支部：${reason}`, ctx.now);
  return { memberId };
};

/** Current secretaries of a branch other than `except` (normally one). */
async function secretariesOf(db: Database, branchId: string, except: string): Promise<string[]> {
  const { data } = await db
    .collection('members')
    .where({ branchId, status: 'active', role: 'secretary' })
    .limit(10)
    .get();
  return (data as MemberDoc[]).map((m) => m._id).filter((id) => id !== except);
}

/** Sets roles in one transaction, with a history line for each change. */
async function applyRoles(
  ctx: HandlerContext,
  who: Caller,
  branchId: string,
  changes: readonly { memberId: string; role: MemberRole }[],
): Promise<MemberDoc[]> {
  return inTransaction(ctx.db, async (tx) => {
    const changed: MemberDoc[] = [];
    for (const { memberId, role } of changes) {
      const member = await memberInTx(tx, memberId, branchId, ['active']);
      if (member.role === role) {
        changed.push(member);
        continue;
      }
      await tx.collection('members').doc(memberId).update({ role });
      await recordHistory(tx, { memberId, branchId, kind: 'roleChanged', role, by: by(who), at: ctx.now });
      changed.push({ ...member, role });
    }
    return changed;
  });
}

const setRole: Handler<'member.setRole'> = async ({ memberId, role }, ctx) => {
  const who = await caller(ctx);
  const target = await getDoc<MemberDoc>(ctx.db, 'members', memberId);
  if (!target || target.status !== 'active') throw new AppError('NOT_FOUND', '该党员不在本支部');
  const branch = await visibleOrg(ctx.db, who, target.branchId).catch(() => {
    throw new AppError('NOT_FOUND', '该党员不在本支部');
  });
  const office = isOfficeOf(who, branch);
  if (!office && !managesOrg(who, branch)) throw new AppError('FORBIDDEN', '只有支部书记可以调整职务');
  if (!office && (role === 'secretary' || target.role === 'secretary'))
    throw new AppError('FORBIDDEN', '书记职务请用“移交书记”，或由上级党委任命');
  const changes =
    role === 'secretary'
      ? [
          ...(await secretariesOf(ctx.db, branch._id, memberId)).map((id) => ({
            memberId: id,
            role: 'committeeMember' as const,
          })),
          { memberId, role },
        ]
      : [{ memberId, role }];
  const changed = await applyRoles(ctx, who, branch._id, changes);
  return memberRow(changed[changed.length - 1]!);
};

const handOver: Handler<'member.handOver'> = async ({ memberId }, ctx) => {
  if (memberId === ctx.openid)
    throw new AppError('INVALID_INPUT', '请选择另一位党员', {
      details: [{ path: 'memberId', message: '请选择另一位党员' }],
    });
  const who = await caller(ctx);
  const changed = await applyRoles(ctx, who, ownBranch(ctx), [
    { memberId: ctx.openid, role: 'committeeMember' },
    { memberId, role: 'secretary' },
  ]);
  return memberRow(changed[1]!);
};

const leave: Handler<'member.leave'> = async ({ reason }, ctx) => {
  const who = await caller(ctx);
  const branchId = ownBranch(ctx);
  if (ctx.member?.role === 'secretary') throw new AppError('SECRETARY_MUST_HAND_OVER');
  await inTransaction(ctx.db, async (tx) => {
    await memberInTx(tx, ctx.openid, branchId, ['active']);
    await tx.collection('members').doc(ctx.openid).update({ status: 'left' });
    await recordHistory(tx, { memberId: ctx.openid, branchId, kind: 'left', by: by(who), reason, at: ctx.now });
  });
  await releaseFuturePlaces(ctx.db, ctx.openid, by(who), '已退出支部', ctx.now);
  return { left: true as const };
};

const history: Handler<'member.history'> = async ({ memberId, offset, limit }, ctx) => {
  const who = await caller(ctx);
  const subject = memberId ?? ctx.openid;
  if (subject !== ctx.openid) {
    const person = await getDoc<MemberDoc>(ctx.db, 'members', subject);
    const branch = person ? await getDoc<OrganizationDoc>(ctx.db, 'organizations', person.branchId) : null;
    if (!branch || !managesOrg(who, branch)) throw new AppError('NOT_FOUND', '该党员不在本支部');
  }
  const query = ctx.db.collection('membershipEvents').where({ memberId: subject }).orderBy('at', 'desc');
  const { docs, nextOffset } = await readPage<MembershipEventDoc>(query, offset, limit);
  const orgs = await orgsById(
    ctx.db,
    docs.map((d) => d.branchId),
  );
  return {
    items: docs.map((d) => ({
      kind: d.kind,
      branchId: d.branchId,
      branchName: nameIn(orgs, d.branchId),
      at: d.at.toISOString(),
      byName: d.byName,
      bySelf: d.by === d.memberId,
      role: d.role,
      reason: d.reason,
    })),
    nextOffset,
  };
};

// ── Transfers ────────────────────────────────────────────────────────────────

/** `decides`: the branches whose pending transfers the caller may decide (default: their own as secretary). */
async function transferViews(
  db: Database,
  who: Caller,
  docs: readonly TransferDoc[],
  decides: readonly string[] = who.member?.role === 'secretary' ? [who.member.branchId] : [],
): Promise<TransferView[]> {
  const orgs = await orgsById(
    db,
    docs.flatMap((t) => [t.fromBranchId, t.toBranchId]),
  );
  return docs.map((t) => ({
    id: t._id,
    memberId: t.memberId,
    memberName: t.memberName,
    from: { id: t.fromBranchId, name: nameIn(orgs, t.fromBranchId) },
    to: { id: t.toBranchId, name: nameIn(orgs, t.toBranchId) },
    status: t.status,
    reason: t.reason,
    refuseReason: t.refuseReason,
    createdAt: t.createdAt.toISOString(),
    canDecide: t.awaitingBranchId !== null && decides.includes(t.awaitingBranchId),
  }));
}

async function transferView(db: Database, who: Caller, doc: TransferDoc): Promise<TransferView> {
  return (await transferViews(db, who, [doc]))[0]!;
}

const request: Handler<'transfer.request'> = async ({ toBranchId, reason }, ctx) => {
  const who = await caller(ctx);
  const fromBranchId = ownBranch(ctx);
  if (ctx.member?.role === 'secretary') throw new AppError('SECRETARY_MUST_HAND_OVER');
  const target = await existingOrg(ctx.db, toBranchId);
  if (target.kind !== 'branch') throw new AppError('NOT_FOUND', '支部不存在或已撤销');
  if (toBranchId === fromBranchId)
    throw new AppError('INVALID_INPUT', '你已在该支部', { details: [{ path: 'toBranchId', message: '你已在该支部' }] });
  const { data } = await ctx.db
    .collection('transfers')
    .where({ memberId: ctx.openid })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get();
  if ((data as TransferDoc[]).some((t) => t.awaitingBranchId !== null)) throw new AppError('TRANSFER_PENDING');
  const doc: TransferDoc = {
    _id: newId(),
    memberId: ctx.openid,
    memberName: ctx.member!.name,
    fromBranchId,
    toBranchId,
    status: 'awaitingSource',
    reason,
    refuseReason: '',
    awaitingBranchId: fromBranchId,
    sourceDecision: null,
    targetDecision: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await inTransaction(ctx.db, async (tx) => {
    const { _id, ...rest } = doc;
    await tx.collection('transfers').doc(_id).set(rest);
    await recordHistory(tx, {
      memberId: ctx.openid,
      branchId: fromBranchId,
      kind: 'requested',
      by: by(who),
      reason: `申请转入 ${target.name}：${reason}`,
      at: ctx.now,
    });
  });
  return transferView(ctx.db, who, doc);
};

/**
 * Branches without a secretary under the committees the caller's office runs (it decides their
 * transfers); `among` narrows it to those branches.
 */
async function leaderlessBranches(db: Database, who: Caller, among?: readonly string[]): Promise<string[]> {
  if (who.adminOf.length === 0) return [];
  const _ = db.command;
  const { data: branches } = await db
    .collection('organizations')
    .where({ kind: 'branch', parentId: _.in(who.adminOf), ...(among ? { _id: _.in([...among]) } : {}) })
    .limit(1000)
    .get();
  const ids = (branches as OrganizationDoc[]).map((b) => b._id);
  if (ids.length === 0) return [];
  const { data: secretaries } = await db
    .collection('members')
    .where({ branchId: _.in(ids), status: 'active', role: 'secretary' })
    .limit(1000)
    .get();
  const led = new Set((secretaries as MemberDoc[]).map((m) => m.branchId));
  return ids.filter((id) => !led.has(id));
}

/**
 * The branches whose transfers the caller decides: their own as its secretary, and any branch
 * without a secretary under the committee their office runs (a new branch would stall otherwise).
 */
async function decidesFor(ctx: HandlerContext, who: Caller, transfer: TransferDoc): Promise<string[]> {
  const mine = ctx.member?.role === 'secretary' ? [ctx.member.branchId] : [];
  return [...mine, ...(await leaderlessBranches(ctx.db, who, [transfer.fromBranchId, transfer.toBranchId]))];
}

const decide: Handler<'transfer.decide'> = async ({ transferId, approve: yes, reason }, ctx) => {
  const who = await caller(ctx);
  const seen = await getDoc<TransferDoc>(ctx.db, 'transfers', transferId);
  const mayDecide = seen ? await decidesFor(ctx, who, seen) : [];
  if (ctx.member?.role !== 'secretary' && mayDecide.length === 0)
    throw new AppError('FORBIDDEN', '只有支部书记（或上级党委，支部尚无书记时）可以审批转接');
  const decided = await inTransaction(ctx.db, async (tx) => {
    const stored = await getDocInTx<TransferDoc>(tx, 'transfers', transferId);
    const transfer = stored ? { ...stored, _id: transferId } : null;
    if (!transfer || !mayDecide.some((b) => b === transfer.fromBranchId || b === transfer.toBranchId))
      throw new AppError('NOT_FOUND', '转接申请不存在');
    if (transfer.awaitingBranchId === null || !mayDecide.includes(transfer.awaitingBranchId))
      throw new AppError('ALREADY_DECIDED');
    const decision = { by: ctx.openid, at: ctx.now };
    const atSource = transfer.status === 'awaitingSource';
    let next: TransferDoc;
    if (!yes) {
      next = { ...transfer, status: 'refused', refuseReason: reason, awaitingBranchId: null, updatedAt: ctx.now };
    } else if (atSource) {
      next = { ...transfer, status: 'awaitingTarget', awaitingBranchId: transfer.toBranchId, updatedAt: ctx.now };
    } else {
      next = { ...transfer, status: 'completed', awaitingBranchId: null, updatedAt: ctx.now };
    }
    if (atSource) next.sourceDecision = decision;
    else next.targetDecision = decision;
    if (next.status === 'completed') {
      const member = await memberInTx(tx, transfer.memberId, transfer.fromBranchId, ['active']).catch(() => {
        throw new AppError('CONFLICT', '该党员已不在原支部，转接无法完成');
      });
      await tx
        .collection('members')
        .doc(member._id)
        .update({ branchId: transfer.toBranchId, role: 'member', joinedAt: ctx.now, joinedVia: null });
      const line = { memberId: member._id, by: by(who), reason: transfer.reason, at: ctx.now };
      await recordHistory(tx, { ...line, branchId: transfer.fromBranchId, kind: 'transferredOut' });
      // One millisecond later, so the history lists the arrival after the departure.
      const arrived = new Date(ctx.now.getTime() + 1);
      await recordHistory(tx, {
        ...line,
        branchId: transfer.toBranchId,
        kind: 'transferredIn',
        role: 'member',
        at: arrived,
      });
    }
    const { _id, ...rest } = next;
    await tx.collection('transfers').doc(_id).set(rest);
    return next;
  });
  // Places taken as a member of the old branch go to the next in line; they may sign up anew.
  if (decided.status === 'completed')
    await releaseFuturePlaces(ctx.db, decided.memberId, by(who), '已转接至其他支部', ctx.now);
  return transferView(ctx.db, who, decided);
};

const listTransfers: Handler<'transfer.list'> = async ({ scope, offset, limit }, ctx) => {
  const who = await caller(ctx);
  const _ = ctx.db.command;
  const decides =
    scope === 'mine'
      ? []
      : [
          ...(who.member?.role === 'secretary' ? [who.member.branchId] : []),
          ...(await leaderlessBranches(ctx.db, who)),
        ];
  if (scope !== 'mine' && decides.length === 0) throw new AppError('FORBIDDEN', '只有支部书记可以审批转接申请');
  const where = scope === 'mine' ? { memberId: ctx.openid } : { awaitingBranchId: _.in(decides) };
  const query = ctx.db.collection('transfers').where(where).orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<TransferDoc>(query, offset, limit);
  return { items: await transferViews(ctx.db, who, docs, decides), nextOffset };
};

export const membershipHandlers = {
  'member.list': list,
  'member.approve': approve,
  'member.reject': reject,
  'member.remove': remove,
  'member.setRole': setRole,
  'member.handOver': handOver,
  'member.leave': leave,
  'member.history': history,
  'transfer.request': request,
  'transfer.decide': decide,
  'transfer.list': listTransfers,
} satisfies {
  [A in Exclude<
    Extract<ActionName, `member.${string}` | `transfer.${string}`>,
    'member.me' | 'member.join'
  >]: Handler<A>;
};
