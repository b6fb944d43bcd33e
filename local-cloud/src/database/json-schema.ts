/**
 * `$jsonSchema` for the query engine: the subset of JSON Schema draft 4 that MongoDB supports,
 * plus its `bsonType`. Documents are held as plain JS, so an integral double (2.0) counts as
 * an int here, where MongoDB keeps the stored type.
 */
import { ObjectId } from 'bson';
import { CloudError, DB_ERROR } from './errors';
import { isPlainObject } from './planner';

type Predicate = (value: unknown) => boolean;
type Schema = Record<string, unknown>;

const BSON_TYPES: Record<string, Predicate> = {
  double: (v) => typeof v === 'number',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: isPlainObject,
  array: Array.isArray,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
  objectId: (v) => v instanceof ObjectId,
};

/** JSON Schema's own `type` names; MongoDB has no `integer`. */
const JSON_TYPES: Record<string, Predicate> = {
  object: isPlainObject,
  array: Array.isArray,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const IGNORED = new Set(['title', 'description']);

/** mingo's `jsonSchemaValidator` option: compiles a schema into a document predicate. */
export function compileJsonSchema(schema: Record<string, unknown>): (doc: Record<string, unknown>) => boolean {
  const test = compile(schema);
  return (doc) => test(doc);
}

function compile(schema: unknown): Predicate {
  if (!isPlainObject(schema)) throw schemaError('a schema must be an object');
  const checks: Predicate[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    if (IGNORED.has(keyword) || keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') continue;
    checks.push(keywordCheck(keyword, arg, schema));
  }
  return (value) => checks.every((check) => check(value));
}

function keywordCheck(keyword: string, arg: unknown, schema: Schema): Predicate {
  switch (keyword) {
    case 'bsonType':
      return typeCheck(arg, BSON_TYPES, keyword);
    case 'type':
      return typeCheck(arg, JSON_TYPES, keyword);
    case 'enum': {
      if (!Array.isArray(arg)) throw schemaError('enum must be an array');
      const texts = arg.map((item) => JSON.stringify(item));
      return (v) => texts.includes(JSON.stringify(v));
    }
    case 'allOf':
    case 'anyOf':
    case 'oneOf': {
      if (!Array.isArray(arg)) throw schemaError(`${keyword} must be an array`);
      const parts = arg.map(compile);
      if (keyword === 'allOf') return (v) => parts.every((p) => p(v));
      if (keyword === 'anyOf') return (v) => parts.some((p) => p(v));
      return (v) => parts.filter((p) => p(v)).length === 1;
    }
    case 'not': {
      const inner = compile(arg);
      return (v) => !inner(v);
    }
    case 'minimum':
    case 'maximum':
      return numberCheck(keyword, arg, schema);
    case 'multipleOf':
      return onNumbers((v) => v % num(arg, keyword) === 0);
    case 'minLength':
      return onStrings((v) => Array.from(v).length >= num(arg, keyword));
    case 'maxLength':
      return onStrings((v) => Array.from(v).length <= num(arg, keyword));
    case 'pattern': {
      if (typeof arg !== 'string') throw schemaError('pattern must be a string');
      const re = new RegExp(arg, 'u');
      return onStrings((v) => re.test(v));
    }
    case 'required': {
      if (!Array.isArray(arg)) throw schemaError('required must be an array');
      return onObjects((v) => arg.every((name) => Object.prototype.hasOwnProperty.call(v, String(name))));
    }
    case 'minProperties':
      return onObjects((v) => Object.keys(v).length >= num(arg, keyword));
    case 'maxProperties':
      return onObjects((v) => Object.keys(v).length <= num(arg, keyword));
    case 'properties':
      return propertiesCheck(arg);
    case 'patternProperties':
    case 'additionalProperties':
      return keyword === 'additionalProperties' ? additionalCheck(arg, schema) : patternCheck(arg);
    case 'dependencies':
      return dependenciesCheck(arg);
    case 'items':
      return itemsCheck(arg, schema.additionalItems);
    case 'additionalItems':
      return () => true; // applied together with items
    case 'minItems':
      return onArrays((v) => v.length >= num(arg, keyword));
    case 'maxItems':
      return onArrays((v) => v.length <= num(arg, keyword));
    case 'uniqueItems':
      return onArrays((v) => arg !== true || new Set(v.map((item) => JSON.stringify(item))).size === v.length);
    default:
      throw schemaError(`Unknown $jsonSchema keyword: ${keyword}`);
  }
}

function typeCheck(arg: unknown, table: Record<string, Predicate>, keyword: string): Predicate {
  const names = Array.isArray(arg) ? arg : [arg];
  const tests = names.map((name) => {
    const test = typeof name === 'string' ? table[name] : undefined;
    if (!test) throw schemaError(`Unknown type name alias: ${String(name)} in ${keyword}`);
    return test;
  });
  return (v) => tests.some((test) => test(v));
}

function numberCheck(keyword: 'minimum' | 'maximum', arg: unknown, schema: Schema): Predicate {
  const bound = num(arg, keyword);
  const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
  if (keyword === 'minimum') return onNumbers((v) => (exclusive ? v > bound : v >= bound));
  return onNumbers((v) => (exclusive ? v < bound : v <= bound));
}

function propertiesCheck(arg: unknown): Predicate {
  if (!isPlainObject(arg)) throw schemaError('properties must be an object');
  const tests = Object.entries(arg).map(([name, sub]) => [name, compile(sub)] as const);
  return onObjects((v) => tests.every(([name, test]) => !(name in v) || test(v[name])));
}

function patternCheck(arg: unknown): Predicate {
  if (!isPlainObject(arg)) throw schemaError('patternProperties must be an object');
  const tests = Object.entries(arg).map(([pattern, sub]) => [new RegExp(pattern, 'u'), compile(sub)] as const);
  return onObjects((v) =>
    Object.entries(v).every(([name, value]) => tests.every(([re, test]) => !re.test(name) || test(value))),
  );
}

/** Properties neither listed in `properties` nor matched by `patternProperties`. */
function additionalCheck(arg: unknown, schema: Schema): Predicate {
  const listed = new Set(isPlainObject(schema.properties) ? Object.keys(schema.properties) : []);
  const patterns = isPlainObject(schema.patternProperties)
    ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u'))
    : [];
  const test = typeof arg === 'boolean' ? () => arg : compile(arg);
  return onObjects((v) =>
    Object.entries(v).every(([name, value]) => listed.has(name) || patterns.some((re) => re.test(name)) || test(value)),
  );
}

function dependenciesCheck(arg: unknown): Predicate {
  if (!isPlainObject(arg)) throw schemaError('dependencies must be an object');
  const tests = Object.entries(arg).map(([name, dep]): [string, Predicate] => {
    if (Array.isArray(dep))
      return [name, (v) => dep.every((other) => Object.keys(v as Schema).includes(String(other)))];
    return [name, compile(dep)];
  });
  return onObjects((v) => tests.every(([name, test]) => !(name in v) || test(v)));
}

function itemsCheck(arg: unknown, additional: unknown): Predicate {
  if (!Array.isArray(arg)) {
    const test = compile(arg);
    return onArrays((v) => v.every(test));
  }
  const tests = arg.map(compile);
  const rest =
    additional === undefined || additional === true
      ? () => true
      : additional === false
        ? () => false
        : compile(additional);
  return onArrays((v) => v.every((item, i) => (i < tests.length ? tests[i](item) : rest(item))));
}

function onNumbers(test: (v: number) => boolean): Predicate {
  return (v) => typeof v !== 'number' || test(v);
}

function onStrings(test: (v: string) => boolean): Predicate {
  return (v) => typeof v !== 'string' || test(v);
}

function onObjects(test: (v: Schema) => boolean): Predicate {
  return (v) => !isPlainObject(v) || test(v);
}

function onArrays(test: (v: unknown[]) => boolean): Predicate {
  return (v) => !Array.isArray(v) || test(v);
}

function num(arg: unknown, keyword: string): number {
  if (typeof arg !== 'number') throw schemaError(`${keyword} must be a number`);
  return arg;
}

function schemaError(message: string): CloudError {
  return new CloudError(DB_ERROR.REQUEST_FAILED, `[FailedOperation] $jsonSchema: ${message}`);
}
