import { decideChecks, moderatesPost, seesPost, type PostFacts, type Viewer } from '../../../src/domain/content-review';
import { isMessagePush } from '../../../src/functions/push';

describe('decideChecks', () => {
  it('publishes only when the text and every photo passed', () => {
    expect(decideChecks('pass', ['pass', 'pass'], false)).toEqual({ kind: 'publish' });
    expect(decideChecks('pass', ['pass', null], false)).toEqual({ kind: 'wait', needsReview: false });
    expect(decideChecks('pass', [], false)).toEqual({ kind: 'publish' });
  });

  it('rejects on risky text or a risky photo, naming the photo', () => {
    expect(decideChecks('risky', ['pass'], false)).toMatchObject({ kind: 'reject' });
    expect(decideChecks('pass', ['pass', null, 'risky'], false)).toEqual({
      kind: 'reject',
      reason: '第 3 张图片未通过内容安全检测，请更换后重新发布',
    });
    // A risky photo wins over one that asks for a person.
    expect(decideChecks('review', ['review', 'risky'], false)).toMatchObject({ kind: 'reject' });
  });

  it('waits for a person on a review verdict or once the deadline passed, never publishing by waiting', () => {
    expect(decideChecks('review', ['pass'], false)).toEqual({ kind: 'wait', needsReview: true });
    expect(decideChecks('pass', ['review'], false)).toEqual({ kind: 'wait', needsReview: true });
    expect(decideChecks('pass', [null], true)).toEqual({ kind: 'wait', needsReview: true });
  });
});

describe('seesPost', () => {
  const post = (status: PostFacts['status']): PostFacts => ({ status, authorOpenid: 'author', audience: ['b1', 'b2'] });
  const viewer = (openid: string, branchId: string, role: Viewer['role'] = 'member'): Viewer => ({
    openid,
    branchId,
    role,
  });

  it('shows a published post to its audience only', () => {
    expect(seesPost(viewer('m', 'b2'), post('published'))).toBe(true);
    expect(seesPost(viewer('m', 'b3'), post('published'))).toBe(false);
    expect(seesPost(viewer('s', 'b3', 'secretary'), post('published'))).toBe(false);
  });

  it.each(['pending', 'rejected', 'hidden'] as const)(
    'shows a %s post to its author and its moderators only',
    (status) => {
      expect(seesPost(viewer('author', 'b9'), post(status))).toBe(true);
      expect(seesPost(viewer('s', 'b1', 'secretary'), post(status))).toBe(true);
      expect(seesPost(viewer('m', 'b1'), post(status))).toBe(false);
      expect(seesPost(viewer('c', 'b1', 'committeeMember'), post(status))).toBe(false);
      expect(seesPost(viewer('s', 'b3', 'secretary'), post(status))).toBe(false);
      expect(moderatesPost(viewer('s', 'b3', 'secretary'), post(status))).toBe(false);
    },
  );
});

describe('isMessagePush', () => {
  it('refuses every source a caller can produce', () => {
    for (const source of ['', 'wx_client', 'wx_devtools', 'wx_http', 'wx_trigger', 'wx_client,scf', 'scf', ' , '])
      expect(isMessagePush(source)).toBe(false);
    expect(isMessagePush('wx_message_push')).toBe(true);
  });
});
