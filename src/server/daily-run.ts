/**
 * The scheduler fires every 5 minutes (one timer trigger per function; the trigger keeps its
 * old name `daily`, which tests and deploy scripts use). Jobs meant for once a day (theme-day
 * generation, the overdue ledger scan) run at the first firing of each China day: the firing that
 * creates `schedulerRuns/daily_<date>` runs them, every other finds it there (one insert
 * attempt per firing).
 */
import { shanghaiDateOf } from '../domain/shanghai-time';
import type { Database } from './cloud';
import { isDuplicateWrite } from './docs';

export async function claimDailyRun(db: Database, now: Date): Promise<boolean> {
  try {
    await db.collection('schedulerRuns').add({ _id: `daily_${shanghaiDateOf(now)}`, at: now });
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}
