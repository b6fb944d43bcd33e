/** Collections and indexes of issue 4 (committee offices, membership, pairings); part of collections.ts. */
import type { CollectionSpec, IndexSpec } from './collections';

export const ORG_COLLECTIONS = {
  /** `_id` = `${committeeId}_${openid}`: who works in which committee's office. */
  committeeAdmins: {
    indexes: [{ name: 'openid_committee', keys: { openid: 1, committeeId: 1 } }] as IndexSpec[],
  },
  /** Append-only membership history of each person. */
  membershipEvents: {
    indexes: [{ name: 'member_at', keys: { memberId: 1, at: -1 } }] as IndexSpec[],
  },
  /** Transfer requests; `awaitingBranchId` is the branch whose secretary must decide next (null when done). */
  transfers: {
    indexes: [
      { name: 'member_created', keys: { memberId: 1, createdAt: -1 } },
      { name: 'awaiting_created', keys: { awaitingBranchId: 1, createdAt: -1 } },
    ] as IndexSpec[],
  },
  /** Pairings; a proposal is a duplicate when the same set of organisations is already proposed or active. */
  pairings: {
    indexes: [{ name: 'memberKey_status', keys: { memberKey: 1, status: 1 } }] as IndexSpec[],
  },
  /** One per (pairing, side): the lists of an organisation's and a committee's pairings run on these. */
  pairingMemberships: {
    indexes: [
      { name: 'org_status_created', keys: { orgId: 1, status: 1, createdAt: -1 } },
      {
        name: 'committee_first_status_created',
        keys: { committeeId: 1, firstOfCommittee: 1, status: 1, createdAt: -1 },
      },
    ] as IndexSpec[],
  },
  /** `_id` = pairingId: the signed agreement. */
  agreements: {
    indexes: [] as IndexSpec[],
  },
  /** Resource and need lists of a pairing. */
  pairingItems: {
    indexes: [
      { name: 'pairing_kind_created', keys: { pairingId: 1, kind: 1, createdAt: -1 } },
      { name: 'matchedBy_kind_status', keys: { matchedByOrgId: 1, kind: 1, status: 1 } },
    ] as IndexSpec[],
  },
  liaisons: {
    indexes: [{ name: 'pairing_created', keys: { pairingId: 1, createdAt: -1 } }] as IndexSpec[],
  },
  /** The ledger of shared problems (难题共解台账). */
  ledgerItems: {
    indexes: [
      { name: 'pairing_status_deadline', keys: { pairingId: 1, status: 1, deadline: 1 } },
      { name: 'pairing_owner_status_deadline', keys: { pairingId: 1, ownerOrgId: 1, status: 1, deadline: 1 } },
      { name: 'raisedBy_created', keys: { raisedByOrgId: 1, createdAt: 1 } },
      { name: 'owner_deadline', keys: { ownerOrgId: 1, deadline: 1 } },
    ] as IndexSpec[],
  },
} satisfies Record<string, CollectionSpec>;
