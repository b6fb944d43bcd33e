/**
 * The 三会一课 cadence: a committee's rhythm (which sessions, how often) and what each branch has
 * held, is due or is overdue in a month. A session counts for a branch when it is the branch's
 * own or one of its pairings' (joint sessions count for every side), recorded with the kind.
 */
import type { BranchCadence, CadenceLine, CadenceRulesView, CommitteeCadence, EvidenceRow } from '../../contract';
import type {
  CadenceRulesDoc,
  EventDoc,
  OrganizationDoc,
  OrgLifeRecordDoc,
  PairingDoc,
  PairingMembershipDoc,
} from '../../db/documents';
import { ownerKey } from '../../domain/event-access';
import { cadenceState, DEFAULT_CADENCE, DEFAULT_CONTACT_DUTY, periodOf } from '../../domain/review';
import { shanghaiDateOf } from '../../domain/shanghai-time';
import type { Database } from '../cloud';
import { getDoc, readAll, readByIds } from '../docs';
import { links } from './links';

export async function cadenceRules(db: Database, committeeId: string | null): Promise<CadenceRulesView> {
  const doc = committeeId ? await getDoc<CadenceRulesDoc>(db, 'cadenceRules', committeeId) : null;
  return {
    committeeId: committeeId ?? '',
    items: doc?.items ?? DEFAULT_CADENCE,
    contactDuty: doc?.contactDuty ?? DEFAULT_CONTACT_DUTY,
    configured: doc !== null,
  };
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Pairings each branch is a side of (in force now or ended after `since`). */
async function pairingsOf(db: Database, branchIds: readonly string[], since: Date): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(branchIds.map((id) => [id, []]));
  if (branchIds.length === 0) return out;
  const memberships = await readAll<PairingMembershipDoc>(
    db,
    'pairingMemberships',
    { orgId: db.command.in([...branchIds]) },
    'createdAt',
  );
  const ids = [...new Set(memberships.map((m) => m.pairingId))];
  const pairings = await readByIds<PairingDoc>(db, 'pairings', ids);
  const live = new Set(
    pairings.filter((p) => p.activatedAt && (p.endedAt === null || p.endedAt >= since)).map((p) => p._id),
  );
  for (const m of memberships) if (live.has(m.pairingId)) out.get(m.orgId)?.push(m.pairingId);
  return out;
}

/** Every branch's cadence for the month (one read of sessions for all of them). */
export async function branchesCadence(
  db: Database,
  branches: readonly OrganizationDoc[],
  rules: CadenceRulesView,
  month: string,
): Promise<BranchCadence[]> {
  const periods = rules.items.map((item) => ({
    item,
    now: periodOf(month, item.period),
    before: periodOf(month, item.period, -1),
  }));
  const from = [...periods.map((p) => p.before.months[0]!)].sort()[0] ?? month;
  const to = nextMonth([...periods.map((p) => p.now.months[p.now.months.length - 1]!)].sort().pop() ?? month);
  const since = monthStart(from);
  const pairingsByBranch = await pairingsOf(
    db,
    branches.map((b) => b._id),
    since,
  );
  const keysOf = (branchId: string) => [
    ownerKey({ kind: 'branch', id: branchId }),
    ...(pairingsByBranch.get(branchId) ?? []).map((id) => ownerKey({ kind: 'pairing', id })),
  ];
  const allKeys = [...new Set(branches.flatMap((b) => keysOf(b._id)))];
  const _ = db.command;
  const records = allKeys.length
    ? await readAll<OrgLifeRecordDoc>(
        db,
        'orgLifeRecords',
        { ownerKey: _.in(allKeys), startsAt: _.gte(since).and(_.lt(monthStart(to))) },
        'startsAt',
      )
    : [];
  const events = await readByIds<EventDoc>(
    db,
    'events',
    records.map((r) => r._id),
  );
  const live = new Set(events.filter((e) => e.status === 'published').map((e) => e._id));
  const sessions = records.filter((r) => live.has(r._id));

  return branches.map((branch) => {
    const keys = new Set(keysOf(branch._id));
    const own = sessions.filter((r) => keys.has(r.ownerKey));
    const lines: CadenceLine[] = periods.map(({ item, now, before }) => {
      const of = (months: string[]) =>
        own.filter((r) => r.kind === item.kind && months.includes(shanghaiDateOf(r.startsAt).slice(0, 7)));
      const held = of(now.months);
      const heldBefore = of(before.months).length;
      const evidence: EvidenceRow[] = held.map((r) => ({
        id: r._id,
        date: shanghaiDateOf(r.startsAt),
        title: r.topic || r.title,
        link: links.minutes(r._id),
        kind: r.kind,
      }));
      return {
        ...item,
        periodLabel: now.label,
        held: held.length,
        heldBefore,
        state: cadenceState(item, held.length, heldBefore),
        evidence,
      };
    });
    return {
      branch: { id: branch._id, name: branch.name },
      month,
      lines,
      due: lines.filter((l) => l.state === 'due').length,
      overdue: lines.filter((l) => l.state === 'overdue').length,
    };
  });
}

export async function committeeCadence(
  db: Database,
  committee: OrganizationDoc,
  month: string,
): Promise<CommitteeCadence> {
  const [rules, branches] = await Promise.all([
    cadenceRules(db, committee._id),
    readAll<OrganizationDoc>(db, 'organizations', { kind: 'branch', parentId: committee._id }, 'name'),
  ]);
  return {
    committee: { id: committee._id, name: committee.name },
    month,
    rules,
    branches: await branchesCadence(db, branches, rules, month),
  };
}
