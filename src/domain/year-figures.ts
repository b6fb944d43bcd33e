/**
 * The year figures a branch reports at its assessment, counted from stored facts (never typed
 * in). Years are Shanghai calendar years. Given one organisation, ledger items count from its
 * point of view: problems it raised, and problems it was responsible for (resolved or overdue);
 * needs met are those it met for a partner. Without one, everything in the pairing counts.
 */
import type { LedgerStatus, PairingItemStatus } from '../contract';
import { shanghaiDateOf, type CivilDate } from './shanghai-time';

export interface LedgerFact {
  raisedByOrgId: string;
  ownerOrgId: string;
  status: LedgerStatus;
  deadline: CivilDate;
  resolvedOn: CivilDate | null;
  createdAt: Date;
}

export interface NeedFact {
  status: PairingItemStatus;
  matchedByOrgId: string | null;
  metAt: Date | null;
}

export interface LedgerYearCounts {
  problemsRaised: number;
  problemsResolved: number;
  problemsOverdue: number;
}

const inYear = (date: CivilDate | null, year: number): boolean => date !== null && date.startsWith(`${year}-`);

/**
 * Overdue in a year: due in that year, its deadline already passed (by `now`, in Shanghai), and
 * not resolved on or before it. A dropped item is no longer counted.
 */
export function wasOverdue(item: LedgerFact, year: number, now: Date): boolean {
  if (item.status === 'dropped' || !inYear(item.deadline, year)) return false;
  if (item.deadline >= shanghaiDateOf(now)) return false;
  return item.resolvedOn === null || item.resolvedOn > item.deadline;
}

export function ledgerYearCounts(
  items: readonly LedgerFact[],
  year: number,
  now: Date,
  orgId?: string,
): LedgerYearCounts {
  const raisedHere = items.filter((item) => orgId === undefined || item.raisedByOrgId === orgId);
  const ownedHere = items.filter((item) => orgId === undefined || item.ownerOrgId === orgId);
  return {
    problemsRaised: raisedHere.filter((item) => inYear(shanghaiDateOf(item.createdAt), year)).length,
    problemsResolved: ownedHere.filter((item) => item.status === 'resolved' && inYear(item.resolvedOn, year)).length,
    problemsOverdue: ownedHere.filter((item) => wasOverdue(item, year, now)).length,
  };
}

export function needsMetInYear(needs: readonly NeedFact[], year: number, orgId?: string): number {
  return needs.filter(
    (need) =>
      need.status === 'met' &&
      need.metAt !== null &&
      inYear(shanghaiDateOf(need.metAt), year) &&
      (orgId === undefined || need.matchedByOrgId === orgId),
  ).length;
}

/** [start, end) instants of a Shanghai calendar year. */
export function shanghaiYearBounds(year: number): { start: Date; end: Date } {
  const pad = String(year).padStart(4, '0');
  const next = String(year + 1).padStart(4, '0');
  return { start: new Date(`${pad}-01-01T00:00:00+08:00`), end: new Date(`${next}-01-01T00:00:00+08:00`) };
}
