/**
 * Who may see and run an event or a theme-day rule. Both belong to an owner: a branch, or a
 * pairing whose sides are the branches (and partner organisations) it speaks for. Members see what
 * is addressed to their branch; leaders of the owner manage it. For a pairing the leaders are
 * those of org-access's pairingRights: its sides' secretaries (and committee offices) decide,
 * their committee members run events day to day; outsiders do not learn that it exists.
 */
import type { MemberRole, OwnerRef, PairingStatus } from '../contract';
import { pairingRights, type SideNode } from './org-access';
import { isWritable } from './pairing';

export interface Actor {
  openid: string;
  branchId: string;
  role: MemberRole;
}

/** Managing day to day (edit, publish, run check-in, see attendance) or deciding (calendar, cancel). */
export type ManageLevel = 'organiser' | 'secretary';

const LEVEL_ROLES: Record<ManageLevel, readonly MemberRole[]> = {
  organiser: ['committeeMember', 'secretary'],
  secretary: ['secretary'],
};

/** What the rules need of a pairing that owns events. */
export interface PairingFacts {
  status: PairingStatus;
  sides: readonly SideNode[];
}

/** The caller's standing toward one owner, decided once per request. */
export interface OwnerAccess {
  owner: OwnerRef;
  /** The branches the owner speaks for: the audience its events may address. */
  branches: readonly string[];
  /** The owner may be named to the caller; a pairing is hidden from outsiders, a branch is not. */
  known: boolean;
  /** Reads the owner's calendar: a member of one of its branches, or one who manages it. */
  reads: boolean;
  manages: Record<ManageLevel, boolean>;
  /** New events and a theme-day rule may be made for it: a pairing only while it is active. */
  open: boolean;
}

/** Stable text form of an owner, safe in document ids. */
export function ownerKey(owner: OwnerRef): string {
  return `${owner.kind}_${owner.id}`;
}

/** The event of a theme-day occurrence: one per owner and month, so generation is idempotent. */
export function themeDayEventId(owner: OwnerRef, key: string): string {
  return `td_${ownerKey(owner)}_${key}`;
}

/** The branches an owner speaks for; a pairing that does not exist speaks for none. */
export function ownerBranches(owner: OwnerRef, pairing: PairingFacts | null): string[] {
  if (owner.kind === 'branch') return [owner.id];
  return pairing ? pairing.sides.map((side) => side.orgId) : [];
}

/** A rule keeps rolling its theme days forward for a branch, and for a pairing while it is active. */
export function keepsGenerating(owner: OwnerRef, pairing: PairingFacts | null): boolean {
  return owner.kind === 'branch' || (pairing !== null && isWritable(pairing.status));
}

export function branchAccess(branchId: string, actor: Actor): OwnerAccess {
  const own = actor.branchId === branchId;
  return {
    owner: { kind: 'branch', id: branchId },
    branches: [branchId],
    known: true,
    reads: own,
    manages: {
      organiser: own && LEVEL_ROLES.organiser.includes(actor.role),
      secretary: own && LEVEL_ROLES.secretary.includes(actor.role),
    },
    open: true,
  };
}

/** `adminOf`: the committees whose office the actor works in (they lead their organisations' sides). */
export function pairingAccess(
  pairingId: string,
  pairing: PairingFacts | null,
  actor: Actor,
  adminOf: readonly string[],
): OwnerAccess {
  const owner: OwnerRef = { kind: 'pairing', id: pairingId };
  const rights = pairing
    ? pairingRights({ member: { branchId: actor.branchId, role: actor.role }, adminOf }, pairing.sides)
    : { visible: false, leads: [], writes: [] };
  return {
    owner,
    branches: ownerBranches(owner, pairing),
    known: rights.visible,
    reads: rights.visible,
    manages: { organiser: rights.writes.length > 0, secretary: rights.leads.length > 0 },
    open: pairing !== null && isWritable(pairing.status),
  };
}

/** A published or cancelled event addressed to the actor's branch: visible without asking about its owner. */
export function addressedTo(event: { audience: readonly string[]; status: string }, actor: Actor): boolean {
  return event.status !== 'draft' && event.audience.includes(actor.branchId);
}

/** Members of an audience branch see the event; its owner's managers see it even as a draft. */
export function canSee(
  event: { audience: readonly string[]; status: string },
  actor: Actor,
  access: OwnerAccess,
): boolean {
  return access.manages.organiser || addressedTo(event, actor);
}

/** An audience must stay within the owner's branches (for a branch: itself). */
export function audienceOutsideOwner(access: Pick<OwnerAccess, 'branches'>, audience: readonly string[]): string[] {
  return audience.filter((branchId) => !access.branches.includes(branchId));
}
