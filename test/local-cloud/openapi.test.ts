import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

type NotifyResult =
  | { ok: true; res: Record<string, unknown> }
  | { ok: true; contentType: string; bufferBase64: string; errCode: number }
  | { ok: false; errCode: number; errMsg: string };

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR });
});
afterAll(() => cloud.stop());
beforeEach(async () => {
  await cloud.reset();
  // The fixture project has no subscribe-templates.json: the test declares its template and
  // gives the member credits, as wx.requestSubscribeMessage would.
  await cloud.subscribeTemplates([{ id: 'TPL_THEME_DAY', keywords: { thing1: 'thing', time2: 'time' } }]);
  for (let i = 0; i < 3; i++) await cloud.subscribe('o-member', { TPL_THEME_DAY: 'accept' });
});

const notify = (api: string, params: Record<string, unknown>): Promise<NotifyResult> =>
  cloud.callFunction<NotifyResult>('notify', { api, params }, { openid: 'o-secretary' });

const subscribeParams = {
  touser: 'o-member',
  templateId: 'TPL_THEME_DAY',
  page: 'pages/event/index?id=e1',
  data: { thing1: { value: '主题党日：走进红旗村' }, time2: { value: '2026-03-15 09:00' } },
  miniprogramState: 'developer',
};

describe('WeChat cloud calls through wx-server-sdk', () => {
  it('records subscribeMessage.send in the outbox with the parameters WeChat receives', async () => {
    const result = await notify('send', subscribeParams);
    expect(result).toMatchObject({
      ok: true,
      res: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: expect.any(Number) },
    });
    const outbox = await cloud.outbox();
    expect(outbox).toEqual([
      {
        seq: 1,
        at: expect.any(String),
        api: 'subscribeMessage.send',
        params: {
          touser: 'o-member',
          template_id: 'TPL_THEME_DAY',
          page: 'pages/event/index?id=e1',
          data: { thing1: { value: '主题党日：走进红旗村' }, time2: { value: '2026-03-15 09:00' } },
          miniprogram_state: 'developer',
        },
        errcode: 0,
        errmsg: 'ok',
      },
    ]);
  });

  it('makes the next call fail with the errcode queued by fail-next, and only the next one', async () => {
    await cloud.failNext('subscribeMessage.send', 43101);
    const failed = await notify('send', subscribeParams);
    expect(failed).toEqual({
      ok: false,
      errCode: 43101,
      errMsg: expect.stringContaining('user refuse to accept the msg'),
    });
    expect(await notify('send', subscribeParams)).toMatchObject({ ok: true });
    expect((await cloud.outbox('subscribeMessage.send')).map((m) => m.errcode)).toEqual([43101, 0]);
  });

  it('passes msgSecCheck content and can be told to flag it as risky', async () => {
    const params = { content: '本周六上午九点在村委会开展主题党日活动', version: 2, scene: 2, openid: 'o-member' };
    expect(await notify('msgSecCheck', params)).toMatchObject({
      ok: true,
      res: { errCode: 0, result: { suggest: 'pass', label: 100 } },
    });
    await cloud.failNext('security.msgSecCheck', 87014);
    expect(await notify('msgSecCheck', params)).toMatchObject({ ok: false, errCode: 87014 });
    expect((await cloud.outbox('security.msgSecCheck'))[0].params).toEqual(params);
  });

  it('answers msgSecCheck v2 by its configured words, and validates its parameters', async () => {
    const check = (content: string, extra: Record<string, unknown> = {}) =>
      notify('msgSecCheck', { content, version: 2, scene: 2, openid: 'o-member', ...extra });
    expect(await check('学习心得【违规】')).toMatchObject({ ok: true, res: { result: { suggest: 'risky' } } });
    expect(await check('学习心得【待审】')).toMatchObject({ ok: true, res: { result: { suggest: 'review' } } });
    const passed = await check('学习心得');
    expect(passed).toMatchObject({ ok: true, res: { result: { suggest: 'pass', label: 100 } } });
    if (!passed.ok || !('res' in passed)) throw new Error('expected an answer');
    expect(passed.res.traceId).toMatch(/^[0-9a-f]{24}$/);
    await cloud.contentRules({ riskyWords: ['周六'], reviewWords: [] });
    expect(await check('本周六开会')).toMatchObject({ res: { result: { suggest: 'risky' } } });
    expect(await check('【待审】')).toMatchObject({ res: { result: { suggest: 'pass' } } });
    expect(await check('x', { openid: '' })).toMatchObject({ ok: false, errCode: 40003 });
    expect(await check('x', { scene: 9 })).toMatchObject({ ok: false, errCode: 40003 });
    expect(await check('字'.repeat(2501))).toMatchObject({ ok: false, errCode: 47003 });
    // v1 answers a hit with errcode 87014 and no verdict.
    expect(await check('本周六', { version: 1 })).toMatchObject({ ok: false, errCode: 87014 });
    expect((await cloud.outbox('security.msgSecCheck')).map((m) => m.errcode)).toEqual([
      0, 0, 0, 0, 0, 40003, 40003, 47003, 87014,
    ]);
    await cloud.reset();
    expect(await check('本周六开会')).toMatchObject({ res: { result: { suggest: 'pass' } } });
  });

  it('answers wxacode.getUnlimited with PNG bytes', async () => {
    const result = await notify('getUnlimited', { scene: 'e=e1', page: 'pages/event/index', checkPath: false });
    if (!('bufferBase64' in result)) throw new Error(`expected an image, got ${JSON.stringify(result)}`);
    expect(result.contentType).toBe('image/png');
    const png = Buffer.from(result.bufferBase64, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(37);
    expect((await cloud.outbox('wxacode.getUnlimited'))[0].params).toEqual({
      scene: 'e=e1',
      page: 'pages/event/index',
      check_path: false,
    });
  });

  it('creates an activity id and updates the updatable message', async () => {
    const created = await notify('createActivityId', { unionid: undefined });
    if (!created.ok || !('res' in created)) throw new Error(`createActivityId failed: ${JSON.stringify(created)}`);
    expect(created.res).toMatchObject({
      errCode: 0,
      activityId: expect.stringMatching(/^local_/),
      expirationTime: expect.any(Number),
    });
    const nowSeconds = Date.now() / 1000;
    expect(created.res.expirationTime).toBeGreaterThan(nowSeconds);

    const updated = await notify('setUpdatableMsg', {
      activityId: created.res.activityId,
      // State 0 (joining) carries the counts; state 1 (started) needs path and version_type.
      targetState: 0,
      templateInfo: {
        parameterList: [
          { name: 'member_count', value: '12' },
          { name: 'room_limit', value: '30' },
        ],
      },
    });
    expect(updated).toMatchObject({ ok: true, res: { errCode: 0 } });
    expect((await cloud.outbox()).map((m) => m.api)).toEqual([
      'updatableMessage.createActivityId',
      'updatableMessage.setUpdatableMsg',
    ]);
    expect((await cloud.outbox('updatableMessage.setUpdatableMsg'))[0].params).toMatchObject({
      activity_id: created.res.activityId,
      target_state: 0,
    });
  });

  it('keeps the outbox in the data dir', async () => {
    await notify('send', subscribeParams);
    const fs = await import('node:fs');
    const lines = fs.readFileSync(`${cloud.dataDir}/outbox.jsonl`, 'utf8').trim().split('\n');
    const saved = lines.map((line) => JSON.parse(line) as { api: string });
    expect(saved.map((m) => m.api)).toEqual(['subscribeMessage.send']);
  });
});
