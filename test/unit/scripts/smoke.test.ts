import { judgeSmokeAnswer } from '../../../scripts/cloud/smoke';

describe('the post-deploy smoke check', () => {
  it('passes on the contract answer member.me gives without a WeChat user', () => {
    const verdict = judgeSmokeAnswer({
      RetMsg: JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
      InvokeResult: 0,
      Duration: 12,
    });
    expect(verdict.ok).toBe(true);
  });

  it('fails on a crash, a non-JSON answer or another error', () => {
    expect(judgeSmokeAnswer({ InvokeResult: 1, ErrMsg: 'Cannot find module index' })).toMatchObject({ ok: false });
    expect(judgeSmokeAnswer({ RetMsg: 'null', InvokeResult: 0 })).toMatchObject({ ok: false });
    expect(judgeSmokeAnswer({ RetMsg: '<html>', InvokeResult: 0 })).toMatchObject({ ok: false });
    expect(
      judgeSmokeAnswer({ RetMsg: JSON.stringify({ ok: false, error: { code: 'INTERNAL' } }), InvokeResult: 0 }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('INTERNAL') });
  });
});
