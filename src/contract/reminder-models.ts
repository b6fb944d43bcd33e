/** Subscriptions, reminders, share cards and group attribution as both sides see them (issue 11). */

/** The keys of subscribe-templates.json: one WeChat template each. */
export type TemplateKey =
  | 'eventStart'
  | 'signUpDeadline'
  | 'waitlistPromoted'
  | 'eventChanged'
  | 'ledgerOverdue'
  | 'noticeUnread';

/**
 * Every kind of reminder: what is sent, to whom, when (src/server/reminders/kinds.ts). A member
 * gets each kind at most once per subject.
 */
export type ReminderKindName =
  | 'eventStart1d'
  | 'eventStart1h'
  | 'eventStartNow'
  | 'signUpDeadline'
  | 'waitlistPromoted'
  | 'eventMoved'
  | 'eventCancelled'
  | 'ledgerOverdue'
  | 'noticeUnread';

/**
 * claimed: being sent (leased); sent: delivered (a credit spent); noCredit: the member had none
 * left, so nothing was sent; refused: WeChat answered 43101; bug: WeChat refused the message
 * itself (40003, 40037, 41030, 47003); retry: a passing failure, tried again later; failed: gave up.
 */
export type ReminderState = 'claimed' | 'sent' | 'noCredit' | 'refused' | 'bug' | 'retry' | 'failed';

export type SubscribeChoice = 'accept' | 'reject' | 'ban' | 'filter';

export interface TemplateView {
  key: TemplateKey;
  templateId: string;
  title: string;
  /** Why the mini-program asks, in plain Chinese (shown before the request). */
  reason: string;
  mode: 'oneTime' | 'longTerm';
  /** One-time sends the member has accepted and not yet received. */
  credits: number;
  longTerm: boolean;
  /** The member ticked 总是保持以上选择 for it. */
  keep: 'accept' | 'reject' | null;
}

export interface UpcomingReminderView {
  eventId: string;
  title: string;
  startsAt: string;
  /** True when a start reminder can reach the member (they hold a credit). */
  covered: boolean;
}

export interface SubscriptionView {
  templates: TemplateView[];
  /** The member's upcoming registered events, and whether a reminder will reach them. */
  upcoming: UpcomingReminderView[];
}

export interface ReminderKindSummary {
  kind: ReminderKindName;
  label: string;
  sent: number;
  noCredit: number;
  refused: number;
  failed: number;
  pending: number;
}

export interface ReminderMemberRow {
  memberId: string;
  name: string;
  /** The member's latest start reminder for this event, or 'none' yet. */
  state: ReminderState | 'none';
  kind: ReminderKindName | null;
  /** When it was sent (ISO), if it was. */
  at: string | null;
  /** Holds a start-reminder credit now (a send-now would reach them). */
  hasCredit: boolean;
}

export interface GroupCountView {
  groupId: string;
  /** The secretary's name for the chat; null until named (WeChat gives no names). */
  name: string | null;
  visits: number;
  signUps: number;
}

export interface ReminderEventView {
  eventId: string;
  title: string;
  kinds: ReminderKindSummary[];
  members: ReminderMemberRow[];
  /** Registered members a send-now would reach. */
  withCredit: number;
  /** A send-now has already been made (once per event). */
  sentNow: boolean;
  groups: GroupCountView[];
}

export interface SendNowResult {
  eventId: string;
  sent: number;
  noCredit: number;
  failed: number;
  /** Already reminded by an earlier send-now. */
  skipped: number;
}

export interface ShareCardView {
  eventId: string;
  /** For wx.updateShareMenu({ isUpdatableMessage: true, activityId }); null when WeChat gave none. */
  activityId: string | null;
  expiresAt: string | null;
  memberCount: number;
  roomLimit: number;
}

export interface GroupEnterResult {
  /** True when the visit was attributed to a group chat. */
  attributed: boolean;
}
