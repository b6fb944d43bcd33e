/**
 * The collections Lianjian uses and the indexes every query path relies on. This manifest is the
 * single source: the local cloud builds its indexes from it, and it documents the indexes to
 * create in each CloudBase environment (console → 数据库 → 索引管理, or @cloudbase/manager-node's
 * `database.updateCollection(name, { CreateIndexes })`).
 */
export interface IndexSpec {
  name: string;
  /** Field paths in order, 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  /** Committees and branches (kind), linked by parentId. */
  organizations: {
    indexes: [{ name: 'kind_parent', keys: { kind: 1, parentId: 1 } }],
  },
  /** One document per person, `_id` = openid, so a person can hold at most one membership. */
  members: {
    indexes: [{ name: 'branch_status_joined', keys: { branchId: 1, status: 1, joinedAt: -1 } }],
  },
  /** `_id` = the code itself, so codes are unique by construction. */
  inviteCodes: {
    indexes: [{ name: 'branch_created', keys: { branchId: 1, createdAt: -1 } }],
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
