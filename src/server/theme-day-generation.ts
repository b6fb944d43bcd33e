/** The nightly job: every owner's rule rolls its twelve months of theme-day events forward. */
import type { ThemeDayRuleDoc } from '../db/documents';
import type { Database } from './cloud';
import { describeError, log } from './log';
import { generateThemeDayEvents, type GenerationResult } from './theme-days';

const RULES_PAGE = 100;

export interface GenerationSummary extends GenerationResult {
  rules: number;
  failed: string[];
}

/** One owner's failure (logged, listed) does not stop the others. */
export async function generateAllThemeDays(db: Database, now: Date): Promise<GenerationSummary> {
  const summary: GenerationSummary = { rules: 0, created: 0, updated: 0, failed: [] };
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
    for (const rule of rules) {
      summary.rules += 1;
      try {
        const result = await generateThemeDayEvents(db, rule, now);
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
