/**
 * figures.pairing / figures.branch: the year's numbers a branch reports at its assessment,
 * counted from what is stored (events, ledger items, needs), never typed in.
 */
import { AppError, type ActionName, type YearFigures } from '../../../contract';
import type { LedgerItemDoc, PairingDoc, PairingItemDoc, PairingMembershipDoc } from '../../../db/documents';
import { ownerKey } from '../../../domain/event-access';
import { ledgerYearCounts, needsMetInYear, shanghaiYearBounds } from '../../../domain/year-figures';
import { loadCaller, visibleOrg, visiblePairing } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { readAll, readByIds } from '../../../server/docs';
import { studyFigures } from '../../../server/study-figures';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);

/** Published events of the pairing that started in the year and have ended by now. */
async function jointActivities(db: Database, pairingId: string, year: number, now: Date): Promise<number> {
  const _ = db.command;
  const { start, end } = shanghaiYearBounds(year);
  const { total } = await db
    .collection('events')
    .where({
      ownerKey: ownerKey({ kind: 'pairing', id: pairingId }),
      status: 'published',
      startsAt: _.gte(start).and(_.lt(end)),
      endsAt: _.lte(now),
    })
    .count();
  return total;
}

/** In force at some point of the year: accepted by all, not ended before it began. */
function activeDuring(pairing: PairingDoc, year: number): boolean {
  const { start, end } = shanghaiYearBounds(year);
  if (!pairing.activatedAt || pairing.activatedAt >= end) return false;
  return pairing.endedAt === null || pairing.endedAt >= start;
}

const pairingFigures: Handler<'figures.pairing'> = async ({ pairingId, year }, ctx) => {
  const { pairing } = await visiblePairing(ctx.db, await caller(ctx), pairingId);
  const [activities, ledger, needs, study] = await Promise.all([
    jointActivities(ctx.db, pairing._id, year, ctx.now),
    readAll<LedgerItemDoc>(ctx.db, 'ledgerItems', { pairingId }, 'deadline'),
    readAll<PairingItemDoc>(ctx.db, 'pairingItems', { pairingId, kind: 'need' }, 'createdAt'),
    studyFigures(
      ctx.db,
      pairing.sides.map((side) => side.orgId),
      { kind: 'pairing', id: pairingId },
      year,
      ctx.now,
    ),
  ]);
  const figures: YearFigures = {
    year,
    jointActivities: activities,
    ...ledgerYearCounts(ledger, year, ctx.now),
    needsMet: needsMetInYear(needs, year),
    study,
  };
  return { pairingId, ...figures };
};

const branchFigures: Handler<'figures.branch'> = async ({ branchId, year }, ctx) => {
  const who = await caller(ctx);
  const id = branchId ?? ctx.member?.branchId;
  if (!id) throw new AppError('NOT_MEMBER');
  const branch = await visibleOrg(ctx.db, who, id);
  const [memberships, raised, owned, met, study] = await Promise.all([
    readAll<PairingMembershipDoc>(ctx.db, 'pairingMemberships', { orgId: branch._id }, 'createdAt'),
    readAll<LedgerItemDoc>(ctx.db, 'ledgerItems', { raisedByOrgId: branch._id }, 'createdAt'),
    readAll<LedgerItemDoc>(ctx.db, 'ledgerItems', { ownerOrgId: branch._id }, 'deadline'),
    readAll<PairingItemDoc>(
      ctx.db,
      'pairingItems',
      { matchedByOrgId: branch._id, kind: 'need', status: 'met' },
      'createdAt',
    ),
    studyFigures(ctx.db, [branch._id], { kind: 'branch', id: branch._id }, year, ctx.now),
  ]);
  const ids = memberships.map((m) => m.pairingId);
  const pairings = await readByIds<PairingDoc>(ctx.db, 'pairings', ids);
  const inYear = pairings.filter((p) => activeDuring(p, year));
  const counts = await Promise.all(inYear.map((p) => jointActivities(ctx.db, p._id, year, ctx.now)));
  const ledger = [...new Map([...raised, ...owned].map((item) => [item._id, item])).values()];
  return {
    branchId: branch._id,
    pairings: inYear.length,
    year,
    jointActivities: counts.reduce((sum, n) => sum + n, 0),
    ...ledgerYearCounts(ledger, year, ctx.now, branch._id),
    needsMet: needsMetInYear(met, year, branch._id),
    study,
  };
};

export const figuresHandlers = {
  'figures.pairing': pairingFigures,
  'figures.branch': branchFigures,
} satisfies { [A in Extract<ActionName, `figures.${string}`>]: Handler<A> };
