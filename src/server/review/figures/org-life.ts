/**
 * Organisation-life figures: sessions by kind, joint sessions (owned by a pairing: they count for
 * every side), theme days held against those due, and the attendance rate with 请假.
 */
import type { EvidenceRow } from '../../../contract';
import type { OrgLifeRecordDoc } from '../../../db/documents';
import { ownerKey } from '../../../domain/event-access';
import { periodOf, tallyAttendance } from '../../../domain/review';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { cadenceRules } from '../cadence';
import { links } from '../links';
import { ALL_SCOPES, type FigureModule } from '../figure';
import { endedEvents, scopeAttendance, scopeRecords, type ReviewContext } from '../scope';

const GROUP = '组织生活';

const recordRow = (r: OrgLifeRecordDoc): EvidenceRow => ({
  id: r._id,
  date: shanghaiDateOf(r.startsAt),
  title: r.topic || r.title,
  link: links.minutes(r._id),
  kind: r.kind,
  detail: r.title,
});

/** For each branch of the scope, the owner keys whose sessions are its own (itself and its pairings). */
function ownersOfBranch(ctx: ReviewContext, branchId: string): Set<string> {
  return new Set([
    ownerKey({ kind: 'branch', id: branchId }),
    ...ctx.pairings
      .filter((p) => p.sides.some((s) => s.orgId === branchId))
      .map((p) => ownerKey({ kind: 'pairing', id: p._id })),
  ]);
}

/** Theme days held: a session recorded as 主题党日, or a generated theme-day event that took place. */
async function themeDays(ctx: ReviewContext): Promise<{ id: string; ownerKey: string; date: string; title: string }[]> {
  const [events, records] = await Promise.all([endedEvents(ctx), scopeRecords(ctx)]);
  const recorded = new Map(records.map((r) => [r._id, r]));
  return events
    .filter((e) => recorded.get(e._id)?.kind === '主题党日' || (e.kind === 'themeDay' && !recorded.has(e._id)))
    .map((e) => ({ id: e._id, ownerKey: e.ownerKey, date: shanghaiDateOf(e.startsAt), title: e.title }));
}

const nowMonth = (ctx: ReviewContext) => shanghaiDateOf(ctx.now).slice(0, 7);

export const orgLifeFigures: FigureModule[] = [
  {
    key: 'sessions',
    title: '组织生活（按类型）',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => (await scopeRecords(ctx)).map(recordRow),
  },
  {
    key: 'jointSessions',
    title: '联建组织生活',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) => (await scopeRecords(ctx)).filter((r) => r.owner.kind === 'pairing').map(recordRow),
  },
  {
    key: 'themeDaysHeld',
    title: '主题党日·已开展',
    group: GROUP,
    unit: 'count',
    scopes: ['branch', 'committee'],
    evidence: async (ctx) => {
      const days = await themeDays(ctx);
      return ctx.branches.flatMap((branch) => {
        const owners = ownersOfBranch(ctx, branch._id);
        return days
          .filter((d) => owners.has(d.ownerKey))
          .map((d) => ({
            id: `${branch._id}_${d.id}`,
            date: d.date,
            title: d.title,
            link: links.event(d.id),
            detail: branch.name,
          }));
      });
    },
  },
  {
    key: 'themeDaysDue',
    title: '主题党日·应开展',
    group: GROUP,
    unit: 'count',
    scopes: ['branch', 'committee'],
    evidence: async (ctx) => {
      const rules = await cadenceRules(ctx.db, ctx.committeeId);
      const item = rules.items.find((i) => i.kind === '主题党日');
      if (!item) return [];
      const rows: EvidenceRow[] = [];
      const seen = new Set<string>();
      for (let m = 1; m <= 12; m += 1) {
        const period = periodOf(`${ctx.year}-${String(m).padStart(2, '0')}`, item.period);
        const first = period.months[0]!;
        if (seen.has(period.label) || first > nowMonth(ctx)) continue;
        seen.add(period.label);
        for (const branch of ctx.branches)
          for (let t = 1; t <= item.times; t += 1)
            rows.push({
              id: `${branch._id}_${period.label}_${t}`,
              date: `${first}-01`,
              title: `${period.label} 主题党日`,
              link: links.cadence(branch._id, first),
              detail: branch.name,
            });
      }
      return rows;
    },
  },
  {
    key: 'attendanceRate',
    title: '出席率（扣除请假）',
    group: GROUP,
    unit: 'rate',
    scopes: ALL_SCOPES,
    evidence: async (ctx) =>
      (await scopeAttendance(ctx)).flatMap((a) => {
        const t = tallyAttendance(a);
        const den = t.registered - t.excused;
        if (den <= 0) return [];
        return [
          {
            id: a.event._id,
            date: a.date,
            title: a.event.title,
            link: links.minutes(a.event._id),
            detail: `出席 ${t.attended} / 应到 ${den}（报名 ${t.registered}，请假 ${t.excused}）`,
            num: t.attended,
            den,
          },
        ];
      }),
  },
  {
    key: 'excused',
    title: '请假人次',
    group: GROUP,
    unit: 'count',
    scopes: ALL_SCOPES,
    evidence: async (ctx) =>
      (await scopeAttendance(ctx)).flatMap((a) => {
        const present = new Set(a.present);
        const registered = new Set(a.registered);
        return a.onLeave
          .filter((id) => registered.has(id) && !present.has(id))
          .map((id) => ({
            id: `${a.event._id}_${id}`,
            date: a.date,
            title: a.event.title,
            link: links.minutes(a.event._id),
          }));
      }),
  },
];
