/** Reads of the organisation tree that several actions share. */
import { AppError, type BranchRef, type BranchSummary } from '../contract';
import type { OrganizationDoc } from '../db/documents';
import type { Database } from './cloud';
import { readByIds } from './docs';

async function getOrganization(db: Database, id: string): Promise<OrganizationDoc | null> {
  const { data } = await db.collection('organizations').doc(id).get();
  return (data as OrganizationDoc[])[0] ?? null;
}

export async function branchSummary(db: Database, branchId: string): Promise<BranchSummary> {
  const branch = await getOrganization(db, branchId);
  if (!branch || branch.kind !== 'branch') throw new AppError('NOT_FOUND', '支部不存在或已撤销');
  const committee = branch.parentId ? await getOrganization(db, branch.parentId) : null;
  return { id: branch._id, name: branch.name, committeeName: committee?.name ?? '' };
}

/** Branch ids with their names, in the order given; an unknown id keeps its id as name. */
export async function branchRefs(db: Database, ids: readonly string[]): Promise<BranchRef[]> {
  if (ids.length === 0) return [];
  const orgs = await readByIds<OrganizationDoc>(db, 'organizations', ids);
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  return ids.map((id) => ({ id, name: names.get(id) ?? id }));
}
