/**
 * Who may review what, and the facts a review reads, loaded once per request and shared by every
 * figure. A branch's secretary and committee members review their branch and its pairings; a
 * committee office reviews its committee and everything under it; nobody else learns that a
 * scope exists. A committee's view counts only its own branches: the other side of a pairing
 * across committees is never named, and its members' attendance never counted.
 */
import { AppError, type ReviewScope, type ReviewScopeOption } from '../../contract';
import type {
  CheckInDoc,
  EventDoc,
  LeaveDoc,
  OrganizationDoc,
  OrgLifeRecordDoc,
  PairingDoc,
  PairingMembershipDoc,
  RegistrationDoc,
} from '../../db/documents';
import { ownerKey } from '../../domain/event-access';
import { isLeaderOf, isOfficeOf, pairingRights, type Caller } from '../../domain/org-access';
import { presentAfter, tallyAttendance } from '../../domain/review';
import { shanghaiDateOf } from '../../domain/shanghai-time';
import { shanghaiYearBounds } from '../../domain/year-figures';
import { loadOrg } from '../access';
import type { Database } from '../cloud';
import { getDoc, readAll, readByIds } from '../docs';

export interface ReviewContext {
  db: Database;
  now: Date;
  year: number;
  scope: ReviewScope;
  name: string;
  /** The committee whose rules apply (a branch's parent, a committee itself; a pairing: null). */
  committeeId: string | null;
  /** Branches whose members' attendance counts, and whose rows a committee's view lists. */
  branches: OrganizationDoc[];
  /** Pairings of the scope in force at some point of the year. */
  pairings: PairingDoc[];
  /** Owners whose events and sessions belong to the scope. */
  ownerKeys: string[];
  /** Loads once per request: figures share the reads. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

const hidden = () => new AppError('NOT_FOUND', '统计范围不存在或你无权查看');

/** In force at some point of the year: accepted by all, not ended before it began. */
export function activeDuring(pairing: PairingDoc, year: number): boolean {
  const { start, end } = shanghaiYearBounds(year);
  if (!pairing.activatedAt || pairing.activatedAt >= end) return false;
  return pairing.endedAt === null || pairing.endedAt >= start;
}

function pairingsByIds(db: Database, ids: readonly string[]): Promise<PairingDoc[]> {
  return readByIds<PairingDoc>(db, 'pairings', ids);
}

async function committeeBranches(db: Database, committeeId: string): Promise<OrganizationDoc[]> {
  return readAll<OrganizationDoc>(db, 'organizations', { kind: 'branch', parentId: committeeId }, 'name');
}

/** Checks the caller's right to the scope and loads its organisations and pairings. */
export async function reviewContext(
  db: Database,
  caller: Caller,
  scope: ReviewScope,
  year: number,
  now: Date,
): Promise<ReviewContext> {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };
  const base = { db, now, year, scope, once };
  if (scope.kind === 'branch') {
    const org = await loadOrg(db, scope.id);
    if (!org || org.kind !== 'branch' || !(isLeaderOf(caller, org._id) || isOfficeOf(caller, org))) throw hidden();
    const memberships = await readAll<PairingMembershipDoc>(db, 'pairingMemberships', { orgId: org._id }, 'createdAt');
    const pairings = (
      await pairingsByIds(
        db,
        memberships.map((m) => m.pairingId),
      )
    ).filter((p) => activeDuring(p, year));
    return {
      ...base,
      name: org.name,
      committeeId: org.parentId,
      branches: [org],
      pairings,
      ownerKeys: [
        ownerKey({ kind: 'branch', id: org._id }),
        ...pairings.map((p) => ownerKey({ kind: 'pairing', id: p._id })),
      ],
    };
  }
  if (scope.kind === 'pairing') {
    const pairing = await getDoc<PairingDoc>(db, 'pairings', scope.id);
    if (!pairing || pairingRights(caller, pairing.sides).writes.length === 0) throw hidden();
    const orgs = await readByIds<OrganizationDoc>(
      db,
      'organizations',
      pairing.sides.map((s) => s.orgId),
    );
    return {
      ...base,
      name: pairing.name,
      committeeId: null,
      branches: orgs.filter((o) => o.kind === 'branch'),
      pairings: [pairing],
      ownerKeys: [ownerKey({ kind: 'pairing', id: pairing._id })],
    };
  }
  const committee = await loadOrg(db, scope.id);
  if (!committee || committee.kind !== 'committee' || !caller.adminOf.includes(committee._id)) throw hidden();
  const branches = await committeeBranches(db, committee._id);
  const memberships = await readAll<PairingMembershipDoc>(
    db,
    'pairingMemberships',
    { committeeId: committee._id, firstOfCommittee: true },
    'createdAt',
  );
  const pairings = (
    await pairingsByIds(
      db,
      memberships.map((m) => m.pairingId),
    )
  ).filter((p) => activeDuring(p, year));
  return {
    ...base,
    name: committee.name,
    committeeId: committee._id,
    branches,
    pairings,
    ownerKeys: [
      ...branches.map((b) => ownerKey({ kind: 'branch', id: b._id })),
      ...pairings.map((p) => ownerKey({ kind: 'pairing', id: p._id })),
    ],
  };
}

/** The scopes the caller may review: their branch (as a leader) and its pairings, and their committees. */
export async function reviewScopes(db: Database, caller: Caller): Promise<ReviewScopeOption[]> {
  const out: ReviewScopeOption[] = [];
  const branchId = caller.member?.branchId;
  if (branchId && isLeaderOf(caller, branchId)) {
    const branch = await loadOrg(db, branchId);
    if (branch) out.push({ kind: 'branch', id: branch._id, name: branch.name });
    const memberships = await readAll<PairingMembershipDoc>(db, 'pairingMemberships', { orgId: branchId }, 'createdAt');
    for (const p of await pairingsByIds(
      db,
      memberships.map((m) => m.pairingId),
    ))
      if (p.activatedAt) out.push({ kind: 'pairing', id: p._id, name: p.name });
  }
  // An office reviews its committee and each branch under it.
  for (const committeeId of caller.adminOf) {
    const committee = await loadOrg(db, committeeId);
    if (committee?.kind !== 'committee') continue;
    out.push({ kind: 'committee', id: committee._id, name: committee.name });
    for (const b of await committeeBranches(db, committee._id))
      if (!out.some((o) => o.kind === 'branch' && o.id === b._id))
        out.push({ kind: 'branch', id: b._id, name: b.name });
  }
  return out;
}

// ── Shared reads ─────────────────────────────────────────────────────────────

/** Published events of the scope that started in the year. */
export function scopeEvents(ctx: ReviewContext): Promise<EventDoc[]> {
  return ctx.once('events', async () => {
    if (ctx.ownerKeys.length === 0) return [];
    const _ = ctx.db.command;
    const { start, end } = shanghaiYearBounds(ctx.year);
    return readAll<EventDoc>(
      ctx.db,
      'events',
      { ownerKey: _.in(ctx.ownerKeys), status: 'published', startsAt: _.gte(start).and(_.lt(end)) },
      'startsAt',
    );
  });
}

/** Published events of the scope that started in the year and have ended. */
export async function endedEvents(ctx: ReviewContext): Promise<EventDoc[]> {
  return (await scopeEvents(ctx)).filter((e) => e.endsAt <= ctx.now);
}

/** Organisation-life records of the scope's events in the year. */
export function scopeRecords(ctx: ReviewContext): Promise<OrgLifeRecordDoc[]> {
  return ctx.once('records', async () => {
    if (ctx.ownerKeys.length === 0) return [];
    const _ = ctx.db.command;
    const { start, end } = shanghaiYearBounds(ctx.year);
    const records = await readAll<OrgLifeRecordDoc>(
      ctx.db,
      'orgLifeRecords',
      { ownerKey: _.in(ctx.ownerKeys), startsAt: _.gte(start).and(_.lt(end)) },
      'startsAt',
    );
    // A record of an event since cancelled no longer counts.
    const live = new Set((await scopeEvents(ctx)).map((e) => e._id));
    return records.filter((r) => live.has(r._id));
  });
}

export interface EventAttendance {
  event: EventDoc;
  registered: string[];
  present: string[];
  onLeave: string[];
}

/** Registrations, check-ins and leaves of one event, as the minutes correct them. */
export async function eventAttendance(
  db: Database,
  event: EventDoc,
  record: OrgLifeRecordDoc | null,
  branchIds: ReadonlySet<string> | null,
): Promise<EventAttendance & { regs: RegistrationDoc[]; checkIns: CheckInDoc[]; leaves: LeaveDoc[] }> {
  const [regs, checkIns, leaves] = await Promise.all([
    readAll<RegistrationDoc>(db, 'registrations', { eventId: event._id, status: 'registered' }, 'sequence'),
    readAll<CheckInDoc>(db, 'checkins', { eventId: event._id, status: 'present' }, 'at'),
    readAll<LeaveDoc>(db, 'leaves', { eventId: event._id, status: 'requested' }, 'at'),
  ]);
  const inScope = <T extends { branchId: string }>(docs: T[]) =>
    branchIds ? docs.filter((d) => branchIds.has(d.branchId)) : docs;
  const scopedRegs = inScope(regs);
  const scopedCheckIns = inScope(checkIns);
  const scopedLeaves = inScope(leaves);
  const allowed = branchIds ? new Set([...scopedRegs, ...scopedCheckIns].map((d) => d.memberId)) : null;
  const adjustments = (record?.adjustments ?? []).filter((a) => !allowed || allowed.has(a.memberId));
  return {
    event,
    registered: scopedRegs.map((r) => r.memberId),
    present: presentAfter(
      scopedCheckIns.map((c) => c.memberId),
      adjustments,
    ),
    onLeave: scopedLeaves.map((l) => l.memberId),
    regs: scopedRegs,
    checkIns: scopedCheckIns,
    leaves: scopedLeaves,
  };
}

/** Events whose lists are read in one query each (registrations, check-ins, leaves). */
const EVENTS_PER_QUERY = 20;

/** Every ended event's attendance, counted for the scope's branches, read in batches of events. */
export function scopeAttendance(ctx: ReviewContext): Promise<(EventAttendance & { date: string })[]> {
  return ctx.once('attendance', async () => {
    const [events, records] = await Promise.all([endedEvents(ctx), scopeRecords(ctx)]);
    const byId = new Map(records.map((r) => [r._id, r]));
    const branchIds = ctx.scope.kind === 'pairing' ? null : new Set(ctx.branches.map((b) => b._id));
    const inScope = <T extends { branchId: string }>(docs: T[]) =>
      branchIds ? docs.filter((d) => branchIds.has(d.branchId)) : docs;
    const _ = ctx.db.command;
    const out: (EventAttendance & { date: string })[] = [];
    for (let i = 0; i < events.length; i += EVENTS_PER_QUERY) {
      const batch = events.slice(i, i + EVENTS_PER_QUERY);
      const ids = _.in(batch.map((e) => e._id));
      const [regs, checkIns, leaves] = await Promise.all([
        readAll<RegistrationDoc>(ctx.db, 'registrations', { eventId: ids, status: 'registered' }, 'sequence'),
        readAll<CheckInDoc>(ctx.db, 'checkins', { eventId: ids, status: 'present' }, 'at'),
        readAll<LeaveDoc>(ctx.db, 'leaves', { eventId: ids, status: 'requested' }, 'at'),
      ]);
      const of = <T extends { eventId: string; branchId: string }>(docs: T[], eventId: string) =>
        inScope(docs.filter((d) => d.eventId === eventId));
      for (const event of batch) {
        const scopedRegs = of(regs, event._id);
        const scopedCheckIns = of(checkIns, event._id);
        const allowed = branchIds ? new Set([...scopedRegs, ...scopedCheckIns].map((d) => d.memberId)) : null;
        const adjustments = (byId.get(event._id)?.adjustments ?? []).filter((a) => !allowed || allowed.has(a.memberId));
        out.push({
          event,
          registered: scopedRegs.map((r) => r.memberId),
          present: presentAfter(
            scopedCheckIns.map((c) => c.memberId),
            adjustments,
          ),
          onLeave: of(leaves, event._id).map((l) => l.memberId),
          date: shanghaiDateOf(event.startsAt),
        });
      }
    }
    return out;
  });
}

export { tallyAttendance };
