/**
 * Every WeChat cloud call the functions made, kept for tests and developers to inspect
 * (GET /__local/outbox), persisted as JSON in the data dir; plus the failures tests queued with
 * POST /__local/outbox/fail-next.
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

export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly failures = new Map<string, QueuedFailure[]>();

  constructor(private readonly file: string) {
    try {
      this.entries = JSON.parse(fs.readFileSync(file, 'utf8')) as OutboxEntry[];
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
    this.persist();
    return full;
  }

  /** The next call of `api` fails with this errcode (queued failures are used in order). */
  failNext(api: string, failure: QueuedFailure): void {
    const queue = this.failures.get(api) ?? [];
    queue.push(failure);
    this.failures.set(api, queue);
  }

  takeFailure(api: string): QueuedFailure | undefined {
    const queue = this.failures.get(api);
    const failure = queue?.shift();
    if (queue && queue.length === 0) this.failures.delete(api);
    return failure;
  }

  reset(): void {
    this.entries = [];
    this.failures.clear();
    this.persist();
  }

  private persist(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(this.entries, null, 2));
  }
}
