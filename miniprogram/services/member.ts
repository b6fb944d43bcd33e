/** Membership: who am I, what does an invite lead to, join a branch. */
import type { InvitePreview, MemberProfile, MeView } from '../../src/contract';
import { callApi } from './api';

export function getMe(): Promise<MeView> {
  return callApi('member.me', {});
}

export function previewInvite(code: string): Promise<InvitePreview> {
  return callApi('invite.preview', { code });
}

export function joinBranch(code: string, name: string): Promise<MemberProfile> {
  return callApi('member.join', { code, name });
}
