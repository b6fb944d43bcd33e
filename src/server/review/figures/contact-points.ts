/** Contact-point duties: the contact points of the scope that met the committee's duty, and those that did not. */
import type { ContactPointView, EvidenceRow } from '../../../contract';
import type { ContactPointDoc } from '../../../db/documents';
import { readAll } from '../../docs';
import { cadenceRules } from '../cadence';
import { pointViews } from '../contact-points';
import type { FigureModule } from '../figure';
import { links } from '../links';
import type { ReviewContext } from '../scope';

function points(ctx: ReviewContext): Promise<ContactPointView[]> {
  return ctx.once('contactPoints', async () => {
    if (!ctx.committeeId) return [];
    const docs = await readAll<ContactPointDoc>(ctx.db, 'contactPoints', { committeeId: ctx.committeeId }, 'createdAt');
    const branchIds = new Set(ctx.branches.map((b) => b._id));
    const own = ctx.scope.kind === 'committee' ? docs : docs.filter((d) => branchIds.has(d.branchId));
    const rules = await cadenceRules(ctx.db, ctx.committeeId);
    return pointViews(ctx.db, own, ctx.year, rules.contactDuty, ctx.now);
  });
}

const row = (p: ContactPointView): EvidenceRow => ({
  id: p.id,
  date: p.termStart > `${p.year}-01-01` ? p.termStart : `${p.year}-01-01`,
  title: `${p.leader.name} → ${p.branch.name}`,
  link: links.contactPoint(p.id),
  detail: p.met ? `已履职：记录 ${p.notedMonths.length} 个月，走访 ${p.visits} 次` : p.owing.join('；'),
});

export const contactFigures: FigureModule[] = [
  {
    key: 'contactDutiesMet',
    title: '联系点·履职到位',
    group: '联系点',
    unit: 'count',
    scopes: ['branch', 'committee'],
    evidence: async (ctx) => (await points(ctx)).filter((p) => p.met).map(row),
  },
  {
    key: 'contactDutiesMissed',
    title: '联系点·未履职到位',
    group: '联系点',
    unit: 'count',
    scopes: ['branch', 'committee'],
    evidence: async (ctx) => (await points(ctx)).filter((p) => !p.met).map(row),
  },
];
