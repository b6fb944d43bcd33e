/** Shapes the theme-day, event, check-in and attendance actions return. Instants are ISO-8601 (UTC). */
import type { HolidayPolicy, MonthlyRule, RestDay } from '../domain/theme-day-calendar';
import type { EventForm } from './event-fields';
import type { MyLeave } from './review-models';

export type OwnerKind = 'branch' | 'pairing';

export interface OwnerRef {
  kind: OwnerKind;
  id: string;
}

export interface BranchRef {
  id: string;
  name: string;
}

// ── Theme days ───────────────────────────────────────────────────────────────

// The rule's shapes are the domain's own (type-only: no domain code reaches the mini-program).
export type { HolidayPolicy, MonthlyRule, RestDay, Weekday } from '../domain/theme-day-calendar';

export interface ThemeDayRuleView {
  owner: OwnerRef;
  monthly: MonthlyRule;
  /** 'HH:mm' in Asia/Shanghai. */
  startTime: string;
  holidayPolicy: HolidayPolicy;
  durationMinutes: number;
  placeName: string;
  updatedAt: string;
}

export type OccurrenceAdjustment =
  | { kind: 'none' }
  | { kind: 'kept'; restDay: RestDay }
  | { kind: 'moved'; restDay: RestDay; direction: 'next' | 'previous' };

export interface ThemeDayOccurrenceView {
  /** The rule's month 'YYYY-MM'. */
  key: string;
  ruleDate: string;
  /** After the holiday policy, before a hand-made move. */
  scheduledDate: string;
  /** Effective date 'YYYY-MM-DD' and time 'HH:mm' in Asia/Shanghai. */
  date: string;
  startTime: string;
  startsAt: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  adjustment: OccurrenceAdjustment;
  holidayDataMissing: boolean;
  overrideReason: string | null;
  /** The event generated for this occurrence, once the scheduler made it. */
  eventId: string | null;
  eventStatus: EventStatus | null;
}

export interface ThemeDayCalendar {
  owner: OwnerRef;
  ownerName: string;
  rule: ThemeDayRuleView | null;
  /** The next 12 months, in start order (empty without a rule). */
  occurrences: ThemeDayOccurrenceView[];
  /** Some months lie in a year whose holiday arrangement is not published yet: only weekends were known. */
  holidayDataMissing: boolean;
  canManage: boolean;
}

// ── Events and registration ──────────────────────────────────────────────────

/** finished: published and its end has passed. */
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'finished';
export type EventKind = 'themeDay' | 'activity';
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

export interface RegistrationCountsView {
  registered: number;
  waitlisted: number;
  /** null: no limit. */
  capacity: number | null;
  /** Seats left; null without a limit. */
  remaining: number | null;
}

export interface MyRegistration {
  status: RegistrationStatus;
  /** 1-based place in the waitlist; null unless waitlisted. */
  waitlistPosition: number | null;
  /** When the sign-up reached the queue: the order places are given in. */
  signedUpAt: string;
  /** Set when an organiser (or leaving the branch) gave the place back: who, and why. */
  released?: { byName: string; reason: string };
}

export interface MyCheckIn {
  at: string;
  timing: 'onTime' | 'late';
}

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  theme: string;
  form: EventForm;
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  placeName: string;
  counts: RegistrationCountsView;
  myRegistration: MyRegistration | null;
  /** The caller's check-in, so a list can say 已签到 without opening each event. */
  myCheckIn: MyCheckIn | null;
}

export interface GeoPointView {
  latitude: number;
  longitude: number;
}

export interface EventPlaceView {
  name: string;
  location: GeoPointView | null;
  radiusM: number;
  requireLocation: boolean;
}

export interface ComingFromBranch {
  branch: BranchRef;
  registered: number;
  /** Names of those registered, in sign-up order (at most 50). */
  names: string[];
}

export interface EventDetail extends EventSummary {
  owner: OwnerRef;
  ownerName: string;
  themeDayKey: string | null;
  place: EventPlaceView;
  signUpDeadline: string;
  /** Sign-up accepted now (published, before the deadline). */
  signUpOpen: boolean;
  checkInOpensBeforeMinutes: number;
  checkInOpensAt: string;
  audience: BranchRef[];
  organisers: string[];
  cancelReason: string | null;
  coming: ComingFromBranch[];
  /** The caller may edit, publish, run check-in and see attendance. */
  canManage: boolean;
  /** The caller's 请假 for this event (null if never asked); a withdrawn one says so. */
  myLeave: MyLeave | null;
}

export interface EventPage {
  items: EventSummary[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface RegistrationResult {
  eventId: string;
  registration: MyRegistration | null;
  counts: RegistrationCountsView;
}

// ── Check-in and attendance ──────────────────────────────────────────────────

export type CheckInWindowView =
  | { state: 'notOpen'; opensAt: string }
  | { state: 'open'; timing: 'onTime' | 'late' }
  | { state: 'closed' };

export interface CheckInCode {
  eventId: string;
  /** The event's title, heading the live screen projected in the room. */
  title: string;
  /** Put in the QR as is; valid for this window and the next. */
  token: string;
  rotatesAt: string;
  windowSeconds: number;
  window: CheckInWindowView;
  /** Members checked in so far, for the live screen. */
  present: number;
  /** Members holding a place (waitlist not included): the screen reads 已签到 n / 已报名 m. */
  registered: number;
}

/** The printed mini-program code of an event that checks in by location. */
export interface PrintedCheckInCode {
  /** What the code opens the scanner page with (`e=` and the event's short code). */
  scene: string;
  /** Cloud storage file of the code (PNG). */
  fileId: string;
  /** Temporary download link, valid for about a day. */
  url: string;
}

export type CheckInMethod = 'qr' | 'location' | 'manual';

export interface CheckInResult {
  eventId: string;
  /** True when the member had already checked in: the first check-in stands. */
  alreadyCheckedIn: boolean;
  at: string;
  timing: 'onTime' | 'late';
  method: CheckInMethod;
}

export interface AttendeeRecord {
  eventId: string;
  memberId: string;
  name: string;
  status: 'present' | 'undone';
  at: string;
  timing: 'onTime' | 'late';
  method: CheckInMethod;
}

/**
 * registered: holding a seat. attended: registered and checked in. late: checked in after the
 * start (registered or not). absent: registered, not checked in. walkIns: checked in without a seat.
 */
export interface AttendanceCounts {
  registered: number;
  attended: number;
  late: number;
  absent: number;
  walkIns: number;
}

export interface AttendanceBranchRow extends AttendanceCounts {
  branch: BranchRef;
}

export interface AttendancePerson {
  memberId: string;
  name: string;
  branchId: string;
  registration: 'registered' | 'waitlisted' | 'none';
  /** 1 for the next to move up, in sign-up order; null unless waitlisted. */
  waitlistPosition: number | null;
  checkIn: {
    at: string;
    timing: 'onTime' | 'late';
    method: CheckInMethod;
    /** For a check-in by hand: who (name) and why. */
    byName: string | null;
    reason: string | null;
  } | null;
}

export interface AttendanceReport {
  event: { id: string; title: string; startsAt: string; endsAt: string; status: EventStatus };
  totals: AttendanceCounts;
  byBranch: AttendanceBranchRow[];
  /** Registered and checked-in members, by branch then name. */
  people: AttendancePerson[];
  generatedAt: string;
}

export interface AttendanceExport {
  /** cloud:// file id of the workbook. */
  fileId: string;
  /** Temporary link (about a day) the page opens with wx.downloadFile + wx.openDocument. */
  url: string;
  fileName: string;
}
