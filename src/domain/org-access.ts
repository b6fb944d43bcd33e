/**
 * Who may see and act on a branch, a committee's organisations and a pairing. Pure: the caller's
 * membership and committee offices come in, a decision goes out. The server wraps these in
 * src/server/access.ts so every action asks the same questions.
 *
 * - a member sees their own branch and the pairings it is in;
 * - a secretary manages their branch and co-manages (answers for, leads) its pairings; committee
 *   members may also write the pairing's lists and ledger;
 * - a committee office manages the organisations whose parent is its committee and sees, and may
 *   act for, the pairings those organisations are in;
 * - nothing else is visible.
 */
import type { MemberRole } from '../contract';

/** What the rules read of a caller: their membership and their committee offices. */
export interface Standing {
  member: { branchId: string; role: MemberRole } | null;
  /** Committees whose office the caller works in. */
  adminOf: readonly string[];
}

/** The caller as the handlers hold them: with an openid and a name for audit lines. */
export interface Caller extends Standing {
  openid: string;
  member: { branchId: string; role: MemberRole; name: string } | null;
}

export interface OrgNode {
  _id: string;
  kind: 'committee' | 'branch' | 'partner';
  parentId: string | null;
}

export interface SideNode {
  orgId: string;
  committeeId: string | null;
}

const LEADER_ROLES: readonly MemberRole[] = ['secretary', 'committeeMember'];

export function isMemberOf(caller: Standing, orgId: string): boolean {
  return caller.member?.branchId === orgId;
}

export function isSecretaryOf(caller: Standing, orgId: string): boolean {
  return isMemberOf(caller, orgId) && caller.member?.role === 'secretary';
}

export function isLeaderOf(caller: Standing, orgId: string): boolean {
  return isMemberOf(caller, orgId) && LEADER_ROLES.includes(caller.member!.role);
}

/** The office of the organisation's committee (for a committee: its own office). */
export function isOfficeOf(caller: Standing, org: OrgNode): boolean {
  const committee = org.kind === 'committee' ? org._id : org.parentId;
  return committee !== null && caller.adminOf.includes(committee);
}

export function canSeeOrg(caller: Standing, org: OrgNode): boolean {
  return isMemberOf(caller, org._id) || isOfficeOf(caller, org);
}

/** Secretary of the branch, or the office above it. */
export function managesOrg(caller: Standing, org: OrgNode): boolean {
  return isSecretaryOf(caller, org._id) || isOfficeOf(caller, org);
}

/** Answers for a side, signs its agreement, places its liaisons, ends the pairing. */
export function leadsSide(caller: Standing, side: SideNode): boolean {
  return (
    isSecretaryOf(caller, side.orgId) ||
    caller.adminOf.includes(side.orgId) ||
    (side.committeeId !== null && caller.adminOf.includes(side.committeeId))
  );
}

/** Adds to the side's resource and need lists and keeps its ledger items. */
export function writesSide(caller: Standing, side: SideNode): boolean {
  return leadsSide(caller, side) || isLeaderOf(caller, side.orgId);
}

export interface PairingRights {
  visible: boolean;
  leads: string[];
  writes: string[];
}

export function pairingRights(caller: Standing, sides: readonly SideNode[]): PairingRights {
  const leads = sides.filter((side) => leadsSide(caller, side)).map((side) => side.orgId);
  const writes = sides.filter((side) => writesSide(caller, side)).map((side) => side.orgId);
  const visible = writes.length > 0 || sides.some((side) => isMemberOf(caller, side.orgId));
  return { visible, leads, writes };
}
