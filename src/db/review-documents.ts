/** Stored shapes of the year-end review (issue 14). Civil dates and months are Asia/Shanghai text. */
import type { CadenceItem, ContactDuty, OrgLifeKind, Outcomes, VisitKind } from '../contract';
import type { AttachmentDoc } from './org-documents';
import type { OwnerDoc } from './documents';

/** `_id` = the event's id: one record per event, whoever saves first creates it. */
export interface OrgLifeRecordDoc {
  _id: string;
  eventId: string;
  owner: OwnerDoc;
  ownerKey: string;
  /** Copied from the event so a scope's sessions are one indexed query. */
  startsAt: Date;
  title: string;
  kind: OrgLifeKind;
  topic: string;
  form: string;
  host: string;
  content: string;
  decisions: string;
  attachments: AttachmentDoc[];
  outcomes: Outcomes;
  /** Corrections to the check-in list, each with its reason. */
  adjustments: { memberId: string; name: string; present: boolean; reason: string }[];
  updatedBy: string;
  updatedByName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `_id` = `${eventId}_${openid}`. */
export interface LeaveDoc {
  _id: string;
  eventId: string;
  memberId: string;
  branchId: string;
  name: string;
  reason: string;
  status: 'requested' | 'withdrawn';
  at: Date;
}

/** `_id` = committee id. */
export interface CadenceRulesDoc {
  _id: string;
  items: CadenceItem[];
  contactDuty: ContactDuty;
  updatedBy: string;
  updatedAt: Date;
}

/** `_id` = `${committeeId}_${leaderOpenid}_${branchId}`. */
export interface ContactPointDoc {
  _id: string;
  committeeId: string;
  leaderOpenid: string;
  leaderName: string;
  leaderBranchId: string;
  branchId: string;
  termStart: string;
  termEnd: string;
  createdBy: string;
  createdAt: Date;
}

export interface ContactPointLogDoc {
  _id: string;
  contactPointId: string;
  committeeId: string;
  leaderOpenid: string;
  kind: 'note' | 'visit';
  visitKind: VisitKind | null;
  date: string;
  summary: string;
  at: Date;
}
