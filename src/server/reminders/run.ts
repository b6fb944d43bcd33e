/**
 * The scheduler's reminder job, run at every firing (every 5 minutes): find what is due (events,
 * day-old unread notices), notify promotions not yet notified, run due jobs within the time
 * budget, retry passing failures, and bring shared cards up to date. Everything it does is resumable: a firing that dies or runs out
 * of time leaves leases that expire and cursors the next firing continues from.
 */
import type { Database } from '../cloud';
import { refreshShareCards } from '../share/cards';
import { enqueueDueEvents, enqueueOverdueLedger, enqueueUnreadNotices } from './due';
import { addCounts, runClock, type Counts } from './engine';
import { retryDue, runDueJobs } from './jobs';
import { notifyAllPromotions } from './promotions';

/** Of the scheduler's 60 s: leave time to record the last page and answer. */
const BUDGET_MS = 40_000;

export interface ReminderRun {
  enqueued: number;
  jobs: number;
  unfinished: number;
  counts: Counts;
  cards: number;
}

export async function runReminders(db: Database, at: Date, daily: boolean): Promise<ReminderRun> {
  const clock = runClock(at);
  const deadline = clock.now().getTime() + BUDGET_MS;
  let enqueued = await enqueueDueEvents(db, clock.now());
  enqueued += await enqueueUnreadNotices(db, clock.now());
  if (daily) enqueued += await enqueueOverdueLedger(db, clock.now());
  const counts = await notifyAllPromotions(db, clock);
  const runs = await runDueJobs(db, clock, deadline);
  for (const run of runs) addCounts(counts, run.counts);
  addCounts(counts, await retryDue(db, clock));
  const cards = await refreshShareCards(db, clock.now());
  return { enqueued, jobs: runs.length, unfinished: runs.filter((r) => !r.finished).length, counts, cards };
}
