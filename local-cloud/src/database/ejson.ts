/**
 * Canonical Extended JSON in and out, with the same `bson` 4.7.2 the SDK uses. Values are held in
 * memory as plain JS (numbers, Date, RegExp) because that is what mingo evaluates.
 */
import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;

/** Parses an EJSON string from a request; `{ $tcb_server_date: { offset } }` becomes a Date now. */
export function decodeRequestValue(text: unknown, field: string, now: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${field} must be an EJSON string`);
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
