/**
 * The emulated subscribeMessage.send validates as WeChat does, spends one credit per accepted
 * one-time request, and fails the n-th call on demand; updatable messages are validated; a
 * CloudID at the top level of a gateway call arrives decoded, nested ones as they were.
 */
import path from 'node:path';
import { localGroupCloudId, localOpengid } from '../../local-cloud/src/open-data';
import { DEFAULTS } from '../../local-cloud/src/config';
import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

type NotifyResult = { ok: true; res: Record<string, unknown> } | { ok: false; errCode: number; errMsg: string };

const REPO_ROOT = path.resolve(__dirname, '../..');
let cloud: TestCloud;

beforeAll(async () => {
  // The project's templates and app.json, the fixture functions.
  cloud = await startTestCloud({
    functionsDir: FIXTURE_FUNCTIONS_DIR,
    miniProgramProject: REPO_ROOT,
    subscribeTemplates: path.join(REPO_ROOT, 'subscribe-templates.json'),
  });
});
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const notify = (api: string, params: Record<string, unknown>): Promise<NotifyResult> =>
  cloud.callFunction<NotifyResult>('notify', { api, params }, { openid: 'o-secretary' });

const START = 'LOCAL_TMPL_EVENT_START';
const valid = {
  touser: 'o-member',
  templateId: START,
  page: 'packages/events/detail/index?id=e1',
  data: {
    thing1: { value: '主题党日：走进红旗村' },
    time2: { value: '2026-03-15 09:00' },
    thing3: { value: '红旗村党群服务中心' },
    thing4: { value: '请按时参加' },
  },
  miniprogramState: 'developer',
};

describe('subscribeMessage.send', () => {
  it('sends once per accepted credit, then answers 43101', async () => {
    expect(await notify('send', valid)).toMatchObject({ ok: false, errCode: 43101 });
    const answer = await cloud.subscribe('o-member', { [START]: 'accept', LOCAL_TMPL_SIGNUP_DEADLINE: 'reject' });
    expect(answer).toEqual({
      errMsg: 'requestSubscribeMessage:ok',
      [START]: 'accept',
      LOCAL_TMPL_SIGNUP_DEADLINE: 'reject',
    });
    await cloud.subscribe('o-member', { [START]: 'accept' });
    expect(await cloud.credits('o-member')).toEqual([{ templateId: START, oneTime: 2, longTerm: false }]);
    expect(await notify('send', valid)).toMatchObject({ ok: true, res: { errCode: 0 } });
    expect(await notify('send', valid)).toMatchObject({ ok: true });
    expect(await notify('send', valid)).toMatchObject({ ok: false, errCode: 43101 });
    expect((await cloud.outbox('subscribeMessage.send')).map((m) => m.errcode)).toEqual([43101, 0, 0, 43101]);
  });

  it('refuses what WeChat refuses: openid, template, page, each keyword by its type', async () => {
    await cloud.subscribe('o-member', { [START]: 'accept' });
    const bad = async (patch: Record<string, unknown>) => notify('send', { ...valid, ...patch });
    expect(await bad({ touser: '' })).toMatchObject({ errCode: 40003 });
    expect(await bad({ templateId: 'NO_SUCH' })).toMatchObject({ errCode: 40037 });
    expect(await bad({ page: 'pages/nowhere/index' })).toMatchObject({ errCode: 41030 });
    const long = { ...valid.data, thing1: { value: '学'.repeat(21) } };
    const tooLong = await bad({ data: long });
    expect(tooLong).toMatchObject({ ok: false, errCode: 47003 });
    expect(tooLong.ok ? '' : tooLong.errMsg).toContain('data.thing1.value');
    expect(await bad({ data: { ...valid.data, time2: { value: '明天上午' } } })).toMatchObject({ errCode: 47003 });
    expect(await bad({ data: { ...valid.data, thing3: { value: '第一行\n第二行' } } })).toMatchObject({
      errCode: 47003,
    });
    // None of those spent the credit.
    expect(await notify('send', valid)).toMatchObject({ ok: true });
  });

  it('rejects a request mixing too many templates', async () => {
    const four = Object.fromEntries(
      [
        'LOCAL_TMPL_EVENT_START',
        'LOCAL_TMPL_SIGNUP_DEADLINE',
        'LOCAL_TMPL_WAITLIST_PROMOTED',
        'LOCAL_TMPL_EVENT_CHANGED',
      ].map((id) => [id, 'accept']),
    );
    await expect(cloud.subscribe('o-member', four)).rejects.toThrow(/20003/);
  });

  it('fails the n-th call from now, once, and can delay one instead', async () => {
    for (let i = 0; i < 4; i++) await cloud.subscribe('o-member', { [START]: 'accept' });
    await cloud.failNth('subscribeMessage.send', 2, { errcode: -1 });
    await cloud.failNth('subscribeMessage.send', 3, { delayMs: 300 });
    expect(await notify('send', valid)).toMatchObject({ ok: true });
    expect(await notify('send', valid)).toMatchObject({ ok: false, errCode: -1 });
    const started = Date.now();
    expect(await notify('send', valid)).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await notify('send', valid)).toMatchObject({ ok: true });
    // The failed call spent nothing: 4 accepted, 3 sent, one left.
    expect(await cloud.credits('o-member')).toEqual([{ templateId: START, oneTime: 1, longTerm: false }]);
  });
});

describe('updatable messages', () => {
  it('updates only an activity id it created, with the parameters each state needs', async () => {
    const created = await notify('createActivityId', {});
    if (!created.ok) throw new Error('expected an activity id');
    const activityId = created.res.activityId as string;
    const set = (targetState: number, parameterList: { name: string; value: string }[], id = activityId) =>
      notify('setUpdatableMsg', { activityId: id, targetState, templateInfo: { parameterList } });
    const counts = [
      { name: 'member_count', value: '3' },
      { name: 'room_limit', value: '30' },
    ];
    expect(await set(0, counts)).toMatchObject({ ok: true });
    expect(await set(0, counts, 'local_unknown')).toMatchObject({ ok: false, errCode: 47003 });
    expect(await set(0, counts.slice(0, 1))).toMatchObject({ ok: false, errCode: 47003 });
    expect(
      await set(1, [
        { name: 'path', value: 'packages/events/detail/index?id=e1' },
        { name: 'version_type', value: 'develop' },
      ]),
    ).toMatchObject({ ok: true });
  });
});

describe('CloudID in a gateway call', () => {
  it('replaces top-level CloudIDs with their open data and leaves nested ones', async () => {
    const cloudID = localGroupCloudId('支部群', Date.now() + 5 * 60_000);
    const result = await cloud.callFunction<{ event: Record<string, unknown> }>(
      'whoami',
      {
        groupInfo: { cloudID },
        nested: { info: { cloudID } },
        old: { cloudID: localGroupCloudId('x', 1_000_000_000_000) },
      },
      { openid: 'o-member' },
    );
    const gid = localOpengid(DEFAULTS.appId, '支部群');
    expect(result.event.groupInfo).toEqual({ cloudID, data: { opengid: gid, watermark: expect.any(Object) } });
    expect(result.event.nested).toEqual({ info: { cloudID } });
    expect(result.event.old).toMatchObject({ errCode: -601006 });
    // Stable: the same chat decodes to the same opengid every time.
    expect(localOpengid(DEFAULTS.appId, '支部群')).toBe(gid);
    expect(localOpengid(DEFAULTS.appId, '另一个群')).not.toBe(gid);
  });
});
