/**
 * api-contract.test.ts rows for the post and notice actions (issue 10): one valid payload
 * (accepted from `caller` against the demo seed) and one invalid payload with the field it must name.
 */
import { DEFAULTS } from '../../local-cloud/src/config';
import { fileIdOf } from '../../local-cloud/src/storage/paths';
import type { ActionName } from '../../src/contract';
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING_EVENTS } from '../../src/demo/demo-pairing-events';
import { DEMO_NOTICES, DEMO_POSTS, demoReadyPhotoPath } from '../../src/demo/demo-posts';

type Row = { valid: unknown; invalid: unknown; invalidPath: string; caller?: string };
type PostAction = Extract<ActionName, `post.${string}` | `notice.${string}`>;

/** The photo the demo left in 王芳's post upload folder. */
const readyPhoto = fileIdOf(DEFAULTS.envId, demoReadyPhotoPath(DEMO.memberOpenid));

export const postPayloads: Record<PostAction, Row> = {
  'post.create': {
    valid: { requestId: 'contract-post-1', eventId: DEMO_PAIRING_EVENTS.jointEventId, photos: [readyPhoto] },
    invalid: { requestId: 'contract-post-1', eventId: DEMO_PAIRING_EVENTS.jointEventId, photos: [] },
    invalidPath: 'photos',
    caller: DEMO.memberOpenid,
  },
  'post.feed': { valid: {}, invalid: { limit: 0 }, invalidPath: 'limit', caller: DEMO.memberOpenid },
  'post.mine': { valid: { limit: 5 }, invalid: { limit: 21 }, invalidPath: 'limit', caller: DEMO.memberOpenid },
  'post.moderation': { valid: {}, invalid: { cursor: 5 }, invalidPath: 'cursor', caller: DEMO.secretaryOpenid },
  'post.get': {
    valid: { postId: DEMO_POSTS.published },
    invalid: { postId: 'no such/id' },
    invalidPath: 'postId',
    caller: DEMO.memberOpenid,
  },
  'post.like': {
    valid: { postId: DEMO_POSTS.published, liked: true },
    invalid: { postId: DEMO_POSTS.published, liked: 'yes' },
    invalidPath: 'liked',
    caller: DEMO.memberOpenid,
  },
  'post.moderate': {
    valid: { postId: DEMO_POSTS.published, decision: 'hide', reason: '照片重复发布' },
    invalid: { postId: DEMO_POSTS.published, decision: 'hide', reason: '' },
    invalidPath: 'reason',
    caller: DEMO.secretaryOpenid,
  },
  'post.events': { valid: {}, invalid: { eventId: 'x' }, invalidPath: '', caller: DEMO.memberOpenid },
  'notice.create': {
    valid: {
      requestId: 'contract-notice-1',
      audience: { kind: 'branch', id: DEMO.branches.finance },
      title: '本周五下午集中学习',
      body: '请全体党员准时参加。',
    },
    invalid: {
      requestId: 'contract-notice-1',
      audience: { kind: 'branch', id: DEMO.branches.finance },
      title: '长'.repeat(41),
      body: '正文',
    },
    invalidPath: 'title',
    caller: DEMO.secretaryOpenid,
  },
  'notice.update': {
    valid: {
      noticeId: DEMO_NOTICES.branch,
      title: '关于按时缴纳党费的通知',
      body: '请于本月 25 日前缴纳。',
      pinned: true,
    },
    invalid: { noticeId: DEMO_NOTICES.branch, title: '标题', body: '   ' },
    invalidPath: 'body',
    caller: DEMO.secretaryOpenid,
  },
  'notice.withdraw': {
    valid: { noticeId: DEMO_NOTICES.pairing },
    invalid: { noticeId: '' },
    invalidPath: 'noticeId',
    caller: DEMO.secretaryOpenid,
  },
  'notice.list': { valid: {}, invalid: { offset: -1 }, invalidPath: 'offset', caller: DEMO.memberOpenid },
  'notice.mine': { valid: {}, invalid: { limit: 0 }, invalidPath: 'limit', caller: DEMO.secretaryOpenid },
  'notice.get': {
    valid: { noticeId: DEMO_NOTICES.branch },
    invalid: { noticeId: '../x' },
    invalidPath: 'noticeId',
    caller: DEMO.memberOpenid,
  },
  'notice.receipts': {
    valid: { noticeId: DEMO_NOTICES.branch },
    invalid: { noticeId: DEMO_NOTICES.branch, branchId: 'a b' },
    invalidPath: 'branchId',
    caller: DEMO.secretaryOpenid,
  },
  'notice.unread': { valid: {}, invalid: { all: true }, invalidPath: '', caller: DEMO.memberOpenid },
  'notice.audiences': { valid: {}, invalid: { kind: 'branch' }, invalidPath: '', caller: DEMO.secretaryOpenid },
};
