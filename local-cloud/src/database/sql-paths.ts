/**
 * How a document field path appears in SQL. Index definitions and query filters must produce the
 * identical expression text, or SQLite will not use the expression index.
 */
import { encode } from './ejson';

export function jsonExtract(path: string): string {
  const segments = path
    .split('.')
    .map((segment) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? segment : `"${segment.replace(/"/g, '""')}"`));
  return `json_extract(doc, '$.${segments.join('.').replace(/'/g, "''")}')`;
}

/** A value comparable with `json_extract` over canonical EJSON, or undefined if it has none. */
export function sqlKey(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value;
  // JSON true/false come back from json_extract as integers; numbers are stored wrapped
  // ({"$numberInt":…}), so 1/0 here cannot collide with a stored number.
  if (typeof value === 'boolean') return value ? 1 : 0;
  // Stored documents are always re-encoded from plain JS, so a number or Date has exactly one
  // canonical text, and json_extract returns an object member as that same minified text.
  if (typeof value === 'number' || value instanceof Date) return encode(value);
  return undefined;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
