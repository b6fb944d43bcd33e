/** Offset paging for list actions: one extra document tells whether another page exists. */
import type { Database } from './cloud';

export type Query = ReturnType<ReturnType<Database['collection']>['where']>;

export interface DocPage<T> {
  docs: T[];
  nextOffset: number | null;
}

export async function readPage<T>(query: Query, offset: number, limit: number): Promise<DocPage<T>> {
  const { data } = await query
    .skip(offset)
    .limit(limit + 1)
    .get();
  const docs = data as T[];
  return { docs: docs.slice(0, limit), nextOffset: docs.length > limit ? offset + limit : null };
}
