/**
 * Who may see and run an event or a theme-day rule. Both belong to an owner: a branch now, a
 * pairing once pairings exist (issue 4), when ownerBranches and manages will consult the pairing's
 * member branches. Members see what is addressed to their branch; leaders of the owner manage it.
 */
import type { MemberRole, OwnerRef } from '../contract';

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

/** Stable text form of an owner, safe in document ids. */
export function ownerKey(owner: OwnerRef): string {
  return `${owner.kind}_${owner.id}`;
}

/** The event of a theme-day occurrence: one per owner and month, so generation is idempotent. */
export function themeDayEventId(owner: OwnerRef, key: string): string {
  return `td_${ownerKey(owner)}_${key}`;
}

/** The branches an owner speaks for. */
export function ownerBranches(owner: OwnerRef): string[] {
  return owner.kind === 'branch' ? [owner.id] : [];
}

export function manages(owner: OwnerRef, actor: Actor, level: ManageLevel): boolean {
  return ownerBranches(owner).includes(actor.branchId) && LEVEL_ROLES[level].includes(actor.role);
}

/** Members of an audience branch see the event; its managers see it even as a draft. */
export function canSee(event: { owner: OwnerRef; audience: readonly string[]; status: string }, actor: Actor): boolean {
  if (manages(event.owner, actor, 'organiser')) return true;
  return event.status !== 'draft' && event.audience.includes(actor.branchId);
}

/** An audience must stay within the owner's branches (for a branch: itself). */
export function audienceOutsideOwner(owner: OwnerRef, audience: readonly string[]): string[] {
  const allowed = ownerBranches(owner);
  return audience.filter((branchId) => !allowed.includes(branchId));
}
