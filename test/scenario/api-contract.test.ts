/**
 * The api's contract at its boundary, through the gateway: every action with a valid and an
 * invalid payload, unknown actions and fields, oversize strings, missing identity, and the
 * guarantee that identity comes from the platform, never from the payload.
 */
import { DEMO } from '../../src/demo/demo';
import { actions, type ActionName, type ApiResult } from '../../src/contract';
import { actionPayloads } from './action-payloads';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const raw = (event: unknown, openid?: string) =>
  cloud.callFunction<ApiResult<unknown>>('api', event, openid ? { openid } : {});

const payloads = actionPayloads(() => cloud);

describe('every action', () => {
  it('has payload cases here', () => {
    expect(Object.keys(payloads).sort()).toEqual(Object.keys(actions).sort());
  });

  it.each(Object.keys(payloads) as ActionName[])(
    '%s accepts a valid payload and refuses an invalid one',
    async (action) => {
      const { valid, invalid, invalidPath, caller, prepare } = payloads[action];
      await prepare?.();
      expect(await raw({ action, data: valid }, caller ?? 'o-newcomer')).toMatchObject({ ok: true });
      const refused = await raw({ action, data: invalid }, 'o-other');
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(refused.ok ? [] : refused.error.details?.map((d) => d.path)).toContain(invalidPath);
    },
  );
});

describe('the boundary', () => {
  it('names an unknown action', async () => {
    expect(await raw({ action: 'member.delete', data: {} }, 'o-a')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未知的操作：member.delete，请更新小程序后重试' },
    });
  });

  it('refuses unknown fields, naming them', async () => {
    const result = await raw(
      { action: 'member.join', data: { code: DEMO.inviteCode, name: '刘洋', role: 'secretary' } },
      'o-a',
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: '', message: '不支持的字段：role' }] },
    });
  });

  it('refuses oversize strings with a message a member can act on', async () => {
    const result = await raw(
      { action: 'member.join', data: { code: DEMO.inviteCode, name: '长'.repeat(10_000) } },
      'o-a',
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '姓名最多 20 个字',
        details: [{ path: 'name', message: '姓名最多 20 个字' }],
      },
    });
  });

  it.each([
    ['no envelope', 'not an object'],
    ['missing action', { data: {} }],
    ['data not an object', { action: 'member.me', data: 'x' }],
  ])('refuses a malformed request (%s)', async (_name, event) => {
    expect(await raw(event, 'o-a')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('requires a WeChat identity', async () => {
    expect(await raw({ action: 'member.me', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('identity', () => {
  it('cannot be claimed through the payload', async () => {
    // wx.cloud.callFunction puts userInfo in the event; a forged one must not matter.
    const forged = {
      action: 'member.join',
      data: { code: DEMO.inviteCode, name: '冒充者' },
      userInfo: { openId: 'o-victim' },
    };
    expect(await raw(forged, 'o-attacker')).toMatchObject({ ok: true });
    expect(await cloud.api('member.me', {}, 'o-victim')).toEqual({ ok: true, data: { member: null } });
    expect(await cloud.api('member.me', {}, 'o-attacker')).toMatchObject({
      ok: true,
      data: { member: { name: '冒充者' } },
    });
  });

  it('stays separate for concurrent callers', async () => {
    const callers = [DEMO.memberOpenid, DEMO.secretaryOpenid, 'demo-member-3', 'o-nobody'];
    const calls = Array.from({ length: 40 }, (_, i) => callers[i % callers.length]!);
    const names = await Promise.all(
      calls.map(async (openid) => {
        const result = (await cloud.api('member.me', {}, openid)) as {
          ok: true;
          data: { member: { name: string } | null };
        };
        return result.data.member?.name ?? null;
      }),
    );
    const expected: Record<string, string | null> = {
      [DEMO.memberOpenid]: '王芳',
      [DEMO.secretaryOpenid]: '李明',
      'demo-member-3': '赵丽',
      'o-nobody': null,
    };
    expect(names).toEqual(calls.map((openid) => expected[openid]));
  }, 60_000);
});
