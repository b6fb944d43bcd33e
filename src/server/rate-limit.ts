/**
 * Fixed-window rate limits per caller, action and minute, counted in the database (function
 * instances share no memory). One counter document per (caller, action, minute): a caller's
 * counter is written by that caller's calls only, so a crowd never contends on it. Old windows
 * are worthless after their minute; the scheduler may delete them, nothing reads them.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../contract';
import type { Database } from './cloud';
import { isDuplicateWrite } from './docs';

const WINDOW_MS = 60_000;

function counterId(openid: string, action: string, window: number): string {
  const who = createHash('sha256').update(openid).digest('hex').slice(0, 24);
  return `${action.replace(/[^A-Za-z0-9]/g, '-')}_${who}_${window}`;
}

/** Counts this call; RATE_LIMITED once the caller has made `perMinute` calls this minute. */
export async function countCall(
  db: Database,
  openid: string,
  action: string,
  perMinute: number,
  now: Date,
): Promise<void> {
  const window = Math.floor(now.getTime() / WINDOW_MS);
  const id = counterId(openid, action, window);
  const _ = db.command;
  // One call in the common case: the increment answers the count it reached.
  const bump = async () =>
    (
      (await db
        .collection('rateLimits')
        .where({ _id: id })
        .updateAndReturn({ count: _.inc(1) })) as { doc?: { count: number } | null }
    ).doc?.count;
  let count = await bump();
  if (count === undefined) {
    try {
      await db.collection('rateLimits').add({ _id: id, count: 1, expiresAt: new Date((window + 1) * WINDOW_MS) });
      count = 1;
    } catch (err) {
      // Another call of the same caller created it first: count on it.
      if (!isDuplicateWrite(err)) throw err;
      count = (await bump()) ?? 1;
    }
  }
  if (count > perMinute) throw new AppError('RATE_LIMITED');
}
