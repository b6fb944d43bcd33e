/**
 * Pairing documents: writing one together with its per-side index entries, and turning it into
 * what the pages show.
 */
import type { AgreementView, PairingDetail, PairingSummary } from '../contract';
import type { AgreementDoc, OrganizationDoc, PairingDoc, PairingMembershipDoc } from '../db/documents';
import type { PairingRights } from '../domain/org-access';
import type { Database } from './cloud';
import { getDoc, withoutId } from './docs';
import { temporaryLinks } from './files';
import { nameIn, orgsById } from './org-views';
import type { Transaction } from './transaction';

export function membershipId(pairingId: string, orgId: string): string {
  return `${pairingId}_${orgId}`;
}

/** Writes the whole pairing and keeps its per-side entries in step, in the caller's transaction. */
export async function writePairing(tx: Transaction, pairing: PairingDoc): Promise<void> {
  await tx.collection('pairings').doc(pairing._id).set(withoutId(pairing));
  const seenCommittees = new Set<string | null>();
  for (const side of pairing.sides) {
    const entry: Omit<PairingMembershipDoc, '_id'> = {
      pairingId: pairing._id,
      orgId: side.orgId,
      committeeId: side.committeeId,
      firstOfCommittee: !seenCommittees.has(side.committeeId),
      status: pairing.status,
      createdAt: pairing.createdAt,
    };
    seenCommittees.add(side.committeeId);
    await tx.collection('pairingMemberships').doc(membershipId(pairing._id, side.orgId)).set(entry);
  }
}

export async function lockPairing(tx: Transaction, pairingId: string): Promise<PairingDoc | null> {
  const { data } = await tx.collection('pairings').doc(pairingId).get();
  return data ? { ...(data as PairingDoc), _id: pairingId } : null;
}

function summaryWith(pairing: PairingDoc, orgs: Map<string, OrganizationDoc>): PairingSummary {
  return {
    id: pairing._id,
    name: pairing.name,
    kind: pairing.kind,
    status: pairing.status,
    termStart: pairing.termStart,
    termEnd: pairing.termEnd,
    sides: pairing.sides.map((side) => ({
      orgId: side.orgId,
      name: nameIn(orgs, side.orgId),
      committeeName: side.committeeId ? nameIn(orgs, side.committeeId) : '',
      status: side.status,
      leadName: side.leadName,
      decidedAt: side.decidedAt ? side.decidedAt.toISOString() : null,
      refuseReason: side.refuseReason,
    })),
  };
}

function orgIdsOf(pairings: readonly PairingDoc[]): string[] {
  return pairings.flatMap((p) =>
    p.sides.flatMap((side) => [side.orgId, ...(side.committeeId ? [side.committeeId] : [])]),
  );
}

export async function pairingSummaries(db: Database, pairings: readonly PairingDoc[]): Promise<PairingSummary[]> {
  const orgs = await orgsById(db, orgIdsOf(pairings));
  return pairings.map((pairing) => summaryWith(pairing, orgs));
}

async function agreementView(doc: AgreementDoc | null): Promise<AgreementView | null> {
  if (!doc) return null;
  const links = await temporaryLinks(doc.attachments.map((a) => a.fileID));
  return {
    goals: doc.goals,
    contacts: doc.contacts,
    signedOn: doc.signedOn,
    attachments: doc.attachments.map((a) => ({ ...a, url: links.get(a.fileID) ?? '' })),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export async function pairingDetail(db: Database, pairing: PairingDoc, rights: PairingRights): Promise<PairingDetail> {
  const [[summary], agreement] = await Promise.all([
    pairingSummaries(db, [pairing]),
    getDoc<AgreementDoc>(db, 'agreements', pairing._id).then(agreementView),
  ]);
  const pending = pairing.status === 'proposed' ? pairing.sides.filter((s) => s.status === 'pending') : [];
  return {
    ...summary!,
    agreement,
    endReason: pairing.endReason,
    canRespondFor: pending.map((s) => s.orgId).filter((id) => rights.leads.includes(id)),
    canManageFor: rights.leads,
    canWriteFor: rights.writes,
  };
}
