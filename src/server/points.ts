/**
 * The points ledger (积分): award and reverse by unique source key. Every entry is its own
 * document; nothing is ever updated or deleted. An uncapped award's `_id` is its source key; a
 * capped award takes the first free cap slot of its period (domain/points-rules awardSlots), and
 * `sourceKey` carries a unique index, so neither a retry nor a race can award twice or exceed a
 * cap. A reversal is an opposite entry with the source key `${sourceKey}#rev`. Totals are sums of
 * entries, computed by the database.
 */
import type { OrganizationDoc, PointEntryDoc, PointRulesDoc } from '../db/documents';
import {
  awardSlots,
  DEFAULT_MAKE_UP_WINDOW_DAYS,
  POINT_RULE_LABELS,
  resolveRules,
  type PointRuleId,
  type PointRules,
} from '../domain/points-rules';
import { shanghaiDateOf } from '../domain/shanghai-time';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite } from './docs';

export interface CommitteeRules {
  committeeId: string;
  rules: PointRules;
  makeUpWindowDays: number;
}

/**
 * Rules change rarely and are read on speed-measured paths (an event check-in): each function
 * instance keeps a branch's rules for a minute. A committee's change reaches every instance
 * within that minute; the instance that made it sees it at once.
 */
const RULES_TTL_MS = 60_000;
const rulesCache = new Map<string, { value: CommitteeRules; until: number }>();

export function forgetRules(): void {
  rulesCache.clear();
}

export async function committeeRules(db: Database, committeeId: string): Promise<CommitteeRules> {
  const doc = committeeId ? await getDoc<PointRulesDoc>(db, 'pointRules', committeeId) : null;
  return {
    committeeId,
    rules: resolveRules(doc?.rules),
    makeUpWindowDays: doc?.makeUpWindowDays ?? DEFAULT_MAKE_UP_WINDOW_DAYS,
  };
}

/** The rules that apply to a member of `branchId`: those of the committee above the branch. */
export async function rulesForBranch(db: Database, branchId: string, now: Date): Promise<CommitteeRules> {
  const cached = rulesCache.get(branchId);
  if (cached && cached.until > now.getTime()) return cached.value;
  const branch = await getDoc<OrganizationDoc>(db, 'organizations', branchId);
  const value = await committeeRules(db, branch?.parentId ?? '');
  rulesCache.set(branchId, { value, until: now.getTime() + RULES_TTL_MS });
  return value;
}

export interface Award {
  memberId: string;
  branchId: string;
  rule: PointRuleId;
  /** What earned it, unique across the ledger: e.g. `att_${eventId}_${openid}_0`. */
  sourceKey: string;
  reason: string;
  /** When it was earned, if not now (a check-in's points are settled after it: attendance-points.ts). */
  at?: Date;
}

function entryOf(award: Award, id: string, points: number, now: Date): PointEntryDoc {
  const at = award.at ?? now;
  const day = shanghaiDateOf(at);
  return {
    _id: id,
    sourceKey: award.sourceKey,
    memberId: award.memberId,
    branchId: award.branchId,
    rule: award.rule,
    points,
    reason: award.reason,
    year: Number(day.slice(0, 4)),
    day,
    at,
    reverses: null,
  };
}

async function sourceExists(db: Database, sourceKey: string): Promise<boolean> {
  const { data } = await db.collection('pointEntries').where({ sourceKey }).limit(1).get();
  return data.length > 0;
}

/** Inserts one entry; false when its `_id` or source key already stands. */
async function insertOnce(db: Database, entry: PointEntryDoc): Promise<boolean> {
  try {
    await db.collection('pointEntries').add(entry);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

async function awardCapped(db: Database, award: Award, rules: PointRules, now: Date): Promise<number> {
  const rule = rules[award.rule];
  const slots = awardSlots(award.rule, rule.cap, award.memberId, shanghaiDateOf(award.at ?? now), award.sourceKey);
  for (const slot of slots) {
    if (await insertOnce(db, entryOf(award, slot, rule.points, now))) return rule.points;
    // The slot was taken, or this source was already awarded (its key is unique).
    if (await sourceExists(db, award.sourceKey)) return 0;
  }
  return 0; // every slot of the period is taken: the cap is reached
}

/**
 * Awards each of `awards` at most once. Uncapped awards go in one batch insert (the common case:
 * one database call); if any already stands, each is tried alone. Answers the points awarded.
 */
export async function awardPoints(
  db: Database,
  awards: readonly Award[],
  rules: PointRules,
  now: Date,
): Promise<number> {
  const live = awards.filter((award) => rules[award.rule].points > 0);
  const capped = live.filter((award) => rules[award.rule].cap !== null);
  const open = live.filter((award) => rules[award.rule].cap === null);
  let total = 0;
  if (open.length > 0) {
    const entries = open.map((award) => entryOf(award, award.sourceKey, rules[award.rule].points, now));
    try {
      await db.collection('pointEntries').add(entries.length === 1 ? entries[0]! : entries);
      total += entries.reduce((sum, e) => sum + e.points, 0);
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
      for (const entry of entries) if (await insertOnce(db, entry)) total += entry.points;
    }
  }
  for (const award of capped) total += await awardCapped(db, award, rules, now);
  return total;
}

/**
 * Reverses whatever the given sources awarded, once each, by opposite entries. Answers the points
 * taken back (a positive number).
 */
export async function reversePoints(
  db: Database,
  sourceKeys: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  if (sourceKeys.length === 0) return 0;
  const _ = db.command;
  const { data } = await db
    .collection('pointEntries')
    .where({ sourceKey: _.in([...sourceKeys]) })
    .limit(100)
    .get();
  let taken = 0;
  for (const entry of data as PointEntryDoc[]) {
    if (entry.reverses !== null || entry.points === 0) continue;
    const day = shanghaiDateOf(now);
    const reversal: PointEntryDoc = {
      ...entry,
      _id: `rev_${entry._id}`,
      sourceKey: `${entry.sourceKey}#rev`,
      points: -entry.points,
      reason,
      year: Number(day.slice(0, 4)),
      day,
      at: now,
      reverses: entry._id,
    };
    if (await insertOnce(db, reversal)) taken += entry.points;
  }
  return taken;
}

type Match = Record<string, unknown>;

/** Sum of points of the entries matching `match`, by the database. */
export async function pointsTotal(db: Database, match: Match): Promise<number> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection('pointEntries')
    .aggregate()
    .match(match)
    .group({ _id: null, total: $.sum('$points') })
    .end();
  return ((data as { total?: number }[])[0]?.total ?? 0) as number;
}

/** Points per member for entries matching `match`. */
export async function pointsByMember(db: Database, match: Match): Promise<Map<string, number>> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection('pointEntries')
    .aggregate()
    .match(match)
    .group({ _id: '$memberId', total: $.sum('$points') })
    .limit(10_000)
    .end();
  return new Map((data as { _id: string; total: number }[]).map((row) => [row._id, row.total]));
}

export function ruleLabel(rule: string): string {
  return (POINT_RULE_LABELS as Record<string, string>)[rule] ?? rule;
}
