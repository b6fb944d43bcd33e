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

export interface StudyFacts {
  /** Active members now (the denominator of participation and of the average). */
  members: readonly string[];
  /** Study check-ins of the year (daily and approved 补学), by member. */
  checkIns: readonly { memberId: string; planItemId: string | null }[];
  /** The 第一议题 of each month of the year that had one, with who studied it by attending a linked event. */
  firstTopics: readonly { itemId: string; attendedBy: readonly string[] }[];
  /** Sum of the year's ledger entries of these members' branches. */
  pointsTotal: number;
}

export interface StudyYearFigures {
  activeMembers: number;
  /** Members with at least one check-in in the year. */
  studyParticipants: number;
  /** studyParticipants / activeMembers (0–1). */
  studyParticipation: number;
  /** Months of the year whose plan had a 第一议题. */
  firstTopicMonths: number;
  /** Studied (member, 第一议题) pairs / (members × firstTopicMonths), 0–1. */
  firstTopicCoverage: number;
  pointsTotal: number;
  /** pointsTotal / activeMembers, to one decimal. */
  pointsAverage: number;
}

export function studyYearFigures(facts: StudyFacts): StudyYearFigures {
  const members = new Set(facts.members);
  const participants = new Set(facts.checkIns.map((c) => c.memberId).filter((m) => members.has(m)));
  let studiedPairs = 0;
  for (const topic of facts.firstTopics) {
    const studied = new Set(facts.checkIns.filter((c) => c.planItemId === topic.itemId).map((c) => c.memberId));
    for (const who of topic.attendedBy) studied.add(who);
    studiedPairs += [...studied].filter((m) => members.has(m)).length;
  }
  const possible = members.size * facts.firstTopics.length;
  return {
    activeMembers: members.size,
    studyParticipants: participants.size,
    studyParticipation: members.size === 0 ? 0 : participants.size / members.size,
    firstTopicMonths: facts.firstTopics.length,
    firstTopicCoverage: possible === 0 ? 0 : studiedPairs / possible,
    pointsTotal: facts.pointsTotal,
    pointsAverage: members.size === 0 ? 0 : Math.round((facts.pointsTotal / members.size) * 10) / 10,
  };
}
