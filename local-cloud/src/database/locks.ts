/**
 * Exclusive per-document locks held by transactions until they commit or abort. A transaction
 * that touches a locked document waits its turn (so contending transactions serialize); a wait
 * that would close a cycle, or outlasts `timeoutMs`, fails with DATABASE_TRANSACTION_CONFLICT,
 * which the SDK's runTransaction retries. Writes outside transactions wait for the lock to be free.
 */
import { transactionConflict } from './errors';

interface Waiter {
  /** null for a write outside any transaction: it is woken, not granted the lock. */
  owner: string | null;
  resolve(): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class LockManager {
  private readonly holders = new Map<string, string>();
  private readonly queues = new Map<string, Waiter[]>();
  private readonly waitingFor = new Map<string, string>();

  constructor(private readonly timeoutMs: number) {}

  holder(key: string): string | undefined {
    return this.holders.get(key);
  }

  /** Takes `key` for `owner` if nobody holds it; synchronous, so no other request runs in between. */
  tryAcquire(key: string, owner: string): boolean {
    const holder = this.holders.get(key);
    if (holder === undefined) this.holders.set(key, owner);
    return holder === undefined || holder === owner;
  }

  /** Resolves once `owner` holds `key`. */
  acquire(key: string, owner: string): Promise<void> {
    const holder = this.holders.get(key);
    if (holder === undefined) {
      this.holders.set(key, owner);
      return Promise.resolve();
    }
    if (holder === owner) return Promise.resolve();
    if (this.wouldDeadlock(holder, owner))
      return Promise.reject(transactionConflict('transaction deadlock detected, retry'));
    this.waitingFor.set(owner, key);
    return this.enqueue(key, owner);
  }

  /** Resolves when `key` is not held (it may be taken again before the caller runs). */
  waitUntilFree(key: string): Promise<void> {
    if (!this.holders.has(key)) return Promise.resolve();
    return this.enqueue(key, null);
  }

  /** Releases every lock of `owner` and drops any wait it still has pending. */
  releaseAll(owner: string, keys: Iterable<string>): void {
    const pending = this.waitingFor.get(owner);
    if (pending !== undefined) {
      const queue = this.queues.get(pending) ?? [];
      for (const waiter of queue.filter((item) => item.owner === owner)) {
        clearTimeout(waiter.timer);
        waiter.reject(transactionConflict('transaction ended while waiting for a lock'));
      }
      this.setQueue(
        pending,
        queue.filter((item) => item.owner !== owner),
      );
      this.waitingFor.delete(owner);
    }
    for (const key of keys) {
      if (this.holders.get(key) === owner) {
        this.holders.delete(key);
        this.handOver(key);
      }
    }
  }

  private enqueue(key: string, owner: string | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        owner,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.setQueue(
            key,
            (this.queues.get(key) ?? []).filter((item) => item !== waiter),
          );
          if (owner !== null) this.waitingFor.delete(owner);
          reject(transactionConflict(`lock wait timeout after ${this.timeoutMs} ms`));
        }, this.timeoutMs),
      };
      const queue = this.queues.get(key) ?? [];
      queue.push(waiter);
      this.queues.set(key, queue);
    });
  }

  private handOver(key: string): void {
    const queue = this.queues.get(key) ?? [];
    while (queue.length > 0) {
      const waiter = queue.shift() as Waiter;
      clearTimeout(waiter.timer);
      if (waiter.owner === null) {
        waiter.resolve();
        continue;
      }
      this.waitingFor.delete(waiter.owner);
      this.holders.set(key, waiter.owner);
      waiter.resolve();
      break;
    }
    this.setQueue(key, queue);
  }

  /** True if `holder` (transitively) waits for a lock that `owner` holds. */
  private wouldDeadlock(holder: string, owner: string): boolean {
    const seen = new Set<string>();
    let current: string | undefined = holder;
    while (current !== undefined && !seen.has(current)) {
      if (current === owner) return true;
      seen.add(current);
      const key = this.waitingFor.get(current);
      current = key === undefined ? undefined : this.holders.get(key);
    }
    return false;
  }

  private setQueue(key: string, queue: Waiter[]): void {
    if (queue.length === 0) this.queues.delete(key);
    else this.queues.set(key, queue);
  }
}
