/**
 * Open transactions and the two concurrency modes the emulator offers.
 *
 * `conflict` (the default) behaves like CloudBase, whose transactions are MongoDB's: reads take no
 * locks and see a snapshot of the moment the transaction began (plus its own writes); a write to a
 * document that another open transaction has written, or that a commit changed after this
 * transaction began, fails at once with DATABASE_TRANSACTION_CONFLICT and aborts the transaction,
 * so the SDK's runTransaction retries from a clean start. This is what Tencent's own node-sdk
 * tests assert (冲突检测, 读偏, 读快照: test/database/api/transaction.test.ts of the node-sdk
 * repository). A write outside any transaction to a document an open transaction has written
 * waits for that transaction to end: CloudBase's docs are silent there, and this is MongoDB's
 * documented rule ("In-progress Transactions and Write Conflicts", Transactions > Production
 * Considerations).
 *
 * `queue` keeps the emulator's older, kinder behaviour for those who ask for it: every document a
 * transaction touches (read or write) is locked and contenders wait their turn.
 *
 * Writes are buffered per document (canonical text, or null for a delete) and reach SQLite only at
 * commit, in one SQLite transaction; abort, expiry or a failed commit drops the buffer.
 */
import crypto from 'node:crypto';
import { CloudError, DB_ERROR, transactionConflict } from './errors';
import type { LockManager } from './locks';
import type { DocId } from './store';

export type TransactionMode = 'conflict' | 'queue';

export interface BufferedWrite {
  coll: string;
  id: DocId;
  text: string | null;
}

export interface Transaction {
  id: string;
  /** The commit version the transaction's snapshot was taken at. */
  startVersion: number;
  writes: Map<string, BufferedWrite>;
  locks: Set<string>;
  timer: NodeJS.Timeout;
}

/** One committed change of a document: its text before the change (null: it did not exist). */
interface Change {
  version: number;
  before: string | null;
}

interface History {
  coll: string;
  id: DocId;
  changes: Change[];
}

export const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export class TransactionRegistry {
  private readonly open = new Map<string, Transaction>();
  /** Bumped by every committed write batch (plain write or transaction commit). */
  private version = 0;
  /** Pre-images of documents changed while some transaction was open, for snapshots and conflicts. */
  private readonly history = new Map<string, History>();

  constructor(
    private readonly locks: LockManager,
    /** CloudBase: "transaction must be commit or abort in 30 seconds". */
    private readonly lifetimeMs: number,
    readonly mode: TransactionMode,
  ) {}

  start(): Transaction {
    const id = crypto.randomBytes(16).toString('hex');
    const timer = setTimeout(() => this.end(id), this.lifetimeMs);
    timer.unref();
    const txn: Transaction = { id, startVersion: this.version, writes: new Map(), locks: new Set(), timer };
    this.open.set(id, txn);
    return txn;
  }

  /** The open transaction named by a request, or undefined when the request carries none. */
  find(transactionId: unknown): Transaction | undefined {
    if (transactionId === undefined || transactionId === null || transactionId === '') return undefined;
    const txn = typeof transactionId === 'string' ? this.open.get(transactionId) : undefined;
    if (!txn) throw new CloudError(DB_ERROR.TRANSACTION_FAIL, NOT_EXIST_MESSAGE);
    return txn;
  }

  /**
   * Makes `txn` the writer of `key`, or says why it cannot: in conflict mode the transaction is
   * aborted and a conflict thrown; in queue mode the returned promise resolves once the lock is
   * ours (the caller must then re-read).
   */
  claim(txn: Transaction, key: string): Promise<void> | null {
    if (txn.locks.has(key)) return null;
    if (this.mode === 'conflict') {
      if (this.changedSince(key, txn.startVersion) || !this.locks.tryAcquire(key, txn.id)) {
        this.end(txn.id);
        throw transactionConflict(CONFLICT_MESSAGE);
      }
      txn.locks.add(key);
      return null;
    }
    if (this.locks.tryAcquire(key, txn.id)) {
      txn.locks.add(key);
      return null;
    }
    return this.lock(txn, key);
  }

  /** Queue mode only: a read locks the document too, so read-modify-write transactions serialize. */
  lockOnRead(txn: Transaction, key: string): Promise<void> | null {
    return this.mode === 'queue' ? this.claim(txn, key) : null;
  }

  /** Whether committed writes must leave their pre-images for open transactions' snapshots. */
  keepsHistory(): boolean {
    return this.mode === 'conflict' && this.open.size > 0;
  }

  /** A write batch was committed; `before` holds each document's text before it (see keepsHistory). */
  committed(before: { key: string; coll: string; id: DocId; before: string | null }[]): void {
    this.version += 1;
    for (const { key, coll, id, before: text } of before) {
      const entry = this.history.get(key) ?? { coll, id, changes: [] };
      entry.changes.push({ version: this.version, before: text });
      this.history.set(key, entry);
    }
  }

  /**
   * The text `txn`'s snapshot holds for a document changed since it began, or undefined when the
   * store's current text is the snapshot's. null: the document did not exist then.
   */
  snapshotText(txn: Transaction, key: string): string | null | undefined {
    const first = this.history.get(key)?.changes.find((change) => change.version > txn.startVersion);
    return first === undefined ? undefined : first.before;
  }

  /** Documents of `coll` changed since `txn` began: the query engine overlays their snapshot text. */
  changedDocs(txn: Transaction, coll: string): { key: string; id: DocId; text: string | null }[] {
    if (this.mode !== 'conflict') return [];
    const out: { key: string; id: DocId; text: string | null }[] = [];
    for (const [key, entry] of this.history) {
      if (entry.coll !== coll) continue;
      const text = this.snapshotText(txn, key);
      if (text !== undefined) out.push({ key, id: entry.id, text });
    }
    return out;
  }

  end(id: string): void {
    const txn = this.open.get(id);
    if (!txn) return;
    this.open.delete(id);
    clearTimeout(txn.timer);
    this.locks.releaseAll(id, txn.locks);
    this.prune();
  }

  endAll(): void {
    for (const id of [...this.open.keys()]) this.end(id);
  }

  private changedSince(key: string, version: number): boolean {
    return this.history.get(key)?.changes.some((change) => change.version > version) ?? false;
  }

  private async lock(txn: Transaction, key: string): Promise<void> {
    await this.locks.acquire(key, txn.id);
    // The transaction may have expired while it waited.
    if (!this.open.has(txn.id)) {
      this.locks.releaseAll(txn.id, [key]);
      throw new CloudError(DB_ERROR.TRANSACTION_FAIL, NOT_EXIST_MESSAGE);
    }
    txn.locks.add(key);
  }

  /** Drops pre-images no open transaction can still see. */
  private prune(): void {
    if (this.history.size === 0) return;
    if (this.open.size === 0) {
      this.history.clear();
      return;
    }
    const oldest = Math.min(...[...this.open.values()].map((txn) => txn.startVersion));
    for (const [key, entry] of this.history) {
      entry.changes = entry.changes.filter((change) => change.version > oldest);
      if (entry.changes.length === 0) this.history.delete(key);
    }
  }
}
