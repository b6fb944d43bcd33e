/**
 * ledger.*: the ledger of shared problems (难题共解台账). Raised by one side, owned by a side and
 * a person, with measures and a deadline; kept moving with dated progress notes until resolved
 * or dropped with a reason. Overdue is decided by the date in Asia/Shanghai (domain/ledger).
 */
import { AppError, type ActionName, type LedgerStatus } from '../../../contract';
import type { LedgerItemDoc, LedgerProgressDoc } from '../../../db/documents';
import { canMoveTo, isClosed, OPEN_STATUSES } from '../../../domain/ledger';
import type { Caller, PairingRights } from '../../../domain/org-access';
import { isWritable } from '../../../domain/pairing';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { actingSide, callerName, loadCaller, visiblePairing } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { getDoc, getDocInTx, withoutId } from '../../../server/docs';
import { newId } from '../../../server/ids';
import { readPage } from '../../../server/paging';
import { ledgerDetail, ledgerSummaries } from '../../../server/pairing-views';
import { inTransaction } from '../../../server/transaction';
import type { Handler, HandlerContext } from './types';

/** A progress log longer than this belongs in a new item. */
const MAX_PROGRESS = 200;

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: [{ path, message }] });
}

const canWrite = (rights: PairingRights, item: LedgerItemDoc): boolean =>
  rights.writes.includes(item.raisedByOrgId) || rights.writes.includes(item.ownerOrgId);

/** The item if its pairing is visible to the caller (else NOT_FOUND), with the caller's rights. */
async function visibleItem(db: Database, who: Caller, itemId: string) {
  const item = await getDoc<LedgerItemDoc>(db, 'ledgerItems', itemId);
  if (!item) throw new AppError('NOT_FOUND', '台账事项不存在或已被删除');
  const { pairing, rights } = await visiblePairing(db, who, item.pairingId).catch(() => {
    throw new AppError('NOT_FOUND', '台账事项不存在或已被删除');
  });
  return { item, pairing, rights };
}

/** The item for a change: visible, writable by the caller, still open, in an active pairing. */
async function writableItem(db: Database, who: Caller, itemId: string) {
  const found = await visibleItem(db, who, itemId);
  if (!canWrite(found.rights, found.item))
    throw new AppError('FORBIDDEN', '只有提出方或责任方的书记、委员可以修改此事项');
  if (!isWritable(found.pairing.status)) throw new AppError('PAIRING_CLOSED');
  if (isClosed(found.item.status)) throw new AppError('LEDGER_CLOSED');
  return found;
}

function assertSide(sides: readonly { orgId: string }[], orgId: string): void {
  if (!sides.some((s) => s.orgId === orgId)) throw invalid('ownerOrgId', '责任方应为联建中的组织');
}

const create: Handler<'ledger.create'> = async (input, ctx) => {
  const who = await caller(ctx);
  const { pairing, rights } = await visiblePairing(ctx.db, who, input.pairingId);
  const raisedBy = actingSide(pairing, rights, input.raisedByOrgId);
  assertSide(pairing.sides, input.ownerOrgId);
  if (!isWritable(pairing.status)) throw new AppError('PAIRING_CLOSED');
  const item: LedgerItemDoc = {
    _id: newId(),
    pairingId: pairing._id,
    title: input.title,
    description: input.description,
    raisedByOrgId: raisedBy,
    ownerOrgId: input.ownerOrgId,
    ownerName: input.ownerName,
    measures: input.measures,
    deadline: input.deadline,
    status: 'open',
    dropReason: '',
    resolvedOn: null,
    progress: [],
    createdBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.collection('ledgerItems').doc(item._id).set(withoutId(item));
  return ledgerDetail(ctx.db, item, ctx.now, true);
};

const get: Handler<'ledger.get'> = async ({ itemId }, ctx) => {
  const { item, rights } = await visibleItem(ctx.db, await caller(ctx), itemId);
  return ledgerDetail(ctx.db, item, ctx.now, canWrite(rights, item));
};

const update: Handler<'ledger.update'> = async ({ itemId, ...patch }, ctx) => {
  const who = await caller(ctx);
  const { pairing } = await writableItem(ctx.db, who, itemId);
  if (patch.ownerOrgId !== undefined) assertSide(pairing.sides, patch.ownerOrgId);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const updated = await inTransaction(ctx.db, async (tx) => {
    const current = await getDocInTx<LedgerItemDoc>(tx, 'ledgerItems', itemId);
    if (!current) throw new AppError('NOT_FOUND', '台账事项不存在或已被删除');
    if (isClosed(current.status)) throw new AppError('LEDGER_CLOSED');
    const next: LedgerItemDoc = { ...current, ...defined, _id: itemId, updatedAt: ctx.now };
    await tx.collection('ledgerItems').doc(itemId).set(withoutId(next));
    return next;
  });
  return ledgerDetail(ctx.db, updated, ctx.now, true);
};

const progress: Handler<'ledger.progress'> = async ({ itemId, status, note }, ctx) => {
  const who = await caller(ctx);
  await writableItem(ctx.db, who, itemId);
  const updated = await inTransaction(ctx.db, async (tx) => {
    const current = await getDocInTx<LedgerItemDoc>(tx, 'ledgerItems', itemId);
    if (!current) throw new AppError('NOT_FOUND', '台账事项不存在或已被删除');
    if (isClosed(current.status)) throw new AppError('LEDGER_CLOSED');
    if (current.progress.length >= MAX_PROGRESS)
      throw invalid('note', `进展记录已达 ${MAX_PROGRESS} 条，请新建事项继续跟踪`);
    const moveTo: LedgerStatus | null = status !== undefined && canMoveTo(current.status, status) ? status : null;
    const entry: LedgerProgressDoc = { at: ctx.now, by: ctx.openid, byName: callerName(who), note, status: moveTo };
    const next: LedgerItemDoc = {
      ...current,
      _id: itemId,
      status: moveTo ?? current.status,
      dropReason: moveTo === 'dropped' ? note : current.dropReason,
      resolvedOn: moveTo === 'resolved' ? shanghaiDateOf(ctx.now) : current.resolvedOn,
      progress: [...current.progress, entry],
      updatedAt: ctx.now,
    };
    await tx.collection('ledgerItems').doc(itemId).set(withoutId(next));
    return next;
  });
  return ledgerDetail(ctx.db, updated, ctx.now, true);
};

const list: Handler<'ledger.list'> = async ({ pairingId, status, overdue, orgId, offset, limit }, ctx) => {
  const who = await caller(ctx);
  await visiblePairing(ctx.db, who, pairingId);
  const _ = ctx.db.command;
  const openOnly = status === undefined ? _.in([...OPEN_STATUSES]) : OPEN_STATUSES.includes(status) ? status : null;
  if (overdue && openOnly === null) return { items: [], nextOffset: null };
  const where = {
    pairingId,
    ...(orgId === undefined ? {} : { ownerOrgId: orgId }),
    ...(overdue ? { status: openOnly, deadline: _.lt(shanghaiDateOf(ctx.now)) } : status ? { status } : {}),
  };
  const query = ctx.db.collection('ledgerItems').where(where).orderBy('deadline', 'asc').orderBy('createdAt', 'asc');
  const { docs, nextOffset } = await readPage<LedgerItemDoc>(query, offset, limit);
  return { items: await ledgerSummaries(ctx.db, docs, ctx.now), nextOffset };
};

export const ledgerHandlers = {
  'ledger.create': create,
  'ledger.get': get,
  'ledger.update': update,
  'ledger.progress': progress,
  'ledger.list': list,
} satisfies { [A in Extract<ActionName, `ledger.${string}`>]: Handler<A> };
