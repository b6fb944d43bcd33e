/**
 * Joint-building figures, re-derived with their evidence by the same rules as `figures.*`
 * (src/domain/year-figures.ts): pairings in force, joint activities held, ledger problems raised /
 * resolved / overdue and needs met, counted from the scope's point of view (a branch: problems it
 * raised or owned, needs it met; a committee: those of its branches; a pairing: all).
 */
import type { EvidenceRow } from '../../../contract';
import type { LedgerItemDoc, PairingItemDoc } from '../../../db/documents';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { wasOverdue } from '../../../domain/year-figures';
import { readAll } from '../../docs';
import { links } from '../links';
import { ALL_SCOPES, type FigureModule } from '../figure';
import { endedEvents, type ReviewContext } from '../scope';

const GROUP = '联建共建';

/** The organisations whose side the scope counts from; null: every side. */
function sidesOf(ctx: ReviewContext): Set<string> | null {
  return ctx.scope.kind === 'pairing' ? null : new Set(ctx.branches.map((b) => b._id));
}

const ours = (sides: Set<string> | null, orgId: string | null) =>
  sides === null || (orgId !== null && sides.has(orgId));

function ledger(ctx: ReviewContext): Promise<LedgerItemDoc[]> {
  return ctx.once('ledger', async () => {
    const out: LedgerItemDoc[] = [];
    for (const p of ctx.pairings)
      out.push(...(await readAll<LedgerItemDoc>(ctx.db, 'ledgerItems', { pairingId: p._id }, 'deadline')));
    return out;
  });
}

function needs(ctx: ReviewContext): Promise<PairingItemDoc[]> {
  return ctx.once('needs', async () => {
    const out: PairingItemDoc[] = [];
    for (const p of ctx.pairings)
      out.push(
        ...(await readAll<PairingItemDoc>(ctx.db, 'pairingItems', { pairingId: p._id, kind: 'need' }, 'createdAt')),
      );
    return out;
  });
}

const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);

const ledgerRow = (item: LedgerItemDoc, date: string): EvidenceRow => ({
  id: item._id,
  date,
  title: item.title,
  link: links.ledgerItem(item._id),
});

export const pairingFigures: FigureModule[] = [
  {
    key: 'pairingsActive',
    title: '结对联建',
    group: GROUP,
    unit: 'count',
    scopes: ['branch', 'committee'],
    evidence: async (ctx) =>
      ctx.pairings.map((p) => {
        const start = `${ctx.year}-01-01`;
        const activated = shanghaiDateOf(p.activatedAt!);
        return { id: p._id, date: activated < start ? start : activated, title: p.name, link: links.pairing(p._id) };
      }),
  },
  {
    key: 'jointActivities',
    title: '联建活动',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) =>
      (await endedEvents(ctx))
        .filter((e) => e.owner.kind === 'pairing')
        .map((e) => ({ id: e._id, date: shanghaiDateOf(e.startsAt), title: e.title, link: links.event(e._id) })),
  },
  {
    key: 'problemsRaised',
    title: '难题·提出',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => {
      const sides = sidesOf(ctx);
      return (await ledger(ctx))
        .filter((i) => ours(sides, i.raisedByOrgId) && inYear(shanghaiDateOf(i.createdAt), ctx.year))
        .map((i) => ledgerRow(i, shanghaiDateOf(i.createdAt)));
    },
  },
  {
    key: 'problemsResolved',
    title: '难题·办结',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => {
      const sides = sidesOf(ctx);
      return (await ledger(ctx))
        .filter((i) => ours(sides, i.ownerOrgId) && i.status === 'resolved' && inYear(i.resolvedOn, ctx.year))
        .map((i) => ledgerRow(i, i.resolvedOn!));
    },
  },
  {
    key: 'problemsOverdue',
    title: '难题·逾期',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => {
      const sides = sidesOf(ctx);
      return (await ledger(ctx))
        .filter((i) => ours(sides, i.ownerOrgId) && wasOverdue(i, ctx.year, ctx.now))
        .map((i) => ledgerRow(i, i.deadline));
    },
  },
  {
    key: 'needsMet',
    title: '需求·已满足',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => {
      const sides = sidesOf(ctx);
      return (await needs(ctx))
        .filter(
          (n) =>
            n.status === 'met' &&
            n.metAt !== null &&
            inYear(shanghaiDateOf(n.metAt), ctx.year) &&
            ours(sides, n.matchedByOrgId),
        )
        .map((n) => ({
          id: n._id,
          date: shanghaiDateOf(n.metAt!),
          title: n.title,
          link: links.items(n.pairingId),
        }));
    },
  },
];
