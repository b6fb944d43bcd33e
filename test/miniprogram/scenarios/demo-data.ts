/** Realistic demo answers for the gallery and the budgets test (contract-shaped, in Chinese). */
import type { InvitePreview, MemberProfile } from '../../../src/contract';

export const demoBranch = {
  id: 'branch-finance-2',
  name: '市财政局机关第二党支部',
  committeeName: '中共市直机关工作委员会',
};

export const demoMember: MemberProfile = {
  name: '王芳',
  role: 'member',
  branch: demoBranch,
  joinedAt: '2021-06-30T16:00:00.000Z',
};

export const demoSecretary: MemberProfile = {
  name: '李明',
  role: 'secretary',
  branch: demoBranch,
  joinedAt: '2019-03-01T02:00:00.000Z',
};

export const demoInvite: InvitePreview = {
  code: 'LJ2026',
  branch: demoBranch,
  expiresAt: '2026-12-31T15:59:00.000Z',
};
