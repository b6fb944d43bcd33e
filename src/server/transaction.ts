/**
 * Runs `work` in a database transaction. The SDK's own runTransaction retries a write conflict
 * only three times, back to back; on the morning of a theme day hundreds of members contend for
 * the same documents, so we retry with jittered back-off and, if contention persists, answer
 * CONFLICT (a message the member can act on) instead of an internal error.
 */
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import { AppError } from '../contract';
import type { Database } from './cloud';

export type { Transaction };

const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';
const MAX_ATTEMPTS = 8;

export function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === CONFLICT_CODE;
}

// The SDK types runTransaction as `any`; this is its real signature (database/transaction/index.js).
type RunTransaction = <T>(work: (tx: Transaction) => Promise<T>, times?: number) => Promise<T>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // times = 0: no retries inside the SDK, we own the retry policy.
      return (await (db.runTransaction as RunTransaction).call(db, work, 0)) as T;
    } catch (err) {
      if (!isConflict(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', undefined, { cause: err });
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}
