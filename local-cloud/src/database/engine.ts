/**
 * Document operations over the store, evaluated with mingo, inside or outside a transaction.
 * Every operation reads and writes in one synchronous stretch, so concurrent requests in the one
 * Node process never interleave mid-write; the only waits are for locks held by transactions,
 * after which the operation re-reads from scratch.
 */
import crypto from 'node:crypto';
import { type Doc, cloneValue, decodeStored, docKey, encode } from './ejson';
import { CloudError, DB_ERROR, invalidParam } from './errors';
import type { LockManager } from './locks';
// mingo bound to the local cloud's operators (operators.ts), not mingo's bare defaults.
import { Query, aggregate as mingoAggregate, find as mingoFind, update as mingoUpdate } from './mingo';
import { isPlainObject, planQuery } from './planner';
import { resolve } from 'mingo/util';
import type { CollectionInfo, DocId, Store, Write } from './store';
import type { Transaction, TransactionRegistry } from './transactions';

interface Candidate {
  id: DocId;
  doc: Doc;
  text: string;
}

export interface GetParams {
  query: Doc;
  order?: Record<string, 1 | -1>;
  offset: number;
  limit: number;
  projection?: Doc;
}

export interface ModifyParams {
  query: Doc;
  data: Doc;
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

type Warn = (msg: string, fields?: Record<string, unknown>) => void;

export class Engine {
  constructor(
    private readonly store: Store,
    private readonly locks: LockManager,
    private readonly txns: TransactionRegistry,
    private readonly warn: Warn,
  ) {}

  async get(info: CollectionInfo, params: GetParams, txn?: Transaction): Promise<{ list: string[]; total: number }> {
    for (;;) {
      // Queue mode only: a transaction's read of one document locks it (conflict mode reads a snapshot).
      const id = txn ? idOf(params.query) : undefined;
      const wait = txn && id !== undefined ? this.txns.lockOnRead(txn, lockKey(info.name, id)) : null;
      if (wait) {
        await wait;
        continue;
      }
      const matched = this.matches(info, params.query, txn);
      const textOf = new Map(matched.map((item) => [item.doc, item.text]));
      let docs = matched.map((item) => item.doc);
      if (params.order && Object.keys(params.order).length > 0)
        docs = mingoFind(docs, {}).sort(params.order).all() as Doc[];
      const page = docs.slice(params.offset, params.offset + params.limit);
      const list = params.projection
        ? (mingoFind(page, {}, params.projection).all() as Doc[]).map(encode)
        : page.map((doc) => textOf.get(doc) ?? encode(doc));
      return { list, total: matched.length };
    }
  }

  count(info: CollectionInfo, query: Doc, txn?: Transaction): number {
    return this.matches(info, query, txn).length;
  }

  async insert(info: CollectionInfo, docs: Doc[], txn?: Transaction): Promise<DocId[]> {
    const keyed = docs.map((doc) => {
      const id = doc._id === undefined ? newId() : doc._id;
      const key = docKey(id);
      if (key === undefined) throw invalidParam('_id must be a string, a number or a db.ObjectId');
      return { key, doc: { _id: id, ...doc } };
    });
    const ids = keyed.map((item) => item.key);
    if (new Set(ids).size !== ids.length) throw duplicate(`duplicate _id in one insert`);
    for (;;) {
      const wait = this.blocker(txn, info.name, ids);
      if (wait) {
        await wait;
        continue;
      }
      if (txn) {
        for (const id of ids)
          if (this.readOne(info.name, id, txn) !== undefined) throw duplicate(`_id ${String(id)} already exists`);
      }
      this.write(
        info,
        keyed.map(({ key, doc }) => ({ mode: 'insert', coll: info.name, id: key, doc })),
        txn,
      );
      return ids;
    }
  }

  async modify(
    info: CollectionInfo,
    params: ModifyParams,
    txn?: Transaction,
  ): Promise<{ updated: number; upsertId?: DocId; doc: string | null }> {
    for (;;) {
      const matched = this.matches(info, params.query, txn);
      const targets = params.multi ? matched : matched.slice(0, 1);
      const upsertId = targets.length === 0 && params.upsert ? (idOf(params.query) ?? newId()) : undefined;
      const wait = this.blocker(txn, info.name, upsertId === undefined ? targets.map((item) => item.id) : [upsertId]);
      if (wait) {
        await wait;
        continue;
      }
      const writes: PendingWrite[] = [];
      let doc: string | null = null;
      for (const target of targets) {
        // A replacement keeps the stored _id value itself (a db.ObjectId stays one).
        const next = params.merge ? applyOperators(target.doc, params.data) : replacement(target.doc._id, params.data);
        const text = encode(next);
        if (text !== target.text) writes.push({ mode: 'upsert', coll: info.name, id: target.id, doc: next, text });
        doc = text;
      }
      if (upsertId !== undefined) {
        const base = { ...equalityFields(params.query), _id: upsertId };
        const next = params.merge ? applyOperators(base, params.data) : replacement(upsertId, params.data);
        writes.push({ mode: 'insert', coll: info.name, id: upsertId, doc: next });
      }
      this.write(info, writes, txn);
      // An operator update counts like MongoDB's nModified (identical content does not count); a
      // replacement (doc().set()) counts every matched document, as CloudBase reports it.
      const updated = params.merge ? writes.filter((item) => item.mode === 'upsert').length : targets.length;
      return upsertId === undefined ? { updated, doc } : { updated, upsertId, doc };
    }
  }

  async remove(info: CollectionInfo, query: Doc, multi: boolean, txn?: Transaction): Promise<number> {
    for (;;) {
      const matched = this.matches(info, query, txn);
      const targets = multi ? matched : matched.slice(0, 1);
      const wait = this.blocker(
        txn,
        info.name,
        targets.map((item) => item.id),
      );
      if (wait) {
        await wait;
        continue;
      }
      this.write(
        info,
        targets.map((item) => ({ mode: 'delete', coll: info.name, id: item.id })),
        txn,
      );
      return targets.length;
    }
  }

  aggregate(info: CollectionInfo, pipeline: Doc[]): string[] {
    // The leading $match is the query that reads the collection; the rest runs in mingo, in as
    // few runs as the lookups allow (each run sets mingo up afresh).
    const first = pipeline[0];
    const leading = first && isPlainObject(first.$match) ? first.$match : undefined;
    let docs = leading ? this.matches(info, leading).map((item) => item.doc) : this.wholeCollection(info);
    let segment: Doc[] = [];
    let joined = new Map<string, Doc[]>();
    const flush = (): void => {
      if (segment.length > 0)
        docs = mingoAggregate(docs, segment, {
          collectionResolver: (name: string) => joined.get(name) ?? this.wholeCollection(this.store.collection(name)),
        }) as Doc[];
      segment = [];
      joined = new Map();
    };
    for (const stage of leading ? pipeline.slice(1) : pipeline) {
      const lookup = isPlainObject(stage.$lookup) ? stage.$lookup : undefined;
      const from = lookup?.from;
      if (!lookup || typeof from !== 'string') {
        segment.push(stage);
        continue;
      }
      const byInput = typeof lookup.localField === 'string' && typeof lookup.foreignField === 'string';
      // A lookup by localField needs the documents the stages before it produce.
      if (byInput || joined.has(from)) flush();
      const preselected = this.lookupCandidates(from, lookup, docs);
      if (preselected) joined.set(from, preselected.docs);
      segment.push(preselected?.stage ?? stage);
    }
    flush();
    return docs.map(encode);
  }

  private wholeCollection(info: CollectionInfo): Doc[] {
    return this.candidates(info, {}).map((item) => item.doc);
  }

  /**
   * The documents a $lookup can join, preselected like a query's (mingo still applies the stage):
   * by the values its input brings to `foreignField`; or by its sub-pipeline's leading $match
   * when that uses no variables, which is then applied here and left out of the stage. Undefined
   * when neither applies, or when the sub-pipeline joins further (its own lookups must see whole
   * collections): the stage then reads `from` whole, and warns if no index could have helped.
   */
  private lookupCandidates(from: string, lookup: Doc, input: Doc[]): { docs: Doc[]; stage?: Doc } | undefined {
    const joinedInfo = this.store.collection(from);
    const sub = Array.isArray(lookup.pipeline) ? (lookup.pipeline as unknown[]) : [];
    if (mentionsKey(sub, JOINING_STAGES)) return undefined;
    const { localField, foreignField } = lookup;
    if (typeof localField === 'string' && typeof foreignField === 'string') {
      const values = new Set<unknown>();
      for (const doc of input) {
        const local = resolve(doc, localField) ?? null;
        for (const value of Array.isArray(local) ? local : [local]) values.add(value);
      }
      const query = { [foreignField]: { $in: [...values] } };
      return { docs: values.size === 0 ? [] : this.candidates(joinedInfo, query).map((item) => item.doc) };
    }
    const lead = sub[0];
    if (!isPlainObject(lead) || !isPlainObject(lead.$match) || mentionsKey([lead.$match], ['$expr'])) return undefined;
    return {
      docs: this.matches(joinedInfo, lead.$match).map((item) => item.doc),
      stage: { $lookup: { ...lookup, pipeline: sub.slice(1) } },
    };
  }

  /** Applies a transaction's buffered writes in one SQLite transaction. */
  commit(txn: Transaction): void {
    const writes: Write[] = [...txn.writes.values()].map((item) =>
      item.text === null
        ? { mode: 'delete', coll: item.coll, id: item.id }
        : { mode: 'upsert', coll: item.coll, id: item.id, text: item.text },
    );
    this.applyCommitted(writes);
  }

  /** Writes to the store, keeping the pre-images that open transactions' snapshots still need. */
  private applyCommitted(writes: Write[]): void {
    if (writes.length === 0) return;
    const before = this.txns.keepsHistory()
      ? writes.map((item) => ({
          key: lockKey(item.coll, item.id),
          coll: item.coll,
          id: item.id,
          before: this.store.getById(item.coll, item.id) ?? null,
        }))
      : [];
    this.store.apply(writes);
    this.txns.committed(before);
  }

  private matches(info: CollectionInfo, query: Doc, txn?: Transaction): Candidate[] {
    const candidates = this.candidates(info, query, txn);
    // A query of one string _id is decided by the id alone: most reads are, and compiling them
    // with mingo (which copies its operator tables for every query) would cost more than the read.
    const id = Object.keys(query).length === 1 ? query._id : undefined;
    if (typeof id === 'string') return candidates.filter((item) => item.doc._id === id);
    const compiled = new Query(query);
    return candidates.filter((item) => compiled.test(item.doc));
  }

  /** A superset of the documents matching `query`, in insertion order, as the transaction sees them. */
  private candidates(info: CollectionInfo, query: Doc, txn?: Transaction, warnOnScan = true): Candidate[] {
    const plan = planQuery(query, info);
    if (plan.kind === 'scan' && warnOnScan)
      this.warn('query not supported by an index', { collection: info.name, query: encode(query) });
    const rows = this.store.select(info.name, plan.kind === 'scan' ? null : plan.filter);
    // A transaction sees documents changed since it began as they were then, whatever the index says now.
    const snapshot = new Map(txn ? this.txns.changedDocs(txn, info.name).map((item) => [item.key, item] as const) : []);
    const list: Candidate[] = [];
    const seen = new Set<string>();
    const push = (id: DocId, text: string | null): void => {
      if (text !== null) list.push({ id, text, doc: decodeStored(text) });
    };
    for (const row of rows) {
      const key = lockKey(info.name, row.id);
      seen.add(key);
      const buffered = txn?.writes.get(key);
      const old = snapshot.get(key);
      push(row.id, buffered ? buffered.text : old ? old.text : row.text);
    }
    for (const [key, old] of snapshot) {
      if (seen.has(key)) continue;
      seen.add(key);
      const buffered = txn?.writes.get(key);
      push(old.id, buffered ? buffered.text : old.text);
    }
    for (const [key, buffered] of txn?.writes ?? []) {
      if (buffered.coll === info.name && !seen.has(key)) push(buffered.id, buffered.text);
    }
    return list;
  }

  private readOne(coll: string, id: DocId, txn?: Transaction): string | undefined {
    const key = lockKey(coll, id);
    const buffered = txn?.writes.get(key);
    if (buffered) return buffered.text ?? undefined;
    const old = txn ? this.txns.snapshotText(txn, key) : undefined;
    if (old !== undefined) return old ?? undefined;
    return this.store.getById(coll, id);
  }

  /**
   * Null when the caller may write `ids` now: a transaction then is their writer, a plain write
   * finds none held. Otherwise a wait, after which the caller must re-read. In conflict mode a
   * transaction never waits: TransactionRegistry.claim aborts it with a conflict instead.
   */
  private blocker(txn: Transaction | undefined, coll: string, ids: DocId[]): Promise<void> | null {
    for (const id of ids) {
      const key = lockKey(coll, id);
      if (txn) {
        const wait = this.txns.claim(txn, key);
        if (wait) return wait;
        continue;
      }
      if (this.locks.holder(key) !== undefined) return this.locks.waitUntilFree(key);
    }
    return null;
  }

  private write(info: CollectionInfo, writes: PendingWrite[], txn?: Transaction): void {
    const encoded: Write[] = writes.map((item) => {
      if (item.mode === 'delete') return item;
      this.trackMultikey(info, item.doc);
      return { mode: item.mode, coll: item.coll, id: item.id, text: item.text ?? encode(item.doc) };
    });
    if (!txn) {
      this.applyCommitted(encoded);
      return;
    }
    for (const item of encoded) {
      txn.writes.set(lockKey(item.coll, item.id), {
        coll: item.coll,
        id: item.id,
        text: item.mode === 'delete' ? null : item.text,
      });
    }
  }

  private trackMultikey(info: CollectionInfo, doc: Doc): void {
    for (const index of info.indexes) {
      if (!info.multikey.has(index.name) && index.paths.some((path) => crossesArray(doc, path)))
        this.store.markMultikey(info, index.name);
    }
  }
}

type PendingWrite =
  | { mode: 'insert' | 'upsert'; coll: string; id: DocId; doc: Doc; text?: string }
  | { mode: 'delete'; coll: string; id: DocId };

export function lockKey(coll: string, id: DocId): string {
  return JSON.stringify([coll, id]);
}

/** CloudBase document ids are 32 hex characters. */
function newId(): string {
  return crypto.randomBytes(16).toString('hex');
}

function duplicate(message: string): CloudError {
  return new CloudError(DB_ERROR.DUPLICATE_WRITE, `[FailedOperation] E11000 duplicate key error: ${message}`);
}

/** The `_id` a query pins to one value, as doc(id) operations send `{ _id: id }`. */
function idOf(query: Doc): DocId | undefined {
  const id = query._id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function applyOperators(doc: Doc, data: Doc): Doc {
  const keys = Object.keys(data);
  if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) {
    throw new CloudError(DB_ERROR.REQUEST_FAILED, 'update data must consist of update operators');
  }
  for (const fields of Object.values(data)) {
    if (isPlainObject(fields) && Object.keys(fields).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw invalidParam('不能更新_id的值');
    }
  }
  const next = cloneValue(doc);
  mingoUpdate(next, data);
  return next;
}

function replacement(id: unknown, data: Doc): Doc {
  if (Object.keys(data).some((key) => key.startsWith('$')))
    throw new CloudError(DB_ERROR.REQUEST_FAILED, 'a replacement document cannot hold update operators');
  const rest = { ...data };
  delete rest._id;
  return { _id: id, ...rest };
}

/** The plain `field: value` pairs of a query, which an upsert copies into the new document. */
function equalityFields(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (
      !key.startsWith('$') &&
      !key.includes('.') &&
      !(isPlainObject(value) && Object.keys(value).some((op) => op.startsWith('$')))
    )
      out[key] = value;
  }
  return out;
}

function crossesArray(doc: Doc, path: string): boolean {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (!isPlainObject(current)) return false;
    current = current[segment];
  }
  return Array.isArray(current);
}

/** Stages that read another collection: a sub-pipeline holding one is not preselected. */
const JOINING_STAGES = ['$lookup', '$graphLookup', '$unionWith'];

/** Whether any object key at any depth of `values` is one of `keys`. */
function mentionsKey(values: unknown[], keys: readonly string[]): boolean {
  return values.some(
    (value) =>
      (Array.isArray(value) && mentionsKey(value, keys)) ||
      (isPlainObject(value) &&
        Object.entries(value).some(([key, item]) => keys.includes(key) || mentionsKey([item], keys))),
  );
}
