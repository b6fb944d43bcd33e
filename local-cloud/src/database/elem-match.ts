/**
 * `$elemMatch` with MongoDB's semantics. Operator-only criteria (`{ $gt: 0 }`) test each element
 * itself; criteria naming fields (`{ value: { $gt: 0 } }`) match only elements that are embedded
 * documents. mingo also lets such criteria match plain values, which MongoDB never does.
 */
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types/types';
import { resolve } from 'mingo/util';
import type { Doc } from './ejson';
import { isPlainObject } from './planner';

const SELF = 'element';

export function $elemMatch(selector: string, criteria: unknown, options: Options): (doc: Doc) => boolean {
  if (!isPlainObject(criteria)) throw new TypeError('$elemMatch needs an object');
  const keys = Object.keys(criteria);
  const onValue = keys.length > 0 && keys.every((key) => key.startsWith('$') && !['$and', '$or', '$nor'].includes(key));
  const query = new Query<Doc>(onValue ? { [SELF]: criteria } : criteria, options);
  const test = onValue
    ? (element: unknown) => query.test({ [SELF]: element })
    : (element: unknown) => isPlainObject(element) && query.test(element);
  return (doc) => {
    const value = resolve(doc, selector, { unwrapArray: true });
    return Array.isArray(value) && value.some(test);
  };
}
