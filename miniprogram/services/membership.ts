/** The member's own organisation relationship: leaving, transferring, and its history. */
import type { MembershipEventView, Page, TransferView } from '../../src/contract';
import { callApi } from './api';

export function leaveBranch(reason: string): Promise<{ left: true }> {
  return callApi('member.leave', { reason });
}

export function requestTransfer(toBranchId: string, reason: string): Promise<TransferView> {
  return callApi('transfer.request', { toBranchId, reason });
}

export function listMyTransfers(offset: number): Promise<Page<TransferView>> {
  return callApi('transfer.list', { scope: 'mine', offset });
}

/** The caller's history, or (for a branch's managers) one member's. */
export function membershipHistory(offset: number, memberId?: string): Promise<Page<MembershipEventView>> {
  return callApi('member.history', memberId ? { memberId, offset } : { offset });
}
