/**
 * What the content checks of a post or notice decide, and who may see a post. Pure: verdicts and
 * the caller's standing in, a decision out.
 *
 * A post is published only when its text and every photo passed. One 'risky' photo rejects it
 * (the author is told which). A 'review' verdict, or no verdict by the deadline, leaves it pending
 * for a secretary to decide by hand; it is never published by waiting.
 */
export type Verdict = 'pass' | 'review' | 'risky';

/** How long WeChat is given to answer every photo before a secretary must decide. */
export const CHECK_DEADLINE_MS = 30 * 60 * 1000;

export type CheckOutcome =
  | { kind: 'publish' }
  | { kind: 'reject'; reason: string }
  | { kind: 'wait'; needsReview: boolean };

/**
 * `photos` lists each photo's verdict in order (null: not answered yet). `overdue`: the deadline
 * has passed.
 */
export function decideChecks(text: Verdict, photos: readonly (Verdict | null)[], overdue: boolean): CheckOutcome {
  if (text === 'risky') return { kind: 'reject', reason: '文字内容未通过安全检测' };
  const risky = photos.findIndex((verdict) => verdict === 'risky');
  if (risky >= 0) return { kind: 'reject', reason: `第 ${risky + 1} 张图片未通过内容安全检测，请更换后重新发布` };
  if (text === 'pass' && photos.every((verdict) => verdict === 'pass')) return { kind: 'publish' };
  const review = text === 'review' || photos.some((verdict) => verdict === 'review');
  return { kind: 'wait', needsReview: review || overdue };
}

export interface PostFacts {
  status: 'pending' | 'published' | 'rejected' | 'hidden';
  authorOpenid: string;
  audience: readonly string[];
}

export interface Viewer {
  openid: string;
  branchId: string;
  role: 'member' | 'committeeMember' | 'secretary';
}

/** A secretary of a branch the post is addressed to. */
export function moderatesPost(viewer: Viewer, post: Pick<PostFacts, 'audience'>): boolean {
  return viewer.role === 'secretary' && post.audience.includes(viewer.branchId);
}

/** Published: members of its audience. Otherwise only the author and its moderators. */
export function seesPost(viewer: Viewer, post: PostFacts): boolean {
  if (post.authorOpenid === viewer.openid) return true;
  if (post.status === 'published') return post.audience.includes(viewer.branchId);
  return moderatesPost(viewer, post);
}
