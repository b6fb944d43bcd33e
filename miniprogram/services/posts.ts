/** Posts (活动风采): feeds, my posts, moderation, likes and the composer's choices. */
import type { ActionInput, PostableEvent, PostLikeResult, PostPage, PostView } from '../../src/contract';
import { callApi } from './api';

export type FeedQuery = Pick<ActionInput<'post.feed'>, 'eventId' | 'pairingId'>;

export function feed(query: FeedQuery, cursor: string | null, limit = 10): Promise<PostPage> {
  return callApi('post.feed', { ...query, limit, ...(cursor ? { cursor } : {}) });
}

export function myPosts(cursor: string | null, limit = 10): Promise<PostPage> {
  return callApi('post.mine', { limit, ...(cursor ? { cursor } : {}) });
}

export function moderationQueue(cursor: string | null, limit = 10): Promise<PostPage> {
  return callApi('post.moderation', { limit, ...(cursor ? { cursor } : {}) });
}

export function getPost(postId: string): Promise<PostView> {
  return callApi('post.get', { postId });
}

export function likePost(postId: string, liked: boolean): Promise<PostLikeResult> {
  return callApi('post.like', { postId, liked });
}

export function moderatePost(input: ActionInput<'post.moderate'>): Promise<PostView> {
  return callApi('post.moderate', input);
}

export function createPost(input: ActionInput<'post.create'>): Promise<PostView> {
  return callApi('post.create', input);
}

export async function postableEvents(): Promise<PostableEvent[]> {
  return (await callApi('post.events', {})).items;
}

/** A request id made once per composed post, kept across retries so a retry never posts twice. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${random}`;
}
