/** Reads of the organisation tree that several actions share. */
import { AppError, type BranchSummary } from '../contract';
import type { OrganizationDoc } from '../db/documents';
import type { Database } from './cloud';

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
