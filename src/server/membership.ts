/** Membership history and views shared by the join, approval, role and transfer actions. */
import type { MemberRow, MembershipEventKind, MemberRole } from '../contract';
import type { MemberDoc, MembershipEventDoc } from '../db/documents';
import { newId } from './ids';
import type { Transaction } from './transaction';

export interface HistoryLine {
  memberId: string;
  branchId: string;
  kind: MembershipEventKind;
  role?: MemberRole | null;
  by: { openid: string; name: string };
  reason?: string;
  at: Date;
}

/** Appends one line of a person's history, in the transaction that made the change. */
export async function recordHistory(tx: Transaction, line: HistoryLine): Promise<void> {
  const doc: Omit<MembershipEventDoc, '_id'> = {
    memberId: line.memberId,
    branchId: line.branchId,
    kind: line.kind,
    role: line.role ?? null,
    by: line.by.openid,
    byName: line.by.name,
    reason: line.reason ?? '',
    at: line.at,
  };
  await tx.collection('membershipEvents').doc(newId()).set(doc);
}

export function memberRow(member: MemberDoc): MemberRow {
  return {
    id: member._id,
    name: member.name,
    role: member.role,
    status: member.status === 'pending' ? 'pending' : 'active',
    joinedAt: member.joinedAt.toISOString(),
  };
}
