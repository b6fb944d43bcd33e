/** Organisation documents → what the pages show, with names looked up in one query. */
import type { OrgView } from '../contract';
import type { OrganizationDoc } from '../db/documents';
import type { Database } from './cloud';
import { mapByIds } from './docs';

/** Organisations by id (unknown ids are absent). */
export async function orgsById(db: Database, ids: readonly string[]): Promise<Map<string, OrganizationDoc>> {
  return mapByIds<OrganizationDoc>(db, 'organizations', ids);
}

export function orgView(org: OrganizationDoc, parentName: string): OrgView {
  return {
    id: org._id,
    name: org.name,
    kind: org.kind,
    category: org.category ?? 'other',
    parentId: org.parentId,
    parentName,
  };
}

export async function orgViews(db: Database, orgs: readonly OrganizationDoc[]): Promise<OrgView[]> {
  const parents = await orgsById(
    db,
    orgs.flatMap((org) => (org.parentId ? [org.parentId] : [])),
  );
  return orgs.map((org) => orgView(org, (org.parentId && parents.get(org.parentId)?.name) || ''));
}

export function nameIn(orgs: Map<string, OrganizationDoc>, id: string): string {
  return orgs.get(id)?.name ?? '';
}
