/** Stored shapes of subscriptions, reminders, share activities and group attribution (issue 11). */
import type { ReminderKindName, ReminderState, TemplateKey } from '../contract/reminder-models';

/** A member's accepted credits for one template: `${openid}_${templateKey}`. */
export interface SubscriptionCreditDoc {
  _id: string;
  openid: string;
  templateKey: TemplateKey;
  /** The template id the credits were accepted for (ids change when the console's choice does). */
  templateId: string;
  /** One-time credits left: each accepted request adds one, each successful send spends one. */
  credits: number;
  longTerm: boolean;
  /** "总是保持以上选择" as wx.getSetting reported it: always accept / always reject, or not kept. */
  keep: 'accept' | 'reject' | null;
  acceptedAt: Date | null;
  updatedAt: Date;
}

/**
 * One reminder of one member: `${kind}_${subjectId}_${openid}`, so it exists once. Claimed with a
 * lease before sending; a claim whose lease ran out is taken again, a final state never changes.
 */
export interface ReminderDoc {
  _id: string;
  kind: ReminderKindName;
  subjectId: string;
  /** The job that fanned it out (its subject's data). */
  jobId: string;
  eventId: string | null;
  openid: string;
  templateKey: TemplateKey;
  state: ReminderState;
  /** ms: until when the claimer owns it; for 'retry', when it may be tried again. */
  leaseUntil: number;
  leaseBy: string;
  attempts: number;
  errcode: number | null;
  errmsg: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A fan-out of one kind for one subject: `${kind}_${subjectId}`; resumable from `cursor`. */
export interface ReminderJobDoc {
  _id: string;
  kind: ReminderKindName;
  subjectId: string;
  eventId: string | null;
  /** What the kind needs beyond its subject (e.g. the reason of a cancellation). */
  data: Record<string, string>;
  /** Only these members (promotions); null: the kind's audience. */
  openids: string[] | null;
  state: 'pending' | 'done';
  dueAt: Date;
  leaseUntil: number;
  leaseBy: string;
  /** The kind's paging position after the last page fully handled; null: from the start. */
  cursor: string | null;
  counts: Partial<Record<ReminderState | 'skipped', number>>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An updatable message of a shared event card (valid 24 h): `${eventId}_${activityId}`. */
export interface ShareActivityDoc {
  _id: string;
  eventId: string;
  activityId: string;
  expiresAt: Date;
  /** What the card last showed: 0 joining (n / limit), 1 started. */
  state: 0 | 1;
  memberCount: number;
  roomLimit: number;
  createdBy: string;
  updatedAt: Date;
}

/** A member's last arrival from a group chat at an event: `${eventId}_${openid}`. */
export interface GroupVisitDoc {
  _id: string;
  eventId: string;
  openid: string;
  opengid: string;
  at: Date;
}

/** A secretary's name for a group chat, per owner of events: `${ownerKey}_${opengid}`. */
export interface GroupNameDoc {
  _id: string;
  ownerKey: string;
  opengid: string;
  name: string;
  namedBy: string;
  updatedAt: Date;
}
