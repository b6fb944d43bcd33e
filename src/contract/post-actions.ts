/**
 * Post (活动风采) actions: a member who attended or organised an event posts photos and a caption
 * about it; every photo and the caption are checked by WeChat before anyone else sees it.
 * `requestId` is made by the client once per post, so a retried create never makes a second one.
 */
import { z } from 'zod';
import { eventId, reason } from './event-fields';
import { id, input, noInput, text } from './fields';
import { pairingId } from './org-fields';
import type { PostableEvent, PostLikeResult, PostPage, PostView } from './post-models';
import { action, ANY_MEMBER } from './spec';

export const POST_PHOTOS_MAX = 9;
export const POST_CAPTION_MAX = 500;
export const POST_PAGE_MAX = 20;

export const postId = id('风采');
/** Made by the client (e.g. 16 random hex) once per post it composes; kept across retries. */
export const requestId = z
  .string({ required_error: '缺少请求编号', invalid_type_error: '请求编号格式不正确' })
  .regex(/^[A-Za-z0-9_-]{8,40}$/, { message: '请求编号格式不正确' });

/** A file uploaded to cloud storage; the server checks it is the caller's own upload for the purpose. */
export const uploadedFileID = z
  .string({ required_error: '缺少图片', invalid_type_error: '图片格式不正确' })
  .max(500, { message: '图片格式不正确' })
  .regex(/^cloud:\/\/[^/\s]+\/[^\s]+$/, { message: '图片格式不正确，请重新上传' });

const cursorPage = {
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(POST_PAGE_MAX).default(10),
};

export const postActions = {
  'post.create': action<PostView>()({
    input: () =>
      input({
        requestId,
        eventId,
        caption: text('配文', POST_CAPTION_MAX, { min: 0 }).default(''),
        photos: z
          .array(uploadedFileID)
          .min(1, { message: '请至少选择 1 张照片' })
          .max(POST_PHOTOS_MAX, { message: `照片最多 ${POST_PHOTOS_MAX} 张` }),
      }),
    roles: ANY_MEMBER,
    perMinute: 20,
  }),
  /** Published posts the caller may see: their branch's feed, or one event's or one pairing's. */
  'post.feed': action<PostPage>()({
    input: () => input({ eventId: eventId.optional(), pairingId: pairingId.optional(), ...cursorPage }),
    roles: ANY_MEMBER,
  }),
  /** The caller's own posts in every state, with the reason of a rejected or hidden one. */
  'post.mine': action<PostPage>()({ input: () => input(cursorPage), roles: ANY_MEMBER }),
  /** Pending posts addressed to the secretary's branch. */
  'post.moderation': action<PostPage>()({ input: () => input(cursorPage), roles: ['secretary'] }),
  'post.get': action<PostView>()({ input: () => input({ postId }), roles: ANY_MEMBER }),
  'post.like': action<PostLikeResult>()({ input: () => input({ postId, liked: z.boolean() }), roles: ANY_MEMBER }),
  /** approve / reject a pending post, hide a published one; a reason the author sees for the last two. */
  'post.moderate': action<PostView>()({
    input: () =>
      z.discriminatedUnion('decision', [
        input({ postId, decision: z.literal('approve') }),
        input({ postId, decision: z.literal('reject'), reason }),
        input({ postId, decision: z.literal('hide'), reason }),
      ]),
    roles: ['secretary'],
  }),
  /** The events the caller may post about: attended or organised in the last 60 days. */
  'post.events': action<{ items: PostableEvent[] }>()({ input: () => noInput, roles: ANY_MEMBER }),
} as const;
