/**
 * The collections Lianjian uses and the indexes every query path relies on. This manifest is the
 * single source: the local cloud builds its indexes from it, and it documents the indexes to
 * create in each CloudBase environment (console → 数据库 → 索引管理, or @cloudbase/manager-node's
 * `database.updateCollection(name, { CreateIndexes })`).
 */
import { ORG_COLLECTIONS } from './org-collections';

export interface IndexSpec {
  name: string;
  /** Field paths in order, 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  /** Committees, branches and partner organisations (kind), linked by parentId. */
  organizations: {
    indexes: [
      { name: 'kind_parent', keys: { kind: 1, parentId: 1 } },
      { name: 'parent_name', keys: { parentId: 1, name: 1 } },
    ] as IndexSpec[],
  },
  /** One document per person, `_id` = openid, so a person can hold at most one membership. */
  members: {
    indexes: [{ name: 'branch_status_joined', keys: { branchId: 1, status: 1, joinedAt: -1 } }],
  },
  /** `_id` = the code itself, so codes are unique by construction. */
  inviteCodes: {
    indexes: [{ name: 'branch_created', keys: { branchId: 1, createdAt: -1 } }],
  },
  ...ORG_COLLECTIONS,
  /** `_id` = ownerKey: one theme-day rule per branch or pairing. The scheduler pages on `active`. */
  themeDayRules: {
    indexes: [{ name: 'active_id', keys: { active: 1, _id: 1 } }],
  },
  /**
   * Events, read by `_id` or by owner (a branch's list goes through eventAudiences). A theme day's `_id` is derived
   * from its owner and month, so regeneration cannot duplicate it.
   */
  events: {
    indexes: [
      /**
       * An owner's events by start: a pairing's list in event.list (paged on startsAt, then _id)
       * and its published events in the year figures (handlers/figures.ts).
       */
      { name: 'owner_status_start_id', keys: { ownerKey: 1, status: 1, startsAt: 1, _id: 1 } },
    ] as IndexSpec[],
  },
  /** One per (event, audience branch): what event.list reads for the caller's branch. */
  eventAudiences: {
    indexes: [{ name: 'branch_status_start', keys: { branchId: 1, status: 1, startsAt: 1, eventId: 1 } }],
  },
  /** `_id` = `${eventId}_${openid}`. Waitlist order, positions and per-branch counts read by event. */
  registrations: {
    indexes: [
      { name: 'event_status_sequence', keys: { eventId: 1, status: 1, sequence: 1 } },
      { name: 'event_branch_status', keys: { eventId: 1, branchId: 1, status: 1 } },
      // The event's queue of undecided requests, oldest first; and every pending request, for the scheduler's sweep.
      { name: 'event_pending_at', keys: { eventId: 1, pending: 1, 'request.at': 1 } },
      { name: 'pending_at', keys: { pending: 1, 'request.at': 1 } },
      // A member's places, released when they leave the branch.
      { name: 'member_status', keys: { memberId: 1, status: 1 } },
    ] as IndexSpec[],
  },
  /** `_id` = `${eventId}_${openid}`: a member checks in once. */
  checkins: {
    indexes: [{ name: 'event_status_at', keys: { eventId: 1, status: 1, at: 1 } }],
  },
  /** Printed check-in codes: `_id` = the short code, one per event (unique eventId). */
  eventCodes: {
    indexes: [{ name: 'event', keys: { eventId: 1 }, unique: true }] as IndexSpec[],
  },
  /** Per-environment secrets generated on first use (the check-in signing key). Admin-only permissions. */
  secrets: {
    indexes: [] as IndexSpec[],
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
