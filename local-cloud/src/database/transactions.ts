/**
 * Open transactions. Writes are buffered per document (canonical text, or null for a delete) and
 * reach SQLite only at commit, in one SQLite transaction; abort, expiry or a failed commit drops
 * the buffer, so nothing is left behind.
 */
import crypto from 'node:crypto';
import { CloudError, DB_ERROR } from './errors';
import type { LockManager } from './locks';
import type { DocId } from './store';

export interface BufferedWrite {
  coll: string;
  id: DocId;
  text: string | null;
}

export interface Transaction {
  id: string;
  writes: Map<string, BufferedWrite>;
  locks: Set<string>;
  timer: NodeJS.Timeout;
}

export class TransactionRegistry {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly locks: LockManager,
    /** MongoDB's default transactionLifetimeLimitSeconds is 60; an abandoned transaction must not hold locks forever. */
    private readonly lifetimeMs: number,
  ) {}

  start(): Transaction {
    const id = crypto.randomBytes(16).toString('hex');
    const timer = setTimeout(() => this.end(id), this.lifetimeMs);
    timer.unref();
    const txn: Transaction = { id, writes: new Map(), locks: new Set(), timer };
    this.open.set(id, txn);
    return txn;
  }

  /** The open transaction named by a request, or undefined when the request carries none. */
  find(transactionId: unknown): Transaction | undefined {
    if (transactionId === undefined || transactionId === null || transactionId === '') return undefined;
    const txn = typeof transactionId === 'string' ? this.open.get(transactionId) : undefined;
    if (!txn)
      throw new CloudError(
        DB_ERROR.TRANSACTION_FAIL,
        `transaction ${String(transactionId)} is not open (committed, aborted or expired)`,
      );
    return txn;
  }

  tryLock(txn: Transaction, key: string): boolean {
    if (!this.locks.tryAcquire(key, txn.id)) return false;
    txn.locks.add(key);
    return true;
  }

  async lock(txn: Transaction, key: string): Promise<void> {
    await this.locks.acquire(key, txn.id);
    // The transaction may have expired while it waited.
    if (!this.open.has(txn.id)) {
      this.locks.releaseAll(txn.id, [key]);
      throw new CloudError(DB_ERROR.TRANSACTION_FAIL, `transaction ${txn.id} expired`);
    }
    txn.locks.add(key);
  }

  end(id: string): void {
    const txn = this.open.get(id);
    if (!txn) return;
    this.open.delete(id);
    clearTimeout(txn.timer);
    this.locks.releaseAll(id, txn.locks);
  }

  endAll(): void {
    for (const id of [...this.open.keys()]) this.end(id);
  }
}
