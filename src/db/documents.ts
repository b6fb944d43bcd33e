/** Stored document shapes, one per collection in collections.ts. Dates are stored as Date. */
import type { MemberRole } from '../contract';

export type OrganizationKind = 'committee' | 'branch';

export interface OrganizationDoc {
  _id: string;
  kind: OrganizationKind;
  name: string;
  /** The committee a branch belongs to; null for a top-level committee. */
  parentId: string | null;
  createdAt: Date;
}

export type MemberStatus = 'active' | 'left';

export interface MemberDoc {
  /** The member's openid: one document per person. */
  _id: string;
  name: string;
  branchId: string;
  role: MemberRole;
  status: MemberStatus;
  joinedAt: Date;
  /** The invite code used to join, for the secretary's audit. */
  joinedVia: string | null;
}

export interface InviteCodeDoc {
  /** The code itself (see domain/invite.ts for its alphabet). */
  _id: string;
  branchId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  maxUses: number;
  usedCount: number;
  revokedAt: Date | null;
}
