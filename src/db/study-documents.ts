/** Stored shapes of the study (学习) and points (积分) collections. */
import type { MakeUpStatus, ReflectionState, StudyKind } from '../contract';
import type { PointRule } from '../domain/points-rules';
import type { OwnerDoc } from './documents';

export interface StudyCheckInDoc {
  /** `${openid}_${YYYYMMDD}` (Shanghai day): one per member per day by construction. */
  _id: string;
  memberId: string;
  branchId: string;
  name: string;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  day: string;
  month: string;
  kind: 'daily' | 'makeUp';
  /** active, or undone (withdrawn the same day, or a revoked 补学). */
  status: 'active' | 'undone';
  /** Counts check-ins made on this id, so a redo after an undo has its own points source. */
  generation: number;
  planItemId: string | null;
  title: string;
  link: string;
  materialKind: StudyKind;
  minutes: number;
  reflection: string;
  reflectionState: ReflectionState;
  /** WeChat's trace id of the content check, as evidence. */
  reflectionTraceId: string;
  photos: string[];
  at: Date;
  createdAt: Date;
  /** Who decided on a 心得 held for review, and when. */
  reflectionDecision?: { by: string; byName: string; at: Date; approved: boolean };
  /** Set on a 补学: the request it came from. */
  makeUpId?: string;
}

export interface StudyPlanItemDoc {
  id: string;
  title: string;
  material: string;
  kind: StudyKind;
  suggestedMinutes: number;
  dueDate: string | null;
  firstTopic: boolean;
  /** 集体学习 events whose attendance counts as studying this item (the 联学 link lives here). */
  eventIds: string[];
}

export interface StudyPlanDoc {
  /** `${ownerKey}_${YYYY-MM}` */
  _id: string;
  owner: OwnerDoc;
  ownerKey: string;
  month: string;
  items: StudyPlanItemDoc[];
  updatedBy: string;
  updatedAt: Date;
}

export interface MakeUpDecisionDoc {
  action: 'request' | 'approve' | 'refuse' | 'revoke';
  by: string;
  byName: string;
  at: Date;
  reason: string;
}

export interface MakeUpDoc {
  /** `${openid}_${YYYYMMDD}`: one request per missed day. */
  _id: string;
  memberId: string;
  branchId: string;
  name: string;
  day: string;
  reason: string;
  planItemId: string | null;
  title: string;
  link: string;
  materialKind: StudyKind;
  minutes: number;
  status: MakeUpStatus;
  decisions: MakeUpDecisionDoc[];
  createdAt: Date;
}

export interface PointEntryDoc {
  /** The source key, or for a capped rule the cap slot it took. */
  _id: string;
  /** Unique: what earned it (or, with `#rev`, what reversed it). */
  sourceKey: string;
  memberId: string;
  branchId: string;
  rule: string;
  points: number;
  reason: string;
  /** Shanghai year and day it counts in. */
  year: number;
  day: string;
  at: Date;
  /** Set on a reversal: the entry it reverses. */
  reverses: string | null;
}

export interface PointRulesDoc {
  /** The committee's id. */
  _id: string;
  rules: Partial<Record<string, PointRule>>;
  makeUpWindowDays?: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface StudyPrefsDoc {
  /** openid */
  _id: string;
  rankingOptOut: boolean;
  updatedAt: Date;
}
