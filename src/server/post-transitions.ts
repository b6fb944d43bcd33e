/**
 * The two moments of a post's life other features hook into (points for a published post, taking
 * them back when it is hidden). Each is called exactly once per transition: only the request that
 * made the conditional status change calls it. Empty today; the points ledger is hooked in here.
 */
import type { PostDoc } from '../db/documents';
import type { Database } from './cloud';

/** The post has just become visible to its audience (checks passed, or a secretary approved it). */
export async function postPublished(_db: Database, _post: PostDoc, _now: Date): Promise<void> {}

/** The post has just left (or will never reach) its audience: rejected by a check or a secretary, or hidden. */
export async function postRemoved(_db: Database, _post: PostDoc, _from: PostDoc['status'], _now: Date): Promise<void> {}
