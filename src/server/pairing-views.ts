/** Resource/need items, liaisons and ledger items → what the pairing pages show. */
import type { LedgerItemDetail, LedgerItemSummary, LiaisonView, PairingItemView } from '../contract';
import type { LedgerItemDoc, LiaisonDoc, OrganizationDoc, PairingItemDoc } from '../db/documents';
import { isOverdue } from '../domain/ledger';
import type { Database } from './cloud';
import { nameIn, orgsById } from './org-views';

type Orgs = Map<string, OrganizationDoc>;

function itemView(item: PairingItemDoc, orgs: Orgs): PairingItemView {
  return {
    id: item._id,
    pairingId: item.pairingId,
    kind: item.kind,
    orgId: item.orgId,
    orgName: nameIn(orgs, item.orgId),
    title: item.title,
    detail: item.detail,
    status: item.status,
    matchedBy: item.matchedByOrgId ? { orgId: item.matchedByOrgId, orgName: nameIn(orgs, item.matchedByOrgId) } : null,
    matchedResourceId: item.matchedResourceId,
    ...(item.metReportedAt ? { metReportedAt: item.metReportedAt.toISOString() } : {}),
    metAt: item.metAt ? item.metAt.toISOString() : null,
    createdAt: item.createdAt.toISOString(),
  };
}

export async function itemViews(db: Database, items: readonly PairingItemDoc[]): Promise<PairingItemView[]> {
  const orgs = await orgsById(
    db,
    items.flatMap((i) => [i.orgId, ...(i.matchedByOrgId ? [i.matchedByOrgId] : [])]),
  );
  return items.map((item) => itemView(item, orgs));
}

export async function liaisonViews(db: Database, liaisons: readonly LiaisonDoc[]): Promise<LiaisonView[]> {
  const orgs = await orgsById(
    db,
    liaisons.flatMap((l) => [l.fromOrgId, l.toOrgId]),
  );
  return liaisons.map((l) => ({
    id: l._id,
    pairingId: l.pairingId,
    memberId: l.memberId,
    memberName: l.memberName,
    fromOrg: { id: l.fromOrgId, name: nameIn(orgs, l.fromOrgId) },
    toOrg: { id: l.toOrgId, name: nameIn(orgs, l.toOrgId) },
    role: l.role,
    termStart: l.termStart,
    termEnd: l.termEnd,
    endedAt: l.endedAt ? l.endedAt.toISOString() : null,
  }));
}

function ledgerSummary(item: LedgerItemDoc, orgs: Orgs, now: Date): LedgerItemSummary {
  return {
    id: item._id,
    pairingId: item.pairingId,
    title: item.title,
    raisedBy: { orgId: item.raisedByOrgId, orgName: nameIn(orgs, item.raisedByOrgId) },
    owner: { orgId: item.ownerOrgId, orgName: nameIn(orgs, item.ownerOrgId), personName: item.ownerName },
    deadline: item.deadline,
    status: item.status,
    overdue: isOverdue(item, now),
  };
}

export async function ledgerSummaries(
  db: Database,
  items: readonly LedgerItemDoc[],
  now: Date,
): Promise<LedgerItemSummary[]> {
  const orgs = await orgsById(
    db,
    items.flatMap((i) => [i.raisedByOrgId, i.ownerOrgId]),
  );
  return items.map((item) => ledgerSummary(item, orgs, now));
}

export async function ledgerDetail(
  db: Database,
  item: LedgerItemDoc,
  now: Date,
  canWrite: boolean,
): Promise<LedgerItemDetail> {
  const orgs = await orgsById(db, [item.raisedByOrgId, item.ownerOrgId]);
  return {
    ...ledgerSummary(item, orgs, now),
    description: item.description,
    measures: item.measures,
    dropReason: item.dropReason,
    progress: item.progress.map((p) => ({ at: p.at.toISOString(), byName: p.byName, note: p.note, status: p.status })),
    createdAt: item.createdAt.toISOString(),
    resolvedOn: item.resolvedOn,
    canWrite,
  };
}
