/**
 * Every action, through the gateway, with malformed payloads generated from its valid one:
 * operator objects, prototype keys, deep nesting, huge strings, impossible instants, wrong types.
 * Whatever arrives, the answer is a stable error code from the contract's table (never INTERNAL,
 * never a stack or a path) and the database is exactly as it was.
 */
import { createHash } from 'node:crypto';
import { ERROR_MESSAGES, type ActionName, type ApiResult } from '../../src/contract';
import { COLLECTIONS } from '../../src/db/collections';
import { actionPayloads } from './action-payloads';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());

const payloads = actionPayloads(() => cloud);

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Values no field of any action accepts. */
const POISON: [string, unknown][] = [
  ['operator object', { $gt: '' }],
  ['query operator', { $where: 'sleep(5000)', $ne: null }],
  // Deeper than this the gateway itself refuses the request (local-cloud/src/json-depth.ts).
  ['deep nesting', deep(200)],
  ['huge string', '长'.repeat(100_000)],
  ['nested array', [[[['x']]]]],
];
const ISO = /^\d{4}-\d{2}-\d{2}T/;
const BAD_INSTANTS = [
  '2026-12-04T14:30:00+99:99',
  '2026-12-04T14:30:00+24:00',
  '2026-12-04T14:30:00+14:60',
  '2026-02-30T10:00:00+08:00',
  '2026-12-04T24:00:00+08:00',
  '1969-12-31T23:59:59Z',
];

interface Case {
  name: string;
  /** JSON text of `data`, so keys like __proto__ reach the function as own keys. */
  json: string;
}

function withKey(value: Record<string, unknown>, key: string, bad: unknown): string {
  const text = JSON.stringify(value);
  const extra = `${JSON.stringify(key)}:${JSON.stringify(bad)}`;
  return text === '{}' ? `{${extra}}` : `${text.slice(0, -1)},${extra}}`;
}

function casesFor(valid: unknown): Case[] {
  const cases: Case[] = [];
  if (typeof valid !== 'object' || valid === null) return cases;
  const top = valid as Record<string, unknown>;
  for (const key of ['__proto__', 'constructor', '$where'])
    cases.push({ name: `extra key ${key}`, json: withKey(top, key, { polluted: true }) });
  const visit = (obj: Record<string, unknown>, path: string[], depth: number): void => {
    for (const [key, value] of Object.entries(obj)) {
      const at = [...path, key];
      const replace = (bad: unknown): string => {
        const copy = structuredClone(top);
        let cursor = copy as Record<string, unknown>;
        for (const segment of at.slice(0, -1)) cursor = cursor[segment] as Record<string, unknown>;
        cursor[at.at(-1) as string] = bad;
        return JSON.stringify(copy);
      };
      for (const [label, bad] of POISON) cases.push({ name: `${at.join('.')}: ${label}`, json: replace(bad) });
      if (typeof value === 'string' && ISO.test(value))
        for (const bad of BAD_INSTANTS) cases.push({ name: `${at.join('.')}: instant ${bad}`, json: replace(bad) });
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && depth < 2) {
        cases.push({ name: `${at.join('.')}: __proto__ inside`, json: replace(JSON.parse('{"__proto__":{"x":1}}')) });
        visit(value as Record<string, unknown>, at, depth + 1);
      }
    }
  };
  visit(top, [], 0);
  return cases;
}

/** A digest of every document of every collection: any write shows. */
async function databaseDigest(): Promise<string> {
  const db = cloud.db();
  const hash = createHash('sha256');
  for (const name of Object.keys(COLLECTIONS).sort()) {
    for (let skip = 0; ; skip += 1000) {
      const { data } = await db.collection(name).skip(skip).limit(1000).get();
      hash.update(name).update(JSON.stringify(data));
      if (data.length < 1000) break;
    }
  }
  return hash.digest('hex');
}

const STABLE_CODES = new Set(Object.keys(ERROR_MESSAGES).filter((code) => code !== 'INTERNAL'));

it.each(Object.keys(payloads) as ActionName[])(
  '%s refuses every malformed payload with a stable code and writes nothing',
  async (action) => {
    const { valid, caller, prepare } = payloads[action];
    await prepare?.();
    const before = await databaseDigest();
    const cases = casesFor(valid);
    expect(cases.length).toBeGreaterThan(2);
    const answers = await Promise.all(
      cases.map(async (c) => {
        const event = JSON.parse(`{"action":${JSON.stringify(action)},"data":${c.json}}`) as unknown;
        const answer = await cloud.callFunction<ApiResult<unknown>>('api', event, { openid: caller ?? 'o-newcomer' });
        return { name: c.name, answer };
      }),
    );
    for (const { name, answer } of answers) {
      const text = JSON.stringify(answer);
      expect({ name, ok: answer.ok }).toEqual({ name, ok: false });
      if (!answer.ok) expect({ name, stable: STABLE_CODES.has(answer.error.code) }).toEqual({ name, stable: true });
      expect(text).not.toMatch(/node_modules|\/work\/|\bat [\w.]+ \(|stack/);
    }
    expect(await databaseDigest()).toBe(before);
  },
  60_000,
);
