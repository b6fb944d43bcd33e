/** A branch and its people: the directory, members and roles, invite codes, transfer decisions. */
import type { InviteQrCode, InviteView, MemberRow, OrgDetail, OrgView, Page, TransferView } from '../../src/contract';
import { callApi } from './api';

export function getOrg(orgId: string): Promise<OrgDetail> {
  return callApi('org.get', { orgId });
}

/** Top-level committees without `parentId`, else the organisations under that committee. */
export function listDirectory(parentId: string | null, offset: number): Promise<Page<OrgView>> {
  return callApi('org.directory', parentId ? { parentId, offset } : { offset });
}

export type MemberStatus = 'active' | 'pending';

/** Omitted branch: the caller's own. */
export function listMembers(branchId: string | null, status: MemberStatus, offset: number): Promise<Page<MemberRow>> {
  return callApi('member.list', branchId ? { branchId, status, offset } : { status, offset });
}

export function approveMember(memberId: string): Promise<MemberRow> {
  return callApi('member.approve', { memberId });
}

export function rejectMember(memberId: string, reason: string): Promise<{ memberId: string }> {
  return callApi('member.reject', { memberId, reason });
}

export function removeMember(memberId: string, reason: string): Promise<{ memberId: string }> {
  return callApi('member.remove', { memberId, reason });
}

export type AssignableRole = 'member' | 'committeeMember' | 'secretary';

export function setMemberRole(memberId: string, role: AssignableRole): Promise<MemberRow> {
  return callApi('member.setRole', { memberId, role });
}

export function handOverSecretary(memberId: string): Promise<MemberRow> {
  return callApi('member.handOver', { memberId });
}

export interface InviteSettings {
  expiresInDays: number;
  maxUses: number;
  requiresApproval: boolean;
}

export function createInvite(settings: InviteSettings): Promise<InviteView> {
  return callApi('invite.create', settings);
}

export function listInvites(offset: number): Promise<Page<InviteView>> {
  return callApi('invite.list', { offset });
}

export function revokeInvite(code: string): Promise<InviteView> {
  return callApi('invite.revoke', { code });
}

export function inviteQrCode(code: string): Promise<InviteQrCode> {
  return callApi('invite.qrcode', { code });
}

export function listTransfersAwaitingMe(offset: number): Promise<Page<TransferView>> {
  return callApi('transfer.list', { scope: 'awaitingMe', offset });
}

export function decideTransfer(transferId: string, approve: boolean, reason = ''): Promise<TransferView> {
  return callApi('transfer.decide', { transferId, approve, reason });
}
