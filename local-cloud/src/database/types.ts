/**
 * The boundary between the local cloud's HTTP app and its database emulation. The app routes
 * every `database.*` action of a POST /admin body here and sends back what `handle` returns
 * (adding `requestId`); a thrown CloudError becomes `{ code, message, requestId }`.
 */
import type { CollectionSpec } from '../project/database-manifest';
import type { TransactionMode } from './transactions';

export interface UnindexedQuery {
  collection: string;
  /** The query as canonical EJSON. */
  query: string;
  /** Who sent it: `function <name>` or `sdk client`. */
  origin: string;
}

export interface DatabaseStats {
  requests: number;
  transactions: number;
  commits: number;
  conflicts: number;
}

export interface DatabaseOptions {
  /** Folder for the SQLite file; created if missing. */
  dataDir: string;
  /** Index manifest (database.json, see project/database-manifest.ts): unique indexes enforced, secondary ones used. */
  collections: Record<string, CollectionSpec>;
  /** How long a transaction waits for a document another transaction holds (default 5000 ms). */
  lockTimeoutMs?: number;
  /** An open transaction is aborted after this long (default 60000 ms, MongoDB's default). */
  transactionLifetimeMs?: number;
  /**
   * `conflict` (default): CloudBase's rule, a contending transaction fails at once and is retried
   * by runTransaction. `queue`: contending transactions wait for each other's locks (kinder than
   * production; for experiments only). See transactions.ts.
   */
  transactionMode?: TransactionMode;
  /** Told of every query no index supports (it scans the collection and stalls other requests). */
  onUnindexedQuery?: (query: UnindexedQuery) => void;
  logger: {
    warn(msg: string, fields?: Record<string, unknown>): void;
    info(msg: string, fields?: Record<string, unknown>): void;
  };
}

export interface DatabaseService {
  /** `action` is the body's action, e.g. `database.getDocument`; `body` the whole parsed JSON body. */
  /** `origin` (e.g. `function api`) is named in warnings about the request. */
  handle(action: string, body: Record<string, unknown>, origin?: string): Promise<Record<string, unknown>>;
  /** Requests served, transactions started and committed, conflicts answered, since start. */
  stats(): DatabaseStats;
  /** Drop every document and collection (tests, `--reset`). */
  reset(): Promise<void>;
  close(): Promise<void>;
}
