/**
 * The mingo entry points the engine uses, bound to the project's operator context. mingo's own
 * `index` merges its defaults in front of any caller context (its operators win over plug-ins),
 * so the engine builds on mingo's `query`, `aggregator` and `updater` modules instead.
 */
import type { AnyObject, Criteria, Projection } from 'mingo/types/types';
import { Aggregator } from 'mingo/aggregator';
import { Query as BaseQuery } from 'mingo/query';
import { update as baseUpdate } from 'mingo/updater';
import { MINGO_OPTIONS } from './operators';

export class Query extends BaseQuery<AnyObject> {
  constructor(condition: Criteria<AnyObject>) {
    super(condition, MINGO_OPTIONS);
  }
}

export function find(docs: AnyObject[], condition: Criteria<AnyObject>, projection?: Projection<AnyObject>) {
  return new Query(condition).find<AnyObject>(docs, projection);
}

export function aggregate(
  docs: AnyObject[],
  pipeline: AnyObject[],
  options: { collectionResolver?: (name: string) => AnyObject[] } = {},
): AnyObject[] {
  return new Aggregator(pipeline, { ...MINGO_OPTIONS, ...options }).run(docs);
}

export function update(doc: AnyObject, modifier: AnyObject): string[] {
  return baseUpdate(doc, modifier, undefined, undefined, { queryOptions: MINGO_OPTIONS });
}
