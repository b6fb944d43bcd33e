/**
 * pairingItem.* and liaison.*: what each side offers and needs (a need taken on by a partner and
 * later met), and members placed into a partner organisation.
 */
import { AppError, type ActionName } from '../../../contract';
import type { LiaisonDoc, MemberDoc, PairingDoc, PairingItemDoc } from '../../../db/documents';
import type { Caller, PairingRights } from '../../../domain/org-access';
import { isWritable } from '../../../domain/pairing';
import { actingSide, assertLeads, assertWrites, loadCaller, visiblePairing } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { getDoc, getDocInTx, withoutId } from '../../../server/docs';
import { newId } from '../../../server/ids';
import { readPage } from '../../../server/paging';
import { itemViews, liaisonViews } from '../../../server/pairing-views';
import { inTransaction } from '../../../server/transaction';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);

function assertActive(pairing: PairingDoc): void {
  if (!isWritable(pairing.status)) throw new AppError('PAIRING_CLOSED');
}

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: [{ path, message }] });
}

/** A document of a pairing the caller can see; otherwise NOT_FOUND, as if it did not exist. */
async function visibleChild<T extends { pairingId: string }>(
  db: Database,
  who: Caller,
  collection: string,
  id: string,
  label: string,
): Promise<{ doc: T; pairing: PairingDoc; rights: PairingRights }> {
  const doc = await getDoc<T>(db, collection, id);
  if (!doc) throw new AppError('NOT_FOUND', `${label}不存在或已被删除`);
  const { pairing, rights } = await visiblePairing(db, who, doc.pairingId).catch(() => {
    throw new AppError('NOT_FOUND', `${label}不存在或已被删除`);
  });
  return { doc, pairing, rights };
}

async function oneItemView(db: Database, item: PairingItemDoc) {
  return (await itemViews(db, [item]))[0]!;
}

const addItem: Handler<'pairingItem.add'> = async (input, ctx) => {
  const who = await caller(ctx);
  const { pairing, rights } = await visiblePairing(ctx.db, who, input.pairingId);
  const orgId = actingSide(pairing, rights, input.orgId);
  assertActive(pairing);
  const item: PairingItemDoc = {
    _id: newId(),
    pairingId: pairing._id,
    kind: input.kind,
    orgId,
    title: input.title,
    detail: input.detail,
    status: 'open',
    matchedByOrgId: null,
    matchedResourceId: null,
    matchedAt: null,
    metAt: null,
    createdBy: ctx.openid,
    createdAt: ctx.now,
  };
  await ctx.db.collection('pairingItems').doc(item._id).set(withoutId(item));
  return oneItemView(ctx.db, item);
};

const listItems: Handler<'pairingItem.list'> = async ({ pairingId, kind, offset, limit }, ctx) => {
  const who = await caller(ctx);
  await visiblePairing(ctx.db, who, pairingId);
  const query = ctx.db.collection('pairingItems').where({ pairingId, kind }).orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<PairingItemDoc>(query, offset, limit);
  return { items: await itemViews(ctx.db, docs), nextOffset };
};

/** Without a named side: the one partner side (not the need's own) the caller writes for. */
function takingSide(rights: PairingRights, needOrgId: string): string {
  const partners = rights.writes.filter((id) => id !== needOrgId);
  if (partners.length > 1) throw invalid('orgId', '请选择代表哪个组织认领');
  if (!partners[0]) throw new AppError('FORBIDDEN', '只有结对组织的书记、委员可以认领需求');
  return partners[0];
}

const match: Handler<'pairingItem.match'> = async ({ needId, orgId, resourceId }, ctx) => {
  const who = await caller(ctx);
  const {
    doc: need,
    pairing,
    rights,
  } = await visibleChild<PairingItemDoc>(ctx.db, who, 'pairingItems', needId, '需求');
  if (need.kind !== 'need') throw new AppError('NOT_FOUND', '需求不存在或已被删除');
  const taker = orgId === undefined ? takingSide(rights, need.orgId) : actingSide(pairing, rights, orgId);
  if (taker === need.orgId) throw invalid('orgId', '不能认领本组织提出的需求');
  assertActive(pairing);
  if (resourceId !== undefined) {
    const resource = await getDoc<PairingItemDoc>(ctx.db, 'pairingItems', resourceId);
    if (!resource || resource.kind !== 'resource' || resource.pairingId !== pairing._id || resource.orgId !== taker)
      throw new AppError('NOT_FOUND', '资源不存在，请从本组织的资源清单中选择');
  }
  const matched = await inTransaction(ctx.db, async (tx) => {
    const current = await getDocInTx<PairingItemDoc>(tx, 'pairingItems', needId);
    if (!current) throw new AppError('NOT_FOUND', '需求不存在或已被删除');
    if (current.status !== 'open') throw new AppError('NEED_ALREADY_MATCHED');
    const next: PairingItemDoc = {
      ...current,
      _id: needId,
      status: 'matched',
      matchedByOrgId: taker,
      matchedResourceId: resourceId ?? null,
      matchedAt: ctx.now,
    };
    await tx.collection('pairingItems').doc(needId).set(withoutId(next));
    return next;
  });
  return oneItemView(ctx.db, matched);
};

/**
 * Only the side that asked can say its need is met (the figure "needs met" counts its word); the
 * side that took it on reports it done, which the asking side then confirms.
 */
const meet: Handler<'pairingItem.meet'> = async ({ needId }, ctx) => {
  const who = await caller(ctx);
  const {
    doc: need,
    pairing,
    rights,
  } = await visibleChild<PairingItemDoc>(ctx.db, who, 'pairingItems', needId, '需求');
  if (need.kind !== 'need') throw new AppError('NOT_FOUND', '需求不存在或已被删除');
  const asker = rights.writes.includes(need.orgId);
  if (!asker) assertWrites(rights, need.matchedByOrgId ?? need.orgId);
  assertActive(pairing);
  const met = await inTransaction(ctx.db, async (tx) => {
    const current = await getDocInTx<PairingItemDoc>(tx, 'pairingItems', needId);
    if (!current) throw new AppError('NOT_FOUND', '需求不存在或已被删除');
    if (current.status === 'met') throw new AppError('ALREADY_DECIDED');
    if (current.status !== 'matched') throw new AppError('CONFLICT', '请先由结对组织认领该需求');
    if (!asker && current.metReportedAt) throw new AppError('ALREADY_DECIDED', '已报告完成，等待提出方确认');
    const next: PairingItemDoc = asker
      ? { ...current, _id: needId, status: 'met', metAt: ctx.now }
      : { ...current, _id: needId, metReportedAt: ctx.now };
    await tx.collection('pairingItems').doc(needId).set(withoutId(next));
    return next;
  });
  return oneItemView(ctx.db, met);
};

const assign: Handler<'liaison.assign'> = async (input, ctx) => {
  const who = await caller(ctx);
  const { pairing, rights } = await visiblePairing(ctx.db, who, input.pairingId);
  const member = await getDoc<MemberDoc>(ctx.db, 'members', input.memberId);
  const sideIds = pairing.sides.map((s) => s.orgId);
  if (!member || member.status !== 'active' || !sideIds.includes(member.branchId))
    throw new AppError('NOT_FOUND', '该党员不在联建各方的支部中');
  assertLeads(rights, member.branchId);
  if (!sideIds.includes(input.toOrgId) || input.toOrgId === member.branchId)
    throw invalid('toOrgId', '请选择结对的另一方组织');
  assertActive(pairing);
  const liaison: LiaisonDoc = {
    _id: newId(),
    pairingId: pairing._id,
    memberId: member._id,
    memberName: member.name,
    fromOrgId: member.branchId,
    toOrgId: input.toOrgId,
    role: input.role,
    termStart: input.termStart,
    termEnd: input.termEnd,
    createdBy: ctx.openid,
    createdAt: ctx.now,
    endedAt: null,
  };
  await ctx.db.collection('liaisons').doc(liaison._id).set(withoutId(liaison));
  return (await liaisonViews(ctx.db, [liaison]))[0]!;
};

const endLiaison: Handler<'liaison.end'> = async ({ liaisonId }, ctx) => {
  const who = await caller(ctx);
  const { doc, rights } = await visibleChild<LiaisonDoc>(ctx.db, who, 'liaisons', liaisonId, '联络人');
  if (!rights.leads.includes(doc.toOrgId)) assertLeads(rights, doc.fromOrgId);
  if (doc.endedAt) throw new AppError('ALREADY_DECIDED');
  await ctx.db.collection('liaisons').doc(liaisonId).update({ endedAt: ctx.now });
  return (await liaisonViews(ctx.db, [{ ...doc, _id: liaisonId, endedAt: ctx.now }]))[0]!;
};

const listLiaisons: Handler<'liaison.list'> = async ({ pairingId, offset, limit }, ctx) => {
  const who = await caller(ctx);
  await visiblePairing(ctx.db, who, pairingId);
  const query = ctx.db.collection('liaisons').where({ pairingId }).orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<LiaisonDoc>(query, offset, limit);
  return { items: await liaisonViews(ctx.db, docs), nextOffset };
};

export const pairingListHandlers = {
  'pairingItem.add': addItem,
  'pairingItem.list': listItems,
  'pairingItem.match': match,
  'pairingItem.meet': meet,
  'liaison.assign': assign,
  'liaison.end': endLiaison,
  'liaison.list': listLiaisons,
} satisfies { [A in Extract<ActionName, `pairingItem.${string}` | `liaison.${string}`>]: Handler<A> };
