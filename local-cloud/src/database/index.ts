/**
 * The local cloud's database: CloudBase's document database API over SQLite and mingo.
 * `createDatabaseService` is the one entry the HTTP app uses (see types.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createActions } from './actions';
import { Engine } from './engine';
import { CloudError, DB_ERROR } from './errors';
import { LockManager } from './locks';
import { Store } from './store';
import { TransactionRegistry } from './transactions';
import type { DatabaseOptions, DatabaseService } from './types';

export { CloudError, DB_ERROR } from './errors';
export type { DatabaseOptions, DatabaseService } from './types';

const LOCK_TIMEOUT_MS = 5_000;
/** CloudBase: a transaction must commit or abort within 30 seconds. */
const TRANSACTION_LIFETIME_MS = 30_000;

export function createDatabaseService(opts: DatabaseOptions): DatabaseService {
  // Collections are created by the project's own set-up step (src/db/setup.ts), as in CloudBase.
  const store = new Store(opts.dataDir, opts.collections);
  const locks = new LockManager(opts.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
  const txns = new TransactionRegistry(
    locks,
    opts.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS,
    opts.transactionMode ?? 'conflict',
  );
  // Which request is running, through its awaits: warnings name the function that sent it.
  const origins = new AsyncLocalStorage<string>();
  const engine = new Engine(store, locks, txns, (msg, fields) => {
    const origin = origins.getStore() ?? 'unknown';
    opts.logger.warn(`${msg} (from ${origin})`, { ...fields, origin });
    if (fields && typeof fields.collection === 'string' && typeof fields.query === 'string')
      opts.onUnindexedQuery?.({ collection: fields.collection, query: fields.query, origin });
  });
  const actions = createActions(store, engine, txns);
  opts.logger.info('database ready', { dataDir: opts.dataDir });

  const stats = { requests: 0, transactions: 0, commits: 0, conflicts: 0 };
  return {
    async handle(action, body, origin = 'sdk client') {
      const handler = actions[action];
      if (!handler) throw new CloudError(DB_ERROR.INVALID_PARAM, `unsupported database action: ${action}`);
      stats.requests += 1;
      if (action === 'database.startTransaction') stats.transactions += 1;
      try {
        const result = await origins.run(origin, () => handler(body, Date.now()));
        if (action === 'database.commitTransaction') stats.commits += 1;
        return result;
      } catch (err) {
        if (err instanceof CloudError && err.code === DB_ERROR.TRANSACTION_CONFLICT) stats.conflicts += 1;
        // mingo rejects unknown or malformed operators; CloudBase reports those as failed requests.
        if (err instanceof Error && err.constructor.name === 'MingoError')
          throw new CloudError(DB_ERROR.REQUEST_FAILED, err.message);
        throw err;
      }
    },
    stats() {
      return { ...stats };
    },
    async reset() {
      txns.endAll();
      store.reset();
    },
    async close() {
      txns.endAll();
      store.close();
    },
  };
}
