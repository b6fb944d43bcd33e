/**
 * Operators the query engine registers with mingo (its context-based plug-in API) where mingo
 * lacks one or differs from MongoDB, which CloudBase runs: `$indexOfCP`, `$substr`/`$substrBytes`
 * with a negative length, `$week`, `$elemMatch` with field conditions, `$jsonSchema`, and the geo
 * operators, refused as CloudBase refuses them on a field without a geo index.
 */
import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types/types';
import { geoPipelineOperators, geoQueryOperators } from './geo';
import { compileJsonSchema } from './json-schema';
import { $elemMatch } from './elem-match';
import { expressionError } from './errors';

type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

/** `{ $indexOfCP: [string, substring, start?, end?] }`: the code-point index, or -1. */
const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options) as unknown[];
  if (!Array.isArray(args) || args.length < 2 || args.length > 4)
    throw expressionError('$indexOfCP', 'requires 2 to 4 arguments');
  const [text, search, start, end] = args;
  if (text === null || text === undefined) return null;
  if (typeof text !== 'string') throw expressionError('$indexOfCP', 'requires a string as the first argument');
  if (typeof search !== 'string') throw expressionError('$indexOfCP', 'requires a string as the second argument');
  const points = Array.from(text);
  const from = indexArg(start, 0, '$indexOfCP');
  const to = Math.min(indexArg(end, points.length, '$indexOfCP'), points.length);
  const needle = Array.from(search);
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((point, k) => points[i + k] === point)) return i;
  }
  return -1;
};

/**
 * `{ $substrBytes: [string, byteIndex, byteCount] }` ($substr is its deprecated alias). MongoDB
 * takes a negative count as "to the end of the string"; mingo refuses it.
 */
function substrBytes(name: string): ExpressionOperator {
  return (obj, expr, options) => {
    const args = evalExpr(obj, expr, options) as unknown[];
    if (!Array.isArray(args) || args.length !== 3) throw expressionError(name, 'requires 3 arguments');
    const [value, start, count] = args;
    if (typeof start !== 'number' || typeof count !== 'number')
      throw expressionError(name, 'the index and count must be numbers');
    const text =
      value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
    const bytes = Buffer.from(text, 'utf8');
    if (start < 0 || start >= bytes.length) return '';
    const from = Math.trunc(start);
    const to = count < 0 ? bytes.length : Math.min(bytes.length, from + Math.trunc(count));
    if (isContinuationByte(bytes[from]))
      throw expressionError(name, 'Invalid range, starting index is a UTF-8 continuation byte.');
    if (to < bytes.length && isContinuationByte(bytes[to]))
      throw expressionError(name, 'Invalid range, ending index is in the middle of a UTF-8 character.');
    return bytes.subarray(from, to).toString('utf8');
  };
}

/**
 * `{ $week: date }` or `{ $week: { date, timezone } }`: MongoDB's week of the year, 0–53, where
 * weeks start on Sunday and days before the year's first Sunday are week 0 (mingo counts ISO-like).
 */
const $week: ExpressionOperator = (obj, expr, options) => {
  const arg = evalExpr(obj, expr, options);
  const { date, timezone } =
    arg instanceof Date ? { date: arg, timezone: undefined } : ((arg ?? {}) as { date?: unknown; timezone?: unknown });
  if (date === null || date === undefined) return null;
  if (!(date instanceof Date)) throw expressionError('$week', "can't convert the argument to a date");
  const local = shiftToZone(date, timezone);
  const dayOfYear = Math.floor((local.getTime() - Date.UTC(local.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return Math.floor((dayOfYear - local.getUTCDay() + 6) / 7);
};

/** The date moved so its UTC fields read as wall-clock time in `timezone` (an offset or an IANA name). */
function shiftToZone(date: Date, timezone: unknown): Date {
  if (timezone === undefined || timezone === null) return date;
  if (typeof timezone !== 'string') throw expressionError('$week', 'timezone must be a string');
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return new Date(date.getTime() + (offset[1] === '-' ? -minutes : minutes) * 60_000);
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(date);
  } catch {
    throw expressionError('$week', `unrecognized time zone identifier: "${timezone}"`);
  }
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')));
}

function indexArg(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw expressionError(name, 'the start and end indexes must be non-negative integers');
  return value;
}

function isContinuationByte(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

type ContextOps = Parameters<typeof Context.init>[0];

const OURS = Context.init({
  expression: { $indexOfCP, $substr: substrBytes('$substr'), $substrBytes: substrBytes('$substrBytes'), $week },
  query: { $elemMatch, ...geoQueryOperators },
  pipeline: geoPipelineOperators,
} as unknown as ContextOps);

const MINGO_DEFAULTS = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
} as unknown as ContextOps);

// Context.from keeps the first definition of a name, so ours go first.
const CONTEXT = Context.from(OURS, MINGO_DEFAULTS);

/** Options for every mingo call the engine makes: the operators above plus `$jsonSchema`. */
export const MINGO_OPTIONS = {
  context: CONTEXT,
  jsonSchemaValidator: compileJsonSchema,
} as const;
