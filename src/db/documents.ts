/** Stored document shapes, one per collection in collections.ts. Dates are stored as Date. */
import type { RequestOp, RequestRefusal } from '../domain/registration';
import type {
  CheckInMethod,
  EventForm,
  EventKind,
  HolidayPolicy,
  MemberRole,
  MonthlyRule,
  OrganizationCategory,
  OrganizationKind,
  RegistrationStatus,
} from '../contract';

export * from './org-documents';
export * from './post-documents';
export * from './review-documents';

/** committee: has an office; branch: has members in Lianjian; partner: an organisation paired with them. */
export type { OrganizationKind } from '../contract';

export interface OrganizationDoc {
  _id: string;
  kind: OrganizationKind;
  name: string;
  /** Absent on documents written before categories existed: read as 'other'. */
  category?: OrganizationCategory;
  /** The committee a branch or partner belongs to; null for a top-level committee. */
  parentId: string | null;
  createdAt: Date;
}

/** pending: asked to join with an invite that requires approval; removed/rejected: by the secretary. */
export type MemberStatus = 'active' | 'left' | 'pending' | 'rejected' | 'removed';

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

/** A printed check-in code: `_id` = the short code its scene carries (domain/event-code.ts). */
export interface EventCodeDoc {
  _id: string;
  /** Unique: one printed code per event, whoever asks first creates it. */
  eventId: string;
  createdBy: string;
  createdAt: Date;
  /** The mini-program code image in cloud storage, once made. */
  fileId?: string;
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
  /** Joins with this code wait for the secretary's approval; absent means no. */
  requiresApproval?: boolean;
  /** The mini-program code image in cloud storage, once made. */
  qrFileId?: string;
}

// ── Theme days, events, registrations, check-ins (issue 5) ──────────────────

export type OwnerKind = 'branch' | 'pairing';

export interface OwnerDoc {
  kind: OwnerKind;
  id: string;
}

export interface GeoPointDoc {
  latitude: number;
  longitude: number;
}

export type StoredOverride =
  | { key: string; kind: 'moved'; date: string; startTime: string; reason: string; by: string; at: Date }
  | { key: string; kind: 'cancelled'; reason: string; by: string; at: Date };

export interface ThemeDayRuleDoc {
  /** ownerKey(owner): one rule per owner. */
  _id: string;
  owner: OwnerDoc;
  /** Always true; lets the scheduler page through rules on an index. */
  active: true;
  monthly: MonthlyRule;
  startTime: string;
  holidayPolicy: HolidayPolicy;
  durationMinutes: number;
  placeName: string;
  /** Hand-made moves and cancellations, by occurrence key; old ones are pruned. */
  overrides: StoredOverride[];
  updatedBy: string;
  updatedAt: Date;
}

export type StoredEventStatus = 'draft' | 'published' | 'cancelled';

export interface EventDoc {
  /** Generated theme days: themeDayEventId(owner, key); others: 32 hex. */
  _id: string;
  owner: OwnerDoc;
  ownerKey: string;
  kind: EventKind;
  themeDayKey: string | null;
  title: string;
  theme: string;
  form: EventForm;
  startsAt: Date;
  endsAt: Date;
  place: { name: string; location: GeoPointDoc | null; radiusM: number; requireLocation: boolean };
  capacity: number | null;
  signUpDeadline: Date;
  checkInOpensBeforeMinutes: number;
  /** Branch ids whose members see the event and may sign up. */
  audience: string[];
  organisers: { openid: string; name: string }[];
  status: StoredEventStatus;
  cancelReason: string | null;
  /** Kept in the same transaction as every registration change. */
  registered: number;
  waitlisted: number;
  /** The last sign-up sequence handed out: order of arrival, never reused. */
  lastSequence: number;
  /** capacity − registered − waitlisted, null without a capacity (domain openPlacesOf). */
  openPlaces: number | null;
  /** When the last sign-up claimed a place (database clock), and whether the counters have been
   * checked against the registrations since (server/registration-claims.ts). */
  lastClaimAt?: Date;
  countsToCheck?: boolean;
  /** A token each transaction writes first (server/events.ts lockEvent), making other writers wait. */
  txLock?: string;
  /** The sign-up queue's drain lease (server/registrations.ts): until when (ms), and whose. */
  drainLeaseUntil?: number;
  drainLeaseBy?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One per (event, audience branch): the list query of a branch runs on it. */
export interface EventAudienceDoc {
  /** `${eventId}_${branchId}` */
  _id: string;
  eventId: string;
  branchId: string;
  status: StoredEventStatus;
  startsAt: Date;
  endsAt: Date;
}

/** A member's request waiting for the event's queue to decide it (see server/registrations.ts). */
export interface RegistrationRequest {
  op: RequestOp;
  /** Set by the database's clock when the request is written: what decides the order. */
  at: Date;
  /** Who asked: the member, or for a release the secretary (with the reason). */
  by: string;
  byName: string;
  reason: string | null;
}

export interface RegistrationDoc {
  /** `${eventId}_${openid}`: at most one registration per member and event. */
  _id: string;
  eventId: string;
  memberId: string;
  branchId: string;
  name: string;
  /** 'pending': a first sign-up not yet decided (invisible to every list and count). */
  status: RegistrationStatus | 'pending';
  /** Queue order: 1 for the first decided sign-up of the event; 0 until decided. */
  sequence: number;
  signedUpAt: Date;
  updatedAt: Date;
  /** True while `request` waits to be decided (indexed: the queue of the event). */
  pending: boolean;
  request: RegistrationRequest | null;
  /** Why the last request was refused; null when it was not. */
  refusal: RequestRefusal | null;
  /** The event's counts when this registration was last decided (answered to its member). */
  countsAtDecision?: { registered: number; waitlisted: number };
  /** Its place on the waitlist when that decision put it there (answered to its member); else null. */
  positionAtDecision?: number | null;
  /** Set when a secretary (or leaving the branch) released the place. */
  released: { by: string; byName: string; at: Date; reason: string } | null;
  /** 'due' from the drain that promoted this waitlist place until its reminder was handled. */
  promotionNotice?: 'due' | 'done';
}

export interface CheckInAuditEntry {
  action: 'checkIn' | 'manual' | 'undo';
  by: string;
  byName: string;
  at: Date;
  reason: string | null;
}

export interface CheckInDoc {
  /** `${eventId}_${openid}`: a member is checked in at most once. */
  _id: string;
  eventId: string;
  memberId: string;
  branchId: string;
  name: string;
  status: 'present' | 'undone';
  at: Date;
  timing: 'onTime' | 'late';
  method: CheckInMethod;
  /** Who checked the member in by hand, and why; null for their own scan. */
  byName: string | null;
  reason: string | null;
  history: CheckInAuditEntry[];
  /** True until its attendance points are settled (attendance-points.ts); absent on older check-ins. */
  pointsDue?: boolean;
}

export interface SecretDoc {
  _id: string;
  /** base64 */
  value: string;
  createdAt: Date;
}
export * from './study-documents';
