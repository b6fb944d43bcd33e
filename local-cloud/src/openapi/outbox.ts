/**
 * Every WeChat cloud call the functions made, kept for tests and developers to inspect
 * (GET /__local/outbox), persisted in the data dir as JSON lines, one appended per call (a
 * fan-out of 10,000 sends writes 10,000 lines, not 10,000 copies of a growing file); plus the
 * faults tests queued: POST /__local/outbox/fail-next (the next call of an API fails) and
 * POST /__local/outbox/fail-nth (the n-th call from now fails, or answers only after a delay).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface OutboxEntry {
  seq: number;
  at: string;
  api: string;
  appid?: string;
  /** Parameters as the WeChat server receives them (snake_case). */
  params: Record<string, unknown>;
  errcode: number;
  errmsg: string;
}

export interface QueuedFailure {
  errcode: number;
  errmsg: string;
}

/** A fault armed for the n-th call of an API: a failure, a delay before answering, or both. */
export interface ArmedFault {
  api: string;
  /** Calls of `api` still to come before the faulty one (0: the next). */
  remaining: number;
  failure?: QueuedFailure;
  delayMs?: number;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly failures = new Map<string, QueuedFailure[]>();
  private armed: ArmedFault[] = [];

  constructor(private readonly file: string) {
    try {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.entries.push(JSON.parse(line) as OutboxEntry);
        } catch {
          // a line torn by a kill mid-write
        }
      }
    } catch {
      this.entries = [];
    }
  }

  list(api?: string): OutboxEntry[] {
    return api ? this.entries.filter((e) => e.api === api) : [...this.entries];
  }

  record(entry: Omit<OutboxEntry, 'seq' | 'at'>): OutboxEntry {
    const full: OutboxEntry = { seq: (this.entries.at(-1)?.seq ?? 0) + 1, at: new Date().toISOString(), ...entry };
    this.entries.push(full);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    return full;
  }

  /** The next call of `api` fails with this errcode (queued failures are used in order). */
  failNext(api: string, failure: QueuedFailure): void {
    const queue = this.failures.get(api) ?? [];
    queue.push(failure);
    this.failures.set(api, queue);
  }

  /** The n-th call of `api` from now (1: the next) gets this fault. */
  armNth(api: string, n: number, fault: { failure?: QueuedFailure; delayMs?: number }): void {
    this.armed.push({ api, remaining: n - 1, ...fault });
  }

  /** Counts a call of `api` and answers the fault it gets, if any. */
  takeFault(api: string): { failure?: QueuedFailure; delayMs?: number } {
    let fault: { failure?: QueuedFailure; delayMs?: number } = {};
    for (const armed of this.armed) {
      if (armed.api !== api) continue;
      if (armed.remaining === 0) fault = { failure: armed.failure ?? fault.failure, delayMs: armed.delayMs };
      armed.remaining -= 1;
    }
    this.armed = this.armed.filter((a) => a.remaining >= 0);
    const queue = this.failures.get(api);
    const next = fault.failure ? undefined : queue?.shift();
    if (queue && queue.length === 0) this.failures.delete(api);
    return next ? { ...fault, failure: next } : fault;
  }

  reset(): void {
    this.entries = [];
    this.failures.clear();
    this.armed = [];
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, '');
  }
}
