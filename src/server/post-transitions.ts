/**
 * The two moments of a post's life other features hook into. Each is called exactly once per
 * transition: only the request that made the conditional status change calls it. A published post
 * earns its author the `post.published` points (capped per day by the committee's rules); leaving
 * its audience takes them back with an opposite entry. The source key is the post, so a retried
 * award or reversal changes nothing, and a post published again after being hidden earns nothing
 * more (its source has been awarded once already).
 */
import type { PostDoc } from '../db/documents';
import type { Database } from './cloud';
import { awardPoints, reversePoints, rulesForBranch } from './points';

const pointsSource = (post: PostDoc) => `post_${post._id}`;

/** The post has just become visible to its audience (checks passed, or a secretary approved it). */
export async function postPublished(db: Database, post: PostDoc, now: Date): Promise<void> {
  const { rules } = await rulesForBranch(db, post.authorBranchId, now);
  await awardPoints(
    db,
    [
      {
        memberId: post.authorOpenid,
        branchId: post.authorBranchId,
        rule: 'post.published',
        sourceKey: pointsSource(post),
        reason: post.eventTitle,
      },
    ],
    rules,
    now,
  );
}

/** The post has just left (or will never reach) its audience: rejected by a check or a secretary, or hidden. */
export async function postRemoved(db: Database, post: PostDoc, from: PostDoc['status'], now: Date): Promise<void> {
  if (from !== 'published') return; // it never earned anything
  await reversePoints(db, [pointsSource(post)], `活动风采已撤下：${post.eventTitle}`, now);
}
