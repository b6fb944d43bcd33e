/**
 * Small typed reads shared by the handlers. Outside a transaction doc().get() answers a list;
 * inside one it answers the document or null (see @cloudbase/database document.js).
 */
import type { Database } from './cloud';
import type { Transaction } from './transaction';

export async function getDoc<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).doc(id).get();
  return ((data as T[])[0] ?? null) as T | null;
}

/** A document named by collection and id. */
export interface DocRef {
  collection: string;
  id: string;
}

/**
 * Two documents by id in one database call instead of two: `second` is joined onto `first` by a
 * $lookup whose sub-pipeline matches its id, which the database answers from the `_id` index.
 * The busiest actions read the caller and the event this way, since under a crowd it is the
 * number of requests the database serves, not one request's latency, that sets the pace. Only
 * when `first` does not exist (nothing to join onto) is `second` read on its own.
 */
export async function getDocPair<T, U>(
  db: Database,
  first: DocRef,
  second: DocRef,
): Promise<{ first: T | null; second: U | null }> {
  const { data } = await db
    .collection(first.collection)
    .aggregate()
    .match({ _id: first.id })
    .replaceRoot({ newRoot: { first: '$$ROOT' } })
    .lookup({
      from: second.collection,
      pipeline: db.command.aggregate.pipeline().match({ _id: second.id }).done(),
      as: 'second',
    })
    .end();
  const joined = (data as { first: T; second: U[] }[])[0];
  if (!joined) return { first: null, second: await getDoc<U>(db, second.collection, second.id) };
  return { first: joined.first, second: joined.second[0] ?? null };
}

export async function getDocInTx<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  const { data } = await tx.collection(collection).doc(id).get();
  return (data as T | null) ?? null;
}

/** `set` refuses a payload that carries `_id`: the id goes in doc(id). */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

export function isDuplicateWrite(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'DATABASE_DUPLICATE_WRITE';
}

/** CloudBase caps one get() at 1000 documents; pages of this size read a whole event's lists. */
const PAGE = 500;
/** Beyond this an event's list is not read whole (no event has that many members). */
const MAX_DOCS = 10_000;

type Where = Parameters<ReturnType<Database['collection']>['where']>[0];

/** Every document matching `where`, ordered by `orderBy` ascending (an indexed field). */
export async function readAll<T>(db: Database, collection: string, where: Where, orderBy: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; skip < MAX_DOCS; skip += PAGE) {
    const { data } = await db.collection(collection).where(where).orderBy(orderBy, 'asc').skip(skip).limit(PAGE).get();
    out.push(...(data as T[]));
    if (data.length < PAGE) break;
  }
  return out;
}

/** The documents of `collection` with these ids (each once; none asked, no query). */
export async function readByIds<T>(db: Database, collection: string, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  return readAll<T>(db, collection, { _id: db.command.in([...new Set(ids)]) }, '_id');
}

/** readByIds in the order of `ids` (unknown ids are skipped). */
export async function readInOrder<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: readonly string[],
): Promise<T[]> {
  const byId = await mapByIds<T>(db, collection, ids);
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** readByIds, keyed by id (unknown ids are absent). */
export async function mapByIds<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, T>> {
  return new Map((await readByIds<T>(db, collection, ids)).map((doc) => [doc._id, doc]));
}

export function registrationId(eventId: string, openid: string): string {
  return `${eventId}_${openid}`;
}

export const checkInId = registrationId;

export function audienceId(eventId: string, branchId: string): string {
  return `${eventId}_${branchId}`;
}
