/**
 * Picks the SQL preselect for a query: an `_id` lookup, or the longest prefix of a declared index
 * whose fields are all pinned by equality (or `$in`). mingo still evaluates the full query on the
 * candidates, so the preselect only has to be a superset of the matches.
 */
import { type Doc, docKey } from './ejson';
import type { CollectionInfo, SqlFilter } from './store';
import { jsonExtract, sqlKey } from './sql-paths';

export type Plan = { kind: 'id' | 'index'; filter: SqlFilter; index?: string } | { kind: 'scan' };

export function planQuery(query: Doc, info: CollectionInfo): Plan {
  const pinned = new Map<string, unknown[]>();
  collectPinned(query, pinned);

  const ids = pinned
    .get('_id')
    ?.map(docKey)
    .filter((value) => value !== undefined);
  if (ids && ids.length === pinned.get('_id')?.length && ids.length > 0) {
    return { kind: 'id', filter: { sql: `id IN (${ids.map(() => '?').join(', ')})`, params: ids } };
  }

  let best: { index: string; clauses: string[]; params: unknown[] } | undefined;
  for (const index of info.indexes) {
    if (info.multikey.has(index.name)) continue;
    const clauses: string[] = [];
    const params: unknown[] = [];
    for (const path of index.paths) {
      const values = pinned.get(path)?.map(sqlKey);
      if (!values || values.length === 0 || values.some((value) => value === undefined)) break;
      clauses.push(
        values.length === 1
          ? `${jsonExtract(path)} = ?`
          : `${jsonExtract(path)} IN (${values.map(() => '?').join(', ')})`,
      );
      params.push(...values);
    }
    if (clauses.length > 0 && (!best || clauses.length > best.clauses.length))
      best = { index: index.name, clauses, params };
  }
  if (!best) return { kind: 'scan' };
  return { kind: 'index', index: best.index, filter: { sql: best.clauses.join(' AND '), params: best.params } };
}

/** Fields the query pins to a finite set of values, from top-level equality, `$eq`, `$in` and `$and`. */
function collectPinned(query: Doc, pinned: Map<string, unknown[]>): void {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectPinned(part, pinned);
      continue;
    }
    if (key.startsWith('$') || pinned.has(key)) continue;
    const values = pinnedValues(value);
    if (values) pinned.set(key, values);
  }
}

function pinnedValues(value: unknown): unknown[] | undefined {
  if (!isPlainObject(value)) return value instanceof RegExp || Array.isArray(value) ? undefined : [value];
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) return undefined;
  if ('$eq' in value && !isPlainObject(value.$eq) && !Array.isArray(value.$eq)) return [value.$eq];
  if (Array.isArray(value.$in) && value.$in.length > 0 && !value.$in.some((item) => item instanceof RegExp))
    return value.$in;
  return undefined;
}

export function isPlainObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
