/**
 * Shapes the organisation, membership, pairing and ledger actions return (issue 4). Instants are
 * ISO-8601 (UTC); civil dates 'YYYY-MM-DD' (Asia/Shanghai).
 */
import type { MemberRole } from './models';
import type { ORGANIZATION_CATEGORIES } from './org-fields';

export type OrganizationKind = 'committee' | 'branch' | 'partner';
export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];

/** A page of a list; pass `nextOffset` back as `offset`, null at the end. */
export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

export interface OrgView {
  id: string;
  name: string;
  kind: OrganizationKind;
  category: OrganizationCategory;
  parentId: string | null;
  parentName: string;
}

/** What the caller may do with an organisation. */
export interface OrgDetail extends OrgView {
  /** Active members (branches only). */
  memberCount: number;
  secretaryName: string | null;
  /** Secretary of this branch, or its committee's office. */
  canManage: boolean;
}

// ── Membership ───────────────────────────────────────────────────────────────

export type MembershipStatus = 'active' | 'pending';

export interface MemberRow {
  id: string;
  name: string;
  role: MemberRole;
  status: MembershipStatus;
  joinedAt: string;
}

export interface InviteView {
  code: string;
  branchId: string;
  createdAt: string;
  expiresAt: string;
  maxUses: number;
  usedCount: number;
  requiresApproval: boolean;
  state: 'usable' | 'expired' | 'exhausted' | 'revoked';
}

export interface InviteQrCode {
  code: string;
  /** Cloud storage file of the mini-program code (PNG). */
  fileID: string;
  /** Temporary download link, valid for about a day. */
  url: string;
}

export type MembershipEventKind =
  | 'joined'
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'removed'
  | 'left'
  | 'roleChanged'
  | 'transferredOut'
  | 'transferredIn';

export interface MembershipEventView {
  kind: MembershipEventKind;
  branchId: string;
  branchName: string;
  at: string;
  byName: string;
  /** The member acted themselves (joined with a code, asked, left): there is no 经办 to show. */
  bySelf: boolean;
  role: MemberRole | null;
  reason: string;
}

export type TransferStatus = 'awaitingSource' | 'awaitingTarget' | 'completed' | 'refused' | 'cancelled';

export interface TransferView {
  id: string;
  memberId: string;
  memberName: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  status: TransferStatus;
  reason: string;
  refuseReason: string;
  createdAt: string;
  /** The caller is the secretary whose consent is awaited. */
  canDecide: boolean;
}

// ── Pairings ─────────────────────────────────────────────────────────────────

export type PairingKind = 'pairing' | 'alliance';
export type PairingStatus = 'proposed' | 'active' | 'ended' | 'refused';
export type SideStatus = 'proposer' | 'pending' | 'accepted' | 'refused';

export interface PairingSideView {
  orgId: string;
  name: string;
  committeeName: string;
  status: SideStatus;
  leadName: string | null;
  decidedAt: string | null;
  refuseReason: string;
}

export interface PairingSummary {
  id: string;
  name: string;
  kind: PairingKind;
  status: PairingStatus;
  termStart: string;
  termEnd: string;
  sides: PairingSideView[];
}

export interface AttachmentView {
  fileID: string;
  name: string;
  /** Temporary download link; empty if the file is gone. */
  url: string;
}

export interface ContactView {
  orgId: string;
  name: string;
  phone: string;
}

export interface AgreementView {
  goals: string;
  contacts: ContactView[];
  signedOn: string | null;
  attachments: AttachmentView[];
  updatedAt: string;
}

export interface PairingDetail extends PairingSummary {
  agreement: AgreementView | null;
  endReason: string;
  /** Sides whose answer the caller may give (their own pending side). */
  canRespondFor: string[];
  /** Sides the caller leads (secretary, or office of its committee): agreement, liaisons, end. */
  canManageFor: string[];
  /** Sides for which the caller may write lists and ledger items (secretary or committee member). */
  canWriteFor: string[];
}

// ── Resources, needs, liaisons ───────────────────────────────────────────────

export type PairingItemKind = 'resource' | 'need';
/** A resource is `open`; a need is `open` → `matched` (a partner took it on) → `met`. */
export type PairingItemStatus = 'open' | 'matched' | 'met';

export interface PairingItemView {
  id: string;
  pairingId: string;
  kind: PairingItemKind;
  orgId: string;
  orgName: string;
  title: string;
  detail: string;
  status: PairingItemStatus;
  /** For a need taken on: the partner and the resource that meets it. */
  matchedBy: { orgId: string; orgName: string } | null;
  matchedResourceId: string | null;
  /** Set when the taker reported it done: it counts as met once the side that asked confirms. */
  metReportedAt?: string;
  metAt: string | null;
  createdAt: string;
}

export type LiaisonRole = 'partTimeSecretary' | 'invitedCommitteeMember';

export interface LiaisonView {
  id: string;
  pairingId: string;
  memberId: string;
  memberName: string;
  fromOrg: { id: string; name: string };
  toOrg: { id: string; name: string };
  role: LiaisonRole;
  termStart: string;
  termEnd: string;
  endedAt: string | null;
}

// ── Ledger of shared problems ────────────────────────────────────────────────

export type LedgerStatus = 'open' | 'inProgress' | 'resolved' | 'dropped';

export interface LedgerProgressView {
  at: string;
  byName: string;
  note: string;
  status: LedgerStatus | null;
}

export interface LedgerItemSummary {
  id: string;
  pairingId: string;
  title: string;
  raisedBy: { orgId: string; orgName: string };
  owner: { orgId: string; orgName: string; personName: string };
  deadline: string;
  status: LedgerStatus;
  /** Not resolved or dropped and its deadline has passed in Asia/Shanghai. */
  overdue: boolean;
}

export interface LedgerItemDetail extends LedgerItemSummary {
  description: string;
  measures: string;
  dropReason: string;
  progress: LedgerProgressView[];
  createdAt: string;
  resolvedOn: string | null;
  canWrite: boolean;
}

// ── Year figures ─────────────────────────────────────────────────────────────

export interface YearFigures {
  year: number;
  /** Published events of the pairing(s) that started in the year and have ended. */
  jointActivities: number;
  problemsRaised: number;
  problemsResolved: number;
  /** Deadline in the year, not resolved by it (dropped ones excluded). */
  problemsOverdue: number;
  needsMet: number;
  /** Study and points (issue 9): participation, 第一议题 coverage, total and average points. */
  study: StudyYearFiguresView;
}

export interface StudyYearFiguresView {
  activeMembers: number;
  studyParticipants: number;
  studyParticipation: number;
  firstTopicMonths: number;
  firstTopicCoverage: number;
  pointsTotal: number;
  pointsAverage: number;
}

export interface PairingYearFigures extends YearFigures {
  pairingId: string;
}

export interface BranchYearFigures extends YearFigures {
  branchId: string;
  /** Pairings the branch was in during the year. */
  pairings: number;
}
