/**
 * The one place every issue-4 action asks "may this caller see / act on this?". Loads the
 * caller's committee offices and the object, applies the pure rules of domain/org-access, and
 * answers NOT_FOUND for anything the caller may not see (its existence is not revealed) and
 * FORBIDDEN for what they see but may not change.
 */
import { AppError } from '../contract';
import type { CommitteeAdminDoc, MemberDoc, OrganizationDoc, PairingDoc } from '../db/documents';
import { canSeeOrg, managesOrg, pairingRights, type Caller, type PairingRights } from '../domain/org-access';
import type { Database } from './cloud';
import { getDoc } from './docs';

/** A person works in a handful of committee offices at most. */
const MAX_OFFICES = 20;

/** The committees whose office this person works in. */
export async function loadAdminOf(db: Database, openid: string): Promise<string[]> {
  const { data } = await db
    .collection('committeeAdmins')
    .where({ openid })
    .orderBy('committeeId', 'asc')
    .limit(MAX_OFFICES)
    .get();
  return (data as CommitteeAdminDoc[]).map((doc) => doc.committeeId);
}

export async function loadCaller(db: Database, openid: string, member: MemberDoc | null): Promise<Caller> {
  return {
    openid,
    member: member ? { branchId: member.branchId, role: member.role, name: member.name } : null,
    adminOf: await loadAdminOf(db, openid),
  };
}

/** The caller's display name for audit lines. */
export function callerName(caller: Caller): string {
  return caller.member?.name ?? '组织部门';
}

export async function loadOrg(db: Database, orgId: string): Promise<OrganizationDoc | null> {
  return getDoc<OrganizationDoc>(db, 'organizations', orgId);
}

/** Any existing organisation, for naming a partner: the directory of names is public. */
export async function existingOrg(db: Database, orgId: string): Promise<OrganizationDoc> {
  const org = await loadOrg(db, orgId);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在或已撤销');
  return org;
}

export async function visibleOrg(db: Database, caller: Caller, orgId: string): Promise<OrganizationDoc> {
  const org = await loadOrg(db, orgId);
  if (!org || !canSeeOrg(caller, org)) throw new AppError('NOT_FOUND', '组织不存在或已撤销');
  return org;
}

/** A branch the caller manages (its secretary, or the office above it). */
export async function managedOrg(db: Database, caller: Caller, orgId: string): Promise<OrganizationDoc> {
  const org = await visibleOrg(db, caller, orgId);
  if (!managesOrg(caller, org)) throw new AppError('FORBIDDEN', '只有本支部书记或上级党委可以进行此操作');
  return org;
}

export interface VisiblePairing {
  pairing: PairingDoc;
  rights: PairingRights;
}

export async function visiblePairing(db: Database, caller: Caller, pairingId: string): Promise<VisiblePairing> {
  const pairing = await getDoc<PairingDoc>(db, 'pairings', pairingId);
  const rights = pairing ? pairingRights(caller, pairing.sides) : null;
  if (!pairing || !rights?.visible) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
  return { pairing, rights };
}

/** The caller must write for `orgId` in this pairing (secretary or committee member of it, or its office). */
export function assertWrites(rights: PairingRights, orgId: string): void {
  if (!rights.writes.includes(orgId))
    throw new AppError('FORBIDDEN', '只有该组织的书记、委员或上级党委可以修改这些内容');
}

export function assertLeads(rights: PairingRights, orgId: string): void {
  if (!rights.leads.includes(orgId)) throw new AppError('FORBIDDEN', '只有该组织的书记或上级党委可以进行此操作');
}

/**
 * The side the caller acts for: the one given (which must be a side), or, when omitted, the only
 * side the caller may write for.
 */
export function actingSide(pairing: PairingDoc, rights: PairingRights, given: string | undefined): string {
  if (given !== undefined) {
    if (!pairing.sides.some((side) => side.orgId === given)) throw new AppError('NOT_FOUND', '该组织不在此联建中');
    assertWrites(rights, given);
    return given;
  }
  const [only, ...more] = rights.writes;
  if (!only) throw new AppError('FORBIDDEN', '只有联建各方的书记、委员可以进行此操作');
  if (more.length > 0)
    throw new AppError('INVALID_INPUT', '请选择代表哪个组织', {
      details: [{ path: 'orgId', message: '请选择代表哪个组织' }],
    });
  return only;
}
