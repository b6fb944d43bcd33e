import type { InvitePreview, MemberProfile } from '../../../src/contract';

export const branch = { id: 'branch-1', name: '第一党支部', committeeName: '市直机关党委' };

export const member: MemberProfile = {
  name: '张三',
  role: 'member',
  branch,
  joinedAt: '2026-03-01T02:00:00.000Z',
};

export const invitePreview: InvitePreview = {
  code: 'ABCD2345',
  branch,
  expiresAt: '2026-04-01T10:00:00.000Z',
};
