/**
 * Shapes of the year-end review (issue 14): organisation-life records (minutes), 请假, the
 * 三会一课 cadence, contact points, the review figures with their evidence, 首页 and 我的记录.
 * Instants are ISO-8601 (UTC); civil dates 'YYYY-MM-DD' and months 'YYYY-MM' are Asia/Shanghai.
 */
import type { EventStatus, OwnerRef } from './event-models';

// ── Organisation-life records ───────────────────────────────────────────────

export const ORG_LIFE_KINDS = [
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '联学',
] as const;
export type OrgLifeKind = (typeof ORG_LIFE_KINDS)[number];

/** Outcome figures an organiser enters once per activity, summed into the review. */
export const OUTCOME_KEYS = [
  'peopleVisited',
  'forums',
  'researchVisits',
  'volunteers',
  'volunteerHours',
  'servicesDelivered',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];
export type Outcomes = Record<OutcomeKey, number>;

export const OUTCOME_LABELS: Record<OutcomeKey, string> = {
  peopleVisited: '走访慰问人数',
  forums: '座谈会',
  researchVisits: '调研走访',
  volunteers: '志愿者人次',
  volunteerHours: '志愿服务时长（小时）',
  servicesDelivered: '办实事（件）',
};

export interface MinutesPerson {
  memberId: string;
  name: string;
}

export interface MinutesAttendee extends MinutesPerson {
  /** checkIn: from the check-in list; added: put in by hand (with the reason). */
  source: 'checkIn' | 'added';
  reason: string | null;
}

export interface AttendanceTally {
  /** Holding a seat. */
  registered: number;
  /** Registered, asked for leave, and did not come. */
  excused: number;
  /** Registered and present (after the minutes' corrections). */
  attended: number;
  /** attended / (registered − excused); null when nobody was expected. */
  rate: number | null;
}

export interface OrgLifeRecordView {
  event: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    placeName: string;
    status: EventStatus;
    owner: OwnerRef;
    ownerName: string;
  };
  /** False until the organiser first saves the minutes (the fields then hold suggestions). */
  saved: boolean;
  kind: OrgLifeKind;
  topic: string;
  form: string;
  host: string;
  content: string;
  decisions: string;
  /** `url` is a temporary link (empty if the file is gone), handed out only to those who may read the minutes. */
  attachments: { fileID: string; name: string; url: string }[];
  outcomes: Outcomes;
  attendees: MinutesAttendee[];
  /** Checked in but struck out of the minutes, with the reason. */
  removed: (MinutesPerson & { reason: string })[];
  /** 请假: asked for leave before the event. */
  excused: (MinutesPerson & { reason: string })[];
  /** Registered, no leave, not present. */
  absent: MinutesPerson[];
  tally: AttendanceTally;
  canEdit: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface MyLeave {
  eventId: string;
  reason: string;
  status: 'requested' | 'withdrawn';
  at: string;
}

// ── Cadence (三会一课) ───────────────────────────────────────────────────────

export type CadencePeriod = 'month' | 'quarter' | 'halfYear' | 'year';

export interface CadenceItem {
  kind: OrgLifeKind;
  period: CadencePeriod;
  /** Sessions needed in each period. */
  times: number;
}

export interface ContactDuty {
  /** A follow-up note every month of the term. */
  notesPerMonth: number;
  /** Visits in a calendar year. */
  visitsPerYear: number;
}

export interface CadenceRulesView {
  committeeId: string;
  items: CadenceItem[];
  contactDuty: ContactDuty;
  /** False while the committee still uses the defaults. */
  configured: boolean;
}

export type CadenceState = 'done' | 'due' | 'overdue';

export interface CadenceLine extends CadenceItem {
  /** The period containing the month, e.g. '2026-Q2'. */
  periodLabel: string;
  /** Sessions held in the current period. */
  held: number;
  /** Sessions held in the previous period (what makes it overdue). */
  heldBefore: number;
  state: CadenceState;
  /** The records counted this period (date, title, link). */
  evidence: EvidenceRow[];
}

export interface BranchCadence {
  branch: { id: string; name: string };
  month: string;
  lines: CadenceLine[];
  due: number;
  overdue: number;
}

export interface CommitteeCadence {
  committee: { id: string; name: string };
  month: string;
  rules: CadenceRulesView;
  branches: BranchCadence[];
}

// ── Contact points (党支部工作联系点) ─────────────────────────────────────────

export const VISIT_KINDS = ['调研', '讲党课', '指导', '座谈'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export interface ContactLogView {
  id: string;
  kind: 'note' | 'visit';
  visitKind: VisitKind | null;
  date: string;
  summary: string;
  at: string;
}

export interface ContactPointView {
  id: string;
  committeeId: string;
  leader: { openid: string; name: string; branchId: string; branchName: string };
  branch: { id: string; name: string };
  termStart: string;
  termEnd: string;
  year: number;
  /** Months of the year (inside the term, already over) without a note. */
  missedMonths: string[];
  /** Months of the year inside the term with at least the required notes. */
  notedMonths: string[];
  visits: number;
  /** The duty for the year so far: every finished month noted and, once the year is over, visits met. */
  met: boolean;
  /** What is still owed this year, in words. */
  owing: string[];
  logs: ContactLogView[];
}

export interface ContactPointBoard {
  committee: { id: string; name: string };
  year: number;
  duty: ContactDuty;
  points: ContactPointView[];
  met: number;
  notMet: number;
}

// ── Review figures ───────────────────────────────────────────────────────────

export type ReviewScopeKind = 'branch' | 'pairing' | 'committee';

export interface ReviewScope {
  kind: ReviewScopeKind;
  id: string;
}

/** One record a figure counts. */
export interface EvidenceRow {
  /** Stable id of the record (event id, ledger item id, …). */
  id: string;
  /** Civil date (Asia/Shanghai). */
  date: string;
  title: string;
  /** Mini-program page that shows the record. */
  link: string;
  /** Sub-kind the figure splits by (org-life kind, visit kind…), if any. */
  kind?: string;
  /** A short line under the title (e.g. "出席 12 / 应到 14"). */
  detail?: string;
  /** For a rate: this record's numerator and denominator. */
  num?: number;
  den?: number;
  /** For a sum: this record's amount. */
  amount?: number;
}

export type FigureUnit = 'count' | 'rate' | 'sum';

export interface FigureValue {
  key: string;
  title: string;
  group: string;
  unit: FigureUnit;
  /** count: evidence length; sum: Σ amount; rate: Σ num / Σ den (null with no denominator). */
  value: number | null;
  /** Twelve values, January first (same rule per month). */
  byMonth: (number | null)[];
  /** Value by evidence kind, when the rows have kinds. */
  byKind: { kind: string; value: number }[];
  evidenceCount: number;
}

export interface ReviewFigures {
  scope: ReviewScope & { name: string };
  year: number;
  figures: FigureValue[];
  generatedAt: string;
}

export interface ReviewEvidence {
  scope: ReviewScope & { name: string };
  year: number;
  figure: { key: string; title: string; unit: FigureUnit };
  month: number | null;
  kind: string | null;
  rows: EvidenceRow[];
  value: number | null;
}

export interface ReviewExport {
  fileId: string;
  url: string;
  fileName: string;
}

/** A scope the caller may review: their branch and its pairings, or their committees. */
export interface ReviewScopeOption extends ReviewScope {
  name: string;
}

// ── 首页 and 我的记录 ─────────────────────────────────────────────────────────

export type MyEventState = 'registered' | 'waitlisted' | 'excused' | 'checkedIn' | 'notRegistered';

export interface NextEventCard {
  id: string;
  title: string;
  kind: 'themeDay' | 'activity';
  startsAt: string;
  endsAt: string;
  placeName: string;
  state: MyEventState;
  /** Check-in is open now and the member has not checked in yet. */
  checkInOpen: boolean;
}

export interface OpenTask {
  kind: 'signUp' | 'checkIn' | 'minutes' | 'contactNote' | 'cadence' | 'firstTopic';
  title: string;
  detail: string;
  link: string;
}

export interface HomeOverview {
  next: NextEventCard | null;
  tasks: OpenTask[];
}

export interface MyRecordRow {
  eventId: string;
  title: string;
  date: string;
  state: 'attended' | 'excused' | 'absent' | 'registered' | 'waitlisted' | 'cancelled';
}

export interface MyYearRecords {
  year: number;
  signUps: number;
  attended: number;
  excused: number;
  absent: number;
  /** attended / (signed up and ended − excused). */
  rate: number | null;
  rows: MyRecordRow[];
  /** 学习打卡 of the year: days studied (approved 补学 among them) and minutes. */
  study: { days: number; makeUps: number; minutes: number };
  /** Points of the year (awards less reversals). */
  points: number;
  /** 活动风采 the member published that year (still published). */
  posts: number;
}
