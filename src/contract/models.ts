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
  /** Present (true) while the branch's secretary has yet to approve the join. */
  pendingApproval?: true;
}

/** A committee whose office the caller works in. */
export interface CommitteeRef {
  id: string;
  name: string;
}

export interface MeView {
  /** null for a WeChat user who has not joined a branch yet (first run). */
  member: MemberProfile | null;
  /** A join waiting for the secretary's approval (only when `member` is null). */
  pendingJoin?: MemberProfile;
  /** Present for a member who works in committee offices: the committees, by id. */
  offices?: CommitteeRef[];
}

export interface InvitePreview {
  code: string;
  branch: BranchSummary;
  expiresAt: string;
}
