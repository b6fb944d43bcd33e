/**
 * Canonical Extended JSON in and out, with the same `bson` 4.7.2 the SDK uses. Values are held in
 * memory as plain JS (numbers, Date, RegExp) because that is what mingo evaluates.
 */
import { BSONRegExp, EJSON, ObjectId } from 'bson';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth';
import { invalidParam } from './errors';
import type { DocId } from './store';

export type Doc = Record<string, unknown>;

/** Parses an EJSON string from a request; `{ $tcb_server_date: { offset } }` becomes a Date now. */
export function decodeRequestValue(text: unknown, field: string, now: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${field} must be an EJSON string`);
  if (jsonTooDeep(text)) throw invalidParam(`${field} nests deeper than ${MAX_JSON_DEPTH} levels`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (err) {
    throw invalidParam(`${field} is not valid EJSON: ${(err as Error).message}`);
  }
  return toPlain(parsed, now);
}

/** Parses a stored document (already plain: no server dates). */
export function decodeStored(text: string): Doc {
  return toPlain(EJSON.parse(text, { relaxed: true }), 0) as Doc;
}

export function encode(value: unknown): string {
  return EJSON.stringify(value as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
}

function toPlain(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options);
  if (Array.isArray(value)) return value.map((item) => toPlain(item, now));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  const serverDate = record.$tcb_server_date as { offset?: unknown } | undefined;
  if (serverDate !== undefined && Object.keys(record).length === 1) {
    // db.serverDate({ offset }) — the server's clock plus offset milliseconds.
    const offset = typeof serverDate.offset === 'number' ? serverDate.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = toPlain(item, now);
  return out;
}

/**
 * The store key of an `_id` value: strings and numbers as they are, a `db.ObjectId` as its 24 hex
 * digits (so an ObjectId and the string of the same digits share one key: see the README).
 */
export function docKey(value: unknown): DocId | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  return value instanceof ObjectId ? value.toHexString() : undefined;
}

/** A deep copy that keeps Dates, RegExps and ObjectIds (structuredClone turns an ObjectId into `{}`). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = cloneValue(item);
  return out as T;
}

/**
 * A stored document's text as the reply carries it. CloudBase hands ObjectId values back as their
 * hex string (the SDK would decode `{"$oid"}` into an ObjectId with no enumerable fields, i.e. `{}`).
 */
export function replyText(text: string): string {
  if (!text.includes('"$oid"')) return text;
  return EJSON.stringify(oidsToHex(EJSON.parse(text, { relaxed: false })) as Parameters<typeof EJSON.stringify>[0], {
    relaxed: false,
  });
}

function oidsToHex(value: unknown): unknown {
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map(oidsToHex);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = oidsToHex(item);
  return out;
}
