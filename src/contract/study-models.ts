/** What the study (学习) and points (积分) actions answer; the pages import these types. */
import type { OwnerRef } from './event-models';

export const STUDY_KINDS = ['文章', '视频', '党课', '原著', '其他'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

/**
 * none: no 心得. pass: checked, visible to others. review: WeChat asked for a person: only its
 * author sees it until a secretary approves (approved) or refuses (hidden).
 */
export type ReflectionState = 'none' | 'pass' | 'review' | 'approved' | 'hidden';

export interface StudyCheckInView {
  id: string;
  day: string;
  /** daily: on the day; makeUp: an approved 补学, counted for participation but marked. */
  kind: 'daily' | 'makeUp';
  planItemId: string | null;
  title: string;
  link: string;
  materialKind: StudyKind;
  minutes: number;
  /** null when the caller may not see it (another member's 心得 under review). */
  reflection: string | null;
  reflectionState: ReflectionState;
  photos: string[];
  at: string;
  /** Editable: today's own daily check-in. */
  editable: boolean;
}

export interface StreakView {
  current: number;
  longest: number;
}

export interface StudyPlanItemView {
  id: string;
  title: string;
  material: string;
  kind: StudyKind;
  suggestedMinutes: number;
  dueDate: string | null;
  firstTopic: boolean;
  /** 集体学习 events of the owner whose attendance counts as studying this item. */
  eventIds: string[];
}

export interface StudyPlanView {
  owner: OwnerRef;
  ownerName: string;
  month: string;
  items: StudyPlanItemView[];
  /** The caller may edit it (a secretary; for a pairing, a leading side). */
  editable: boolean;
  updatedAt: string | null;
}

export interface StudyTodayView {
  today: string;
  checkIn: StudyCheckInView | null;
  /** The photos of today's check-in with temporary links for `<image>` (url empty when a file is gone). */
  checkInPhotos: { fileID: string; url: string }[];
  streak: StreakView;
  minutes: { week: number; month: number };
  /** This month's plans: the branch's, then each active pairing's. */
  plans: StudyPlanView[];
  /** Plan items the caller has studied this month (by check-in or by attending a linked event). */
  studiedItemIds: string[];
}

export interface StudyCheckInResult {
  checkIn: StudyCheckInView;
  /** false: today's check-in already stood and was edited. */
  created: boolean;
  /** Points this call awarded (0 when none). */
  pointsAwarded: number;
}

export interface StudyCalendarView {
  month: string;
  days: { day: string; kind: 'daily' | 'makeUp'; minutes: number }[];
  streak: StreakView;
  minutes: { week: number; month: number };
}

export interface StudyHistoryPage {
  items: StudyCheckInView[];
  nextCursor: string | null;
}

export interface StudyFeedItem extends StudyCheckInView {
  memberId: string;
  name: string;
}

export type MakeUpStatus = 'pending' | 'approved' | 'refused' | 'revoked';

export interface MakeUpDecisionView {
  action: 'request' | 'approve' | 'refuse' | 'revoke';
  byName: string;
  at: string;
  reason: string;
}

export interface MakeUpView {
  id: string;
  memberId: string;
  name: string;
  day: string;
  reason: string;
  title: string;
  materialKind: StudyKind;
  minutes: number;
  planItemId: string | null;
  status: MakeUpStatus;
  decisions: MakeUpDecisionView[];
  createdAt: string;
}

export interface ItemCompletion {
  itemId: string;
  title: string;
  firstTopic: boolean;
  studied: { memberId: string; name: string }[];
  notStudied: { memberId: string; name: string }[];
}

export interface StudyProgressView {
  owner: OwnerRef;
  month: string;
  activeMembers: number;
  /** Members with at least one check-in (daily or approved 补学) this month. */
  participants: number;
  /** participants / activeMembers, 0–1 (0 with no members). */
  participationRate: number;
  items: ItemCompletion[];
  /** Who has not studied this month's 第一议题 (empty when the plan has none). */
  notStudiedFirstTopic: { memberId: string; name: string; branchId: string }[];
}

export interface PointEntryView {
  id: string;
  rule: string;
  label: string;
  points: number;
  reason: string;
  at: string;
  /** Set on a reversal: the entry it reverses. */
  reverses: string | null;
}

export interface MyPointsView {
  total: number;
  yearTotal: number;
  year: number;
  history: PointEntryView[];
  nextCursor: string | null;
  rankingOptOut: boolean;
}

export interface PointsRankingView {
  scope: OwnerRef;
  scopeName: string;
  year: number;
  rows: { rank: number; memberId: string; name: string; points: number }[];
  /** The caller opted out: they are not listed and see no ranking of themselves. */
  optedOut: boolean;
}

export interface PointRuleView {
  rule: string;
  label: string;
  points: number;
  cap: { per: 'day' | 'week' | 'month' | 'year'; count: number } | null;
}

export interface PointRulesView {
  committeeId: string;
  rules: PointRuleView[];
  makeUpWindowDays: number;
  editable: boolean;
}
