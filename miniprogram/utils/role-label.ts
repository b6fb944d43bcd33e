import type { MemberRole } from '../../src/contract';

const ROLE_LABELS: Record<MemberRole, string> = {
  member: '党员',
  committeeMember: '支部委员',
  secretary: '支部书记',
};

export function roleLabel(role: MemberRole): string {
  return ROLE_LABELS[role];
}
