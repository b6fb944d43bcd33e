/** Shapes the API returns. Dates travel as ISO-8601 strings (UTC); pages format them in Asia/Shanghai. */

export type MemberRole = 'member' | 'committeeMember' | 'secretary';

export interface BranchSummary {
  id: string;
  name: string;
  committeeName: string;
}

export interface MemberProfile {
  name: string;
  role: MemberRole;
  branch: BranchSummary;
  joinedAt: string;
}

export interface MeView {
  /** null for a WeChat user who has not joined a branch yet (first run). */
  member: MemberProfile | null;
}

export interface InvitePreview {
  code: string;
  branch: BranchSummary;
  expiresAt: string;
}
