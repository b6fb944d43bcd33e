/**
 * CloudBase (MongoDB 4.x underneath) refuses to store a field whose name begins with `$`, at any
 * depth, with DATABASE_REQUEST_FAILED. Server dates and EJSON wrappers (`$date`, `$oid`, …) are
 * decoded before this check, so only a document's own field names are seen here.
 */
import type { Doc } from './ejson';
import { CloudError, DB_ERROR } from './errors';
import { isPlainObject } from './planner';

/** For an inserted or replacement document. */
export function assertStorableDocument(doc: Doc): void {
  const name = dollarField(doc);
  if (name !== undefined)
    throw new CloudError(
      DB_ERROR.REQUEST_FAILED,
      `[FailedOperation] Document can't have $ prefixed field names: ${name}`,
    );
}

/** For an operator update: the paths it writes and the documents it sets. */
export function assertStorableUpdate(update: Doc): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, value] of Object.entries(fields)) {
      // `$`, `$[]` and `$[name]` are positional operators, not field names.
      const bad = path.split('.').find((segment) => segment.startsWith('$') && !/^\$(\[[^\]]*\])?$/.test(segment));
      const nested = operator === '$set' || operator === '$setOnInsert' ? dollarField(value) : undefined;
      const name = bad ?? nested;
      if (name !== undefined)
        throw new CloudError(
          DB_ERROR.REQUEST_FAILED,
          `[FailedOperation] The dollar ($) prefixed field '${name}' in '${path}' is not valid for storage.`,
        );
    }
  }
}

function dollarField(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const name = dollarField(item);
      if (name !== undefined) return name;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) return key;
    const name = dollarField(item);
    if (name !== undefined) return name;
  }
  return undefined;
}
