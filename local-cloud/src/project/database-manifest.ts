/**
 * The database manifest (`database.json` at the project root): every collection, its indexes
 * and its access rule. The local cloud learns collections and indexes only from this file, as
 * the real environment learns them from provisioning (`npm run provision` reads the same file).
 */
import fs from 'node:fs';

export interface IndexSpec {
  name: string;
  /** Field paths in order, 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/** A CloudBase security rule: `read` / `write` / `create` / `update` / `delete`, boolean or expression. */
export type AccessRule = Partial<Record<'read' | 'write' | 'create' | 'update' | 'delete', boolean | string>>;

export interface CollectionSpec {
  description?: string;
  rule?: AccessRule;
  indexes: IndexSpec[];
}

export interface DatabaseManifest {
  version: 1;
  collections: Record<string, CollectionSpec>;
}

export const DATABASE_MANIFEST_FILE = 'database.json';

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;
const RULE_KEYS = new Set(['read', 'write', 'create', 'update', 'delete']);

export class ManifestError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ManifestError';
  }
}

/** Checks the shape of a parsed manifest; `file` names it in errors. */
export function parseDatabaseManifest(raw: unknown, file = DATABASE_MANIFEST_FILE): DatabaseManifest {
  const fail = (problem: string): never => {
    throw new ManifestError(file, problem);
  };
  const root = raw as { version?: unknown; collections?: unknown } | null;
  if (typeof root !== 'object' || root === null) return fail('not a JSON object');
  if (root.version !== 1) fail(`unsupported version ${String(root.version)} (expected 1)`);
  if (typeof root.collections !== 'object' || root.collections === null) return fail('collections must be an object');
  const collections: Record<string, CollectionSpec> = {};
  for (const [name, value] of Object.entries(root.collections as Record<string, unknown>)) {
    if (!COLLECTION_NAME.test(name)) fail(`invalid collection name "${name}"`);
    const spec = value as { description?: unknown; rule?: unknown; indexes?: unknown } | null;
    if (typeof spec !== 'object' || spec === null) return fail(`collection ${name} must be an object`);
    if (!Array.isArray(spec.indexes)) return fail(`collection ${name}: indexes must be an array`);
    const seen = new Set<string>();
    const indexes = spec.indexes.map((entry: unknown, i): IndexSpec => {
      const index = entry as { name?: unknown; keys?: unknown; unique?: unknown } | null;
      const where = `collection ${name}, index ${i}`;
      if (typeof index?.name !== 'string' || index.name === '') return fail(`${where}: name must be a string`);
      if (seen.has(index.name)) fail(`${where}: duplicate index name ${index.name}`);
      seen.add(index.name);
      if (typeof index.keys !== 'object' || index.keys === null || Object.keys(index.keys).length === 0)
        return fail(`${where}: keys must be a non-empty object`);
      for (const [field, direction] of Object.entries(index.keys))
        if (direction !== 1 && direction !== -1) fail(`${where}: key ${field} must be 1 or -1`);
      if (index.unique !== undefined && typeof index.unique !== 'boolean') fail(`${where}: unique must be a boolean`);
      return { name: index.name, keys: index.keys as Record<string, 1 | -1>, unique: index.unique === true };
    });
    let rule: AccessRule | undefined;
    if (spec.rule !== undefined) {
      if (typeof spec.rule !== 'object' || spec.rule === null)
        return fail(`collection ${name}: rule must be an object`);
      for (const [key, value] of Object.entries(spec.rule)) {
        if (!RULE_KEYS.has(key)) fail(`collection ${name}: unknown rule key ${key}`);
        if (typeof value !== 'boolean' && typeof value !== 'string')
          fail(`collection ${name}: rule ${key} must be a boolean or an expression string`);
      }
      rule = spec.rule as AccessRule;
    }
    collections[name] = {
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      ...(rule ? { rule } : {}),
      indexes,
    };
  }
  return { version: 1, collections };
}

export function loadDatabaseManifest(file: string): DatabaseManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ManifestError(
      file,
      `cannot read the database manifest (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(file, `not valid JSON: ${(error as Error).message}`);
  }
  return parseDatabaseManifest(raw, file);
}
