/**
 * The api's contract at its boundary, through the gateway: every action with a valid and an
 * invalid payload, unknown actions and fields, oversize strings, missing identity, and the
 * guarantee that identity comes from the platform, never from the payload.
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import { actions, type ActionName, type ApiResult } from '../../src/contract';
import { orgPayloads } from './org-payloads';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const raw = (event: unknown, openid?: string) =>
  cloud.callFunction<ApiResult<unknown>>('api', event, openid ? { openid } : {});

/** One valid and one invalid payload for every action: adding an action without them fails here. */
/** The month after next, 'YYYY-MM': always inside the theme-day calendar's window. */
const laterMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1))
  .toISOString()
  .slice(0, 7);
const inAWeek = Date.now() + 7 * 24 * 3600_000;
/** The demo visit's place (src/demo/demo-events.ts). */
const demoPlace = { latitude: 30.2741, longitude: 120.1551 };

/**
 * One valid and one invalid payload for every action: adding an action without them fails here.
 * `caller`: who sends the valid one (default o-newcomer, a guest) against the demo seed;
 * `prepare`: what the seed lacks for the valid one, done first.
 */
const payloads: Record<
  ActionName,
  { valid: unknown; invalid: unknown; invalidPath: string; caller?: string; prepare?: () => Promise<unknown> }
> = {
  'member.me': { valid: {}, invalid: { extra: 1 }, invalidPath: '' },
  'invite.preview': { valid: { code: DEMO.inviteCode }, invalid: { code: 'ab' }, invalidPath: 'code' },
  'member.join': {
    valid: { code: DEMO.inviteCode, name: '刘洋' },
    invalid: { code: DEMO.inviteCode, name: '' },
    invalidPath: 'name',
  },
  'themeDay.rule.get': {
    valid: {},
    invalid: { owner: { kind: 'committee', id: 'c1' } },
    invalidPath: 'owner.kind',
    caller: DEMO.memberOpenid,
  },
  'themeDay.rule.set': {
    valid: { monthly: { kind: 'dayOfMonth', day: 15 }, startTime: '14:30', holidayPolicy: 'nextWorkday' },
    invalid: { monthly: { kind: 'dayOfMonth', day: 15 }, startTime: '25:00', holidayPolicy: 'nextWorkday' },
    invalidPath: 'startTime',
    caller: DEMO.secretaryOpenid,
  },
  'themeDay.calendar': {
    valid: {},
    invalid: { owner: { kind: 'branch', id: 'bad id!' } },
    invalidPath: 'owner.id',
    caller: DEMO.memberOpenid,
  },
  'themeDay.occurrence.move': {
    valid: { key: laterMonth, date: `${laterMonth}-25`, startTime: '09:00', reason: '与中心组学习冲突' },
    invalid: { key: laterMonth, date: `${laterMonth}-25`, startTime: '09:00', reason: '' },
    invalidPath: 'reason',
    caller: DEMO.secretaryOpenid,
  },
  'themeDay.occurrence.cancel': {
    valid: { key: laterMonth, reason: '并入七一活动' },
    invalid: { key: '2026-13', reason: '并入七一活动' },
    invalidPath: 'key',
    caller: DEMO.secretaryOpenid,
  },
  'event.list': {
    valid: { pairingId: DEMO_PAIRING.pairingId },
    invalid: { pairingId: 'bad id!' },
    invalidPath: 'pairingId',
    caller: DEMO.memberOpenid,
  },
  'event.get': {
    valid: { eventId: 'demo-lecture' },
    invalid: { eventId: 'bad id!' },
    invalidPath: 'eventId',
    caller: DEMO.memberOpenid,
  },
  'event.create': {
    valid: {
      title: '参观红色教育基地',
      form: '参观红色教育基地',
      startsAt: new Date(inAWeek).toISOString(),
      endsAt: new Date(inAWeek + 3 * 3600_000).toISOString(),
      place: { name: '县革命纪念馆' },
      signUpDeadline: new Date(inAWeek - 24 * 3600_000).toISOString(),
    },
    invalid: { title: '', startsAt: 'x', endsAt: 'y', place: { name: '' }, signUpDeadline: 'z' },
    invalidPath: 'title',
    caller: DEMO.secretaryOpenid,
  },
  'event.update': {
    valid: { eventId: 'demo-lecture', title: '专题党课（调整）' },
    invalid: { eventId: 'demo-lecture', capacity: 0 },
    invalidPath: 'capacity',
    caller: DEMO.secretaryOpenid,
  },
  'event.publish': {
    valid: { eventId: 'demo-lecture' },
    invalid: {},
    invalidPath: 'eventId',
    caller: DEMO.secretaryOpenid,
  },
  'event.cancel': {
    valid: { eventId: 'demo-lecture', reason: '场地冲突' },
    invalid: { eventId: 'demo-lecture', reason: '' },
    invalidPath: 'reason',
    caller: DEMO.secretaryOpenid,
  },
  'registration.signUp': {
    valid: { eventId: 'demo-lecture' },
    invalid: { eventId: 1 },
    invalidPath: 'eventId',
    caller: DEMO.memberOpenid,
  },
  'registration.cancel': {
    valid: { eventId: 'demo-lecture' },
    invalid: { eventId: '' },
    invalidPath: 'eventId',
    caller: DEMO.memberOpenid,
  },
  'checkin.code': {
    valid: { eventId: 'demo-visit' },
    invalid: { eventId: 'demo-visit', extra: 1 },
    invalidPath: '',
    caller: DEMO.secretaryOpenid,
  },
  'checkin.scan': {
    valid: { eventId: 'demo-visit', location: demoPlace },
    invalid: { eventId: 'demo-visit', location: { latitude: 91, longitude: 0 } },
    invalidPath: 'location.latitude',
    caller: DEMO.memberOpenid,
  },
  'checkin.printCode': {
    valid: { eventId: 'demo-visit' },
    invalid: { eventId: 'demo-visit', scene: 'x' },
    invalidPath: '',
    caller: DEMO.secretaryOpenid,
    // The demo visit has a position but does not require it; a printed code needs both.
    prepare: () =>
      cloud.api(
        'event.update',
        { eventId: 'demo-visit', place: { name: '红旗村党群服务中心', location: demoPlace, requireLocation: true } },
        DEMO.secretaryOpenid,
      ),
  },
  'checkin.resolveCode': {
    valid: { code: 'hq7k2m9p' },
    invalid: { code: 'HQ7K' },
    invalidPath: 'code',
    caller: DEMO.memberOpenid,
    prepare: () =>
      cloud
        .db()
        .collection('eventCodes')
        .add({ _id: 'HQ7K2M9P', eventId: 'demo-visit', createdBy: DEMO.secretaryOpenid, createdAt: new Date() }),
  },
  'checkin.manual': {
    valid: { eventId: 'demo-visit', memberId: DEMO.memberOpenid, reason: '现场登记' },
    invalid: { eventId: 'demo-visit', memberId: DEMO.memberOpenid, reason: '' },
    invalidPath: 'reason',
    caller: DEMO.secretaryOpenid,
  },
  'checkin.undo': {
    valid: { eventId: 'demo-visit', memberId: 'demo-member-2', reason: '误签，本人未到' },
    invalid: { eventId: 'demo-visit', memberId: 'bad id!', reason: '误签' },
    invalidPath: 'memberId',
    caller: DEMO.secretaryOpenid,
  },
  'attendance.get': {
    valid: { eventId: 'demo-visit' },
    invalid: { eventId: '' },
    invalidPath: 'eventId',
    caller: DEMO.secretaryOpenid,
  },
  'attendance.export': {
    valid: { eventId: 'demo-visit' },
    invalid: { eventId: 'demo visit' },
    invalidPath: 'eventId',
    caller: DEMO.secretaryOpenid,
  },
  ...orgPayloads,
};

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
