import type { ApiResult, MeView } from '../../../src/contract';
import { ok, stubCloud, stubCloudOffline } from '../helpers/cloud';
import { member } from '../helpers/fixtures';
import type * as SessionModule from '../../../miniprogram/store/session';

type Session = typeof SessionModule;

/** A fresh store (its cache is module state) over the real member service and API client. */
function freshSession(): Session {
  let session: Session | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    session = require('../../../miniprogram/store/session') as Session;
  });
  if (!session) throw new Error('session store did not load');
  return session;
}

describe('session store', () => {
  it('fetches once: concurrent and later callers share the first answer', async () => {
    const calls = stubCloud({ 'member.me': ok({ member }) });
    const session = freshSession();
    expect(session.currentMe()).toBeNull();
    const [a, b] = await Promise.all([session.loadMe(), session.loadMe()]);
    await session.loadMe();
    expect(a).toEqual({ member });
    expect(b).toBe(a);
    expect(session.currentMe()).toBe(a);
    expect(calls).toHaveLength(1);
  });

  it('does not cache a failure: the next load asks again', async () => {
    stubCloudOffline();
    const session = freshSession();
    await expect(session.loadMe()).rejects.toMatchObject({ code: 'NETWORK' });
    const calls = stubCloud({ 'member.me': ok({ member }) });
    await expect(session.loadMe()).resolves.toEqual({ member });
    expect(calls).toHaveLength(1);
  });

  it('refreshMe replaces the cached view', async () => {
    let me: MeView = { member: null };
    const calls = stubCloud({ 'member.me': () => ok(me) });
    const session = freshSession();
    await session.loadMe();
    me = { member };
    await expect(session.refreshMe()).resolves.toEqual({ member });
    expect(session.currentMe()).toEqual({ member });
    expect(calls).toHaveLength(2);
  });

  it('keeps the refreshed view when an older request answers late', async () => {
    const answers: Array<(result: ApiResult<MeView>) => void> = [];
    wx.cloud.callFunction = jest.fn(
      () => new Promise((resolve) => answers.push((result) => resolve({ result, errMsg: 'ok', requestID: 'x' }))),
    ) as unknown as typeof wx.cloud.callFunction;
    const session = freshSession();
    const first = session.loadMe();
    const refreshed = session.refreshMe();
    answers[1]?.(ok({ member }));
    await refreshed;
    answers[0]?.(ok({ member: null }));
    await first;
    expect(session.currentMe()).toEqual({ member });
  });
});
