/**
 * The collections Lianjian uses and the indexes every query path relies on, typed from the one
 * database manifest, `database.json` at the project root (collections, indexes with their unique
 * flags, access rules). The same file is read by the local cloud when it starts and by
 * `npm run provision`, which creates collections and indexes and sets the rules in a CloudBase
 * environment: add or change an index there, never here.
 */
import manifest from '../../database.json';

export interface IndexSpec {
  name: string;
  /** Field paths in order, 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/** A CloudBase security rule (read / write / create / update / delete: boolean or expression). */
export type AccessRule = Partial<Record<'read' | 'write' | 'create' | 'update' | 'delete', boolean | string>>;

export interface CollectionSpec {
  description?: string;
  rule?: AccessRule;
  indexes: IndexSpec[];
}

export type CollectionName = keyof typeof manifest.collections;

/** JSON imports type `keys` as `{ [field]: number }`: the manifest test checks they are 1 or -1. */
export const COLLECTIONS = manifest.collections as unknown as Record<CollectionName, CollectionSpec>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
