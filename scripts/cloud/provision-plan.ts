/**
 * What `npm run provision` would change: the database manifest compared with a description of a
 * CloudBase environment. Pure, so the plan is tested offline; an empty description yields every
 * collection, index and rule of the manifest. Indexes are never dropped or altered: one that the
 * environment has and the manifest lacks (or declares differently) is reported as drift.
 */
import type { AccessRule, CollectionSpec, IndexSpec } from '../../local-cloud/src/project/database-manifest';

/** What the environment has now (from manager-node's describe calls). */
export interface EnvironmentDescription {
  collections: Record<string, { indexes: IndexSpec[]; rule?: AccessRule | undefined }>;
}

export const EMPTY_ENVIRONMENT: EnvironmentDescription = { collections: {} };

export type PlanStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }
  | { kind: 'setRule'; collection: string; rule: AccessRule };

export type Drift =
  | { kind: 'extraIndex'; collection: string; index: IndexSpec }
  | { kind: 'differentIndex'; collection: string; declared: IndexSpec; actual: IndexSpec }
  | { kind: 'extraCollection'; collection: string };

export interface ProvisionPlan {
  steps: PlanStep[];
  drift: Drift[];
}

/** MongoDB's default index on _id is not declared in the manifest and never drift. */
const BUILT_IN_INDEXES = new Set(['_id_']);

/** Deny every client read and write: the default for a collection without a rule. */
export const DENY_ALL: AccessRule = { read: false, write: false };

function sameKeys(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys));
}

function sameRule(a: AccessRule | undefined, b: AccessRule): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key as keyof AccessRule] === b[key as keyof AccessRule]);
}

export function planProvisioning(manifest: Record<string, CollectionSpec>, env: EnvironmentDescription): ProvisionPlan {
  const steps: PlanStep[] = [];
  const drift: Drift[] = [];
  for (const [collection, spec] of Object.entries(manifest)) {
    const current = env.collections[collection];
    if (!current) steps.push({ kind: 'createCollection', collection });
    const actual = new Map((current?.indexes ?? []).map((index) => [index.name, index]));
    for (const index of spec.indexes) {
      const existing = actual.get(index.name);
      if (!existing) steps.push({ kind: 'createIndex', collection, index });
      else if (!sameKeys(existing, index) || Boolean(existing.unique) !== Boolean(index.unique))
        drift.push({ kind: 'differentIndex', collection, declared: index, actual: existing });
    }
    const declared = new Set(spec.indexes.map((index) => index.name));
    for (const index of current?.indexes ?? [])
      if (!declared.has(index.name) && !BUILT_IN_INDEXES.has(index.name))
        drift.push({ kind: 'extraIndex', collection, index });
    const rule = spec.rule ?? DENY_ALL;
    if (!sameRule(current?.rule, rule)) steps.push({ kind: 'setRule', collection, rule });
  }
  for (const collection of Object.keys(env.collections))
    if (!(collection in manifest)) drift.push({ kind: 'extraCollection', collection });
  return { steps, drift };
}

function describeIndex(index: IndexSpec): string {
  const keys = Object.entries(index.keys)
    .map(([field, direction]) => `${field} ${direction === 1 ? 'asc' : 'desc'}`)
    .join(', ');
  return `${index.name} (${keys})${index.unique ? ' unique' : ''}`;
}

export function describeStep(step: PlanStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `create collection ${step.collection}`;
    case 'createIndex':
      return `create index ${step.collection}.${describeIndex(step.index)}`;
    case 'setRule':
      return `set rule ${step.collection} ${JSON.stringify(step.rule)}`;
  }
}

export function describeDrift(drift: Drift): string {
  switch (drift.kind) {
    case 'extraIndex':
      return `drift: index ${drift.collection}.${describeIndex(drift.index)} exists in the environment but not in database.json`;
    case 'differentIndex':
      return `drift: index ${drift.collection}.${drift.declared.name} is ${describeIndex(drift.actual)} in the environment, database.json declares ${describeIndex(drift.declared)} (drop it in the console to recreate it)`;
    case 'extraCollection':
      return `drift: collection ${drift.collection} exists in the environment but not in database.json`;
  }
}

export function formatPlan(plan: ProvisionPlan): string[] {
  const lines = plan.steps.length === 0 ? ['nothing to change'] : plan.steps.map(describeStep);
  return [...lines, ...plan.drift.map(describeDrift)];
}
