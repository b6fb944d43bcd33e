/**
 * The nightly job: every owner's rule rolls its twelve months of theme-day events forward. A
 * pairing's rule rolls only while the pairing is active: once it has ended (or was never
 * accepted) its rule is skipped and no new months appear.
 */
import type { PairingDoc, ThemeDayRuleDoc } from '../db/documents';
import { keepsGenerating, ownerBranches } from '../domain/event-access';
import type { Database } from './cloud';
import { describeError, log } from './log';
import { generateThemeDayEvents, type GenerationResult } from './theme-days';
import { mapByIds } from './docs';

const RULES_PAGE = 100;

export interface GenerationSummary extends GenerationResult {
  rules: number;
  /** Rules of pairings that are no longer (or not yet) active. */
  skipped: number;
  failed: string[];
}

/** The pairings that own rules on this page, by id (one read for the page). */
async function pairingsOf(db: Database, rules: readonly ThemeDayRuleDoc[]): Promise<Map<string, PairingDoc>> {
  const ids = [...new Set(rules.filter((r) => r.owner.kind === 'pairing').map((r) => r.owner.id))];
  return mapByIds<PairingDoc>(db, 'pairings', ids);
}

/** One owner's failure (logged, listed) does not stop the others. */
export async function generateAllThemeDays(db: Database, now: Date): Promise<GenerationSummary> {
  const summary: GenerationSummary = { rules: 0, skipped: 0, created: 0, updated: 0, failed: [] };
  const _ = db.command;
  let after = '';
  for (;;) {
    const { data } = await db
      .collection('themeDayRules')
      .where({ active: true, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(RULES_PAGE)
      .get();
    const rules = data as ThemeDayRuleDoc[];
    const pairings = await pairingsOf(db, rules);
    for (const rule of rules) {
      summary.rules += 1;
      const pairing = rule.owner.kind === 'pairing' ? (pairings.get(rule.owner.id) ?? null) : null;
      if (!keepsGenerating(rule.owner, pairing)) {
        summary.skipped += 1;
        continue;
      }
      try {
        const result = await generateThemeDayEvents(db, rule, ownerBranches(rule.owner, pairing), now);
        summary.created += result.created;
        summary.updated += result.updated;
      } catch (err) {
        log('failed', { action: 'scheduler.themeDays', rule: rule._id, ...describeError(err) });
        summary.failed.push(rule._id);
      }
    }
    if (rules.length < RULES_PAGE) return summary;
    after = rules[rules.length - 1]!._id;
  }
}
