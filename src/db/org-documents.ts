/**
 * Stored shapes for committee offices, membership history, transfers, pairings and everything a
 * pairing holds (issue 4). Civil dates ('YYYY-MM-DD', Asia/Shanghai) are stored as strings so
 * they sort and compare as text; instants as Date.
 */
import type {
  LedgerStatus,
  LiaisonRole,
  MemberRole,
  MembershipEventKind,
  PairingItemKind,
  PairingItemStatus,
  PairingKind,
  PairingStatus,
  SideStatus,
  TransferStatus,
} from '../contract';

/** `_id` = `${committeeId}_${openid}`: the person works in the committee's office. */
export interface CommitteeAdminDoc {
  _id: string;
  committeeId: string;
  openid: string;
  name: string;
  createdAt: Date;
}

/** One line of a person's membership history; never changed or deleted. */
export interface MembershipEventDoc {
  _id: string;
  memberId: string;
  branchId: string;
  kind: MembershipEventKind;
  role: MemberRole | null;
  by: string;
  byName: string;
  reason: string;
  at: Date;
}

export interface TransferDoc {
  _id: string;
  memberId: string;
  memberName: string;
  fromBranchId: string;
  toBranchId: string;
  status: TransferStatus;
  reason: string;
  refuseReason: string;
  /** The branch whose secretary must decide next; null once completed, refused or cancelled. */
  awaitingBranchId: string | null;
  sourceDecision: { by: string; at: Date } | null;
  targetDecision: { by: string; at: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PairingSideDoc {
  orgId: string;
  /** The side's committee when the pairing was proposed: its office sees the pairing. */
  committeeId: string | null;
  status: SideStatus;
  /** The secretary (or office) who proposed or accepted for this side. */
  leadOpenid: string | null;
  leadName: string | null;
  decidedAt: Date | null;
  refuseReason: string;
}

export interface PairingDoc {
  _id: string;
  name: string;
  kind: PairingKind;
  status: PairingStatus;
  sides: PairingSideDoc[];
  /** The sorted organisation ids joined by '+': finds a duplicate proposal on an index. */
  memberKey: string;
  termStart: string;
  termEnd: string;
  endReason: string;
  proposedBy: string;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
  endedAt: Date | null;
}

/**
 * `_id` = `${pairingId}_${orgId}`: one per side, kept in step with the pairing in the same
 * transaction, so "pairings of this organisation / committee" runs on an index (the sides array
 * of PairingDoc is not indexable).
 */
export interface PairingMembershipDoc {
  _id: string;
  pairingId: string;
  orgId: string;
  committeeId: string | null;
  /** True on the first side of each committee, so a committee's list shows each pairing once. */
  firstOfCommittee: boolean;
  status: PairingStatus;
  createdAt: Date;
}

export interface AttachmentDoc {
  fileID: string;
  name: string;
}

/** `_id` = pairingId. */
export interface AgreementDoc {
  _id: string;
  goals: string;
  contacts: { orgId: string; name: string; phone: string }[];
  signedOn: string | null;
  attachments: AttachmentDoc[];
  updatedBy: string;
  updatedAt: Date;
}

export interface PairingItemDoc {
  _id: string;
  pairingId: string;
  kind: PairingItemKind;
  orgId: string;
  title: string;
  detail: string;
  status: PairingItemStatus;
  matchedByOrgId: string | null;
  matchedResourceId: string | null;
  matchedAt: Date | null;
  /** The side that took the need on says it is done; only the side that asked confirms (metAt). */
  metReportedAt?: Date | null;
  metAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface LiaisonDoc {
  _id: string;
  pairingId: string;
  memberId: string;
  memberName: string;
  fromOrgId: string;
  toOrgId: string;
  role: LiaisonRole;
  termStart: string;
  termEnd: string;
  createdBy: string;
  createdAt: Date;
  endedAt: Date | null;
}

export interface LedgerProgressDoc {
  at: Date;
  by: string;
  byName: string;
  note: string;
  status: LedgerStatus | null;
}

export interface LedgerItemDoc {
  _id: string;
  pairingId: string;
  title: string;
  description: string;
  raisedByOrgId: string;
  ownerOrgId: string;
  ownerName: string;
  measures: string;
  /** Civil date in Asia/Shanghai; overdue from the next day on. */
  deadline: string;
  status: LedgerStatus;
  dropReason: string;
  /** The Shanghai civil date it was resolved on; null otherwise. */
  resolvedOn: string | null;
  progress: LedgerProgressDoc[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
