/**
 * Points for attending an event (主题党日 attended +3, on time +1), settled after the check-in
 * rather than in it. A scan is the busiest request of the product (hundreds of members in the same
 * minute), and a second write in it would nearly double its cost; so a check-in only marks itself
 * `pointsDue`, and the points are awarded:
 *
 * - before anything reads points (points.mine, rankings, figures, the review: settleDue), so a
 *   reader sees every check-in it should count (up to 2,000 waiting at once; the sweep takes more);
 * - by the scheduler's sweep every five minutes (settleAllDue), so they reach the ledger anyway;
 * - at once for a secretary's check-in by hand (settleCheckIns).
 *
 * Awards are keyed by the check-in and its generation (a check-in after an undo is the next), so
 * settling twice, or two settlers at once, award once. An entry is dated by the check-in, not by
 * when it was settled. Clearing the mark is conditional on the check-in still being that
 * generation and due; an undo clears the mark in its own transaction and reverses what stands. If
 * an undo slipped in between an award and its clearing (it found nothing to reverse yet), the
 * settler sees its clearing refused and reverses the award itself.
 */
import type { CheckInDoc, EventDoc } from '../db/documents';
import type { Database } from './cloud';
import { mapByIds, readByIds } from './docs';
import { awardPoints, reversePoints, rulesForBranch, type Award } from './points';

/** Check-ins settled per read; a longer backlog takes more pages. */
const PAGE = 200;
/** Pages a reader settles at most before reading (the sweep takes the rest). */
const READER_PAGES = 10;

interface AttendanceFacts {
  eventId: string;
  memberId: string;
  history: readonly { action: string }[];
}

/** Which check-in of this member at this event it is (0 for the first; a redo after an undo is 1…). */
function generation(doc: AttendanceFacts): number {
  return Math.max(0, doc.history.filter((entry) => entry.action !== 'undo').length - 1);
}

function attendanceKeys(doc: AttendanceFacts): { attended: string; onTime: string } {
  const base = `${doc.eventId}_${doc.memberId}_${generation(doc)}`;
  return { attended: `att_${base}`, onTime: `ont_${base}` };
}

function awardsOf(doc: CheckInDoc, title: string): Award[] {
  const keys = attendanceKeys(doc);
  const base = { memberId: doc.memberId, branchId: doc.branchId, reason: title, at: doc.at };
  const awards: Award[] = [{ ...base, rule: 'event.attended', sourceKey: keys.attended }];
  if (doc.timing === 'onTime') awards.push({ ...base, rule: 'event.onTime', sourceKey: keys.onTime });
  return awards;
}

async function eventTitles(db: Database, eventIds: readonly string[]): Promise<Map<string, string>> {
  const events = await readByIds<EventDoc>(db, 'events', eventIds);
  return new Map(events.map((e) => [e._id, e.title]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Clears the mark of each check-in still due as it was read; answers those whose clearing was refused. */
async function clearDue(db: Database, docs: readonly CheckInDoc[]): Promise<string[]> {
  const _ = db.command;
  const refused: string[] = [];
  // Grouped by history length: the condition that the check-in is still the one that was awarded.
  for (const group of groupBy(docs, (doc) => doc.history.length).values()) {
    const ids = group.map((doc) => doc._id);
    const { updated } = await db
      .collection('checkins')
      .where({ _id: _.in(ids), pointsDue: true, history: _.size(group[0]!.history.length) })
      .update({ pointsDue: false });
    if (updated < ids.length) refused.push(...ids);
  }
  return refused;
}

/** Awards what `docs` earned and clears their marks; answers the points newly awarded. */
export async function settleCheckIns(db: Database, docs: readonly CheckInDoc[], now: Date): Promise<number> {
  if (docs.length === 0) return 0;
  const titles = await eventTitles(db, [...new Set(docs.map((doc) => doc.eventId))]);
  let awarded = 0;
  for (const group of groupBy(docs, (doc) => doc.branchId).values()) {
    const { rules } = await rulesForBranch(db, group[0]!.branchId, now);
    const awards = group.flatMap((doc) => awardsOf(doc, titles.get(doc.eventId) ?? '活动签到'));
    awarded += await awardPoints(db, awards, rules, now);
  }
  const refused = await clearDue(db, docs);
  if (refused.length > 0) await reverseUndone(db, docs, refused, now);
  return awarded;
}

/**
 * A clearing is refused when another settler cleared the mark first (nothing to do) or when the
 * check-in was undone meanwhile: then what this settler awarded for it is taken back.
 */
async function reverseUndone(db: Database, docs: readonly CheckInDoc[], ids: readonly string[], now: Date) {
  const current = await mapByIds<CheckInDoc>(db, 'checkins', ids);
  for (const doc of docs) {
    if (!ids.includes(doc._id)) continue;
    const latest = current.get(doc._id);
    const stands = latest?.status === 'present' && latest.history.length === doc.history.length;
    if (!stands) await reversePoints(db, Object.values(attendanceKeys(doc)), '签到撤销', now);
  }
}

type Scope = { memberId: string } | { branchIds: readonly string[] };

function dueQuery(db: Database, scope: Scope | null): Record<string, unknown> {
  if (!scope) return { pointsDue: true };
  if ('memberId' in scope) return { pointsDue: true, memberId: scope.memberId };
  return { pointsDue: true, branchId: db.command.in([...scope.branchIds]) };
}

async function settlePages(db: Database, scope: Scope | null, pages: number, now: Date): Promise<number> {
  let settled = 0;
  for (let page = 0; page < pages; page++) {
    const { data } = await db.collection('checkins').where(dueQuery(db, scope)).limit(PAGE).get();
    const docs = data as CheckInDoc[];
    await settleCheckIns(db, docs, now);
    settled += docs.length;
    if (docs.length < PAGE) break;
  }
  return settled;
}

/** Before reading points of a member or of branches: settles their check-ins still due. */
export async function settleDue(db: Database, scope: Scope, now: Date): Promise<void> {
  if ('branchIds' in scope && scope.branchIds.length === 0) return;
  await settlePages(db, scope, READER_PAGES, now);
}

/** The scheduler's sweep: settles every check-in still due. Answers how many. */
export function settleAllDue(db: Database, now: Date): Promise<number> {
  return settlePages(db, null, 50, now);
}

/** After an undo: `doc` is the check-in as it stood before it (its history ends with that check-in). */
export async function reverseAttendance(
  db: Database,
  doc: AttendanceFacts,
  reason: string,
  now: Date,
): Promise<number> {
  const keys = attendanceKeys(doc);
  return reversePoints(db, [keys.attended, keys.onTime], `签到撤销：${reason}`, now);
}
