/**
 * Coverage, for a committee at a glance: its branches, those with a pairing in force during the
 * year, the villages and communities they are paired with, liaisons placed and agreements signed.
 */
import type { EvidenceRow } from '../../../contract';
import type { AgreementDoc, LiaisonDoc, OrganizationDoc } from '../../../db/documents';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { readAll } from '../../docs';
import { orgsById } from '../../org-views';
import type { FigureModule } from '../figure';
import { links } from '../links';
import type { ReviewContext } from '../scope';

const GROUP = '覆盖情况';
const yearStart = (ctx: ReviewContext) => `${ctx.year}-01-01`;
const yearEnd = (ctx: ReviewContext) => `${ctx.year}-12-31`;
/** A standing fact dated inside the year: from when it began, or the year's first (last) day. */
const notBefore = (ctx: ReviewContext, date: string) =>
  date < yearStart(ctx) ? yearStart(ctx) : date > yearEnd(ctx) ? yearEnd(ctx) : date;

function pairedBranches(ctx: ReviewContext): { branch: OrganizationDoc; pairingId: string; since: string }[] {
  return ctx.branches.flatMap((branch) => {
    const pairings = ctx.pairings.filter((p) => p.sides.some((s) => s.orgId === branch._id));
    const first = pairings.sort((a, b) => a.activatedAt!.getTime() - b.activatedAt!.getTime())[0];
    return first ? [{ branch, pairingId: first._id, since: shanghaiDateOf(first.activatedAt!) }] : [];
  });
}

export const coverageFigures: FigureModule[] = [
  {
    key: 'branches',
    title: '支部总数',
    group: GROUP,
    unit: 'count',
    scopes: ['committee'],
    evidence: async (ctx) =>
      ctx.branches.map((b) => ({
        id: b._id,
        date: notBefore(ctx, shanghaiDateOf(b.createdAt)),
        title: b.name,
        link: links.cadence(b._id, `${ctx.year}-01`),
      })),
  },
  {
    key: 'branchesPaired',
    title: '已结对支部',
    group: GROUP,
    unit: 'count',
    scopes: ['committee'],
    evidence: async (ctx) =>
      pairedBranches(ctx).map(({ branch, pairingId, since }) => ({
        id: branch._id,
        date: notBefore(ctx, since),
        title: branch.name,
        link: links.pairing(pairingId),
      })),
  },
  {
    key: 'villagesPaired',
    title: '结对村（社区）',
    group: GROUP,
    unit: 'count',
    scopes: ['committee'],
    evidence: async (ctx) => {
      const own = new Set(ctx.branches.map((b) => b._id));
      const partnerSides = ctx.pairings.flatMap((p) =>
        p.sides.filter((s) => !own.has(s.orgId)).map((s) => ({ orgId: s.orgId, pairing: p })),
      );
      const orgs = await orgsById(
        ctx.db,
        partnerSides.map((s) => s.orgId),
      );
      const rows = new Map<string, EvidenceRow>();
      for (const { orgId, pairing } of partnerSides) {
        const org = orgs.get(orgId);
        if (!org || !(org.category === 'village' || org.category === 'community') || rows.has(orgId)) continue;
        // Named only as a partner of the committee's own pairing: no figure of that organisation is shown.
        rows.set(orgId, {
          id: orgId,
          date: notBefore(ctx, shanghaiDateOf(pairing.activatedAt!)),
          title: org.name,
          link: links.pairing(pairing._id),
          kind: org.category === 'village' ? '村' : '社区',
        });
      }
      return [...rows.values()];
    },
  },
  {
    key: 'liaisonsPlaced',
    title: '联络员选派',
    group: GROUP,
    unit: 'count',
    scopes: ['committee', 'branch', 'pairing'],
    evidence: async (ctx) => {
      const own = ctx.scope.kind === 'pairing' ? null : new Set(ctx.branches.map((b) => b._id));
      const rows: EvidenceRow[] = [];
      for (const p of ctx.pairings) {
        const liaisons = await readAll<LiaisonDoc>(ctx.db, 'liaisons', { pairingId: p._id }, 'createdAt');
        for (const l of liaisons) {
          if (l.endedAt !== null && shanghaiDateOf(l.endedAt) < yearStart(ctx)) continue;
          if (l.termStart > `${ctx.year}-12-31` || (own && !own.has(l.fromOrgId))) continue;
          rows.push({
            id: l._id,
            date: notBefore(ctx, l.termStart),
            title: `${l.memberName}（${p.name}）`,
            link: links.liaisons(p._id),
          });
        }
      }
      return rows;
    },
  },
  {
    key: 'agreementsSigned',
    title: '共建协议签订',
    group: GROUP,
    unit: 'count',
    scopes: ['committee', 'branch'],
    evidence: async (ctx) => {
      if (ctx.pairings.length === 0) return [];
      const agreements = await readAll<AgreementDoc>(
        ctx.db,
        'agreements',
        { _id: ctx.db.command.in(ctx.pairings.map((p) => p._id)) },
        '_id',
      );
      const names = new Map(ctx.pairings.map((p) => [p._id, p.name]));
      return agreements
        .filter((a) => a.signedOn !== null && a.signedOn <= `${ctx.year}-12-31`)
        .map((a) => ({
          id: a._id,
          date: notBefore(ctx, a.signedOn!),
          title: names.get(a._id) ?? a._id,
          link: links.agreement(a._id),
        }));
    },
  },
];
