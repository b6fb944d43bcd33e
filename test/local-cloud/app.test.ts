import { ADMIN_ROUTES } from '../../local-cloud/src/routes';
import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR });
});
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const postAdmin = async (
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; type: string | null; body: unknown }> => {
  const res = await fetch(`${cloud.baseUrl}/admin?env=lianjian-local&seqId=1`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
};

describe('POST /admin', () => {
  it('answers an unknown action with a CloudBase-style error and HTTP 200', async () => {
    const answer = await postAdmin({ action: 'ai.generateText' });
    expect(answer).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: {
        code: 'INVALID_ACTION',
        message: 'action not supported by the local cloud: ai.generateText',
        requestId: expect.any(String),
      },
    });
  });

  it('rejects a body that is not a JSON object', async () => {
    expect((await postAdmin('[1,2]')).body).toMatchObject({ code: 'INVALID_PARAM' });
    expect((await postAdmin('{nope')).body).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('rejects a malformed wx.openApi envelope as a TCB error the SDK can read', async () => {
    const boundary = 'X';
    const body = [
      `--${boundary}`,
      'content-disposition: form-data; name="action"',
      '',
      'wx.openApi',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const answer = await postAdmin(body, `multipart/form-data; boundary=${boundary}`);
    expect(answer.type).toBe('application/json; charset=utf-8');
    expect(answer.body).toMatchObject({ code: 'INVALID_PARAM', message: 'wx.openApi needs apiName and requestData' });
  });

  it('routes database actions to the database service, through node-sdk', async () => {
    const db = cloud.sdk().database();
    await db.createCollection('members');
    await db.collection('members').add({ _id: 'o-alice', name: '张三', branchId: 'b1' });
    const { data } = await db.collection('members').doc('o-alice').get();
    expect(data).toEqual([{ _id: 'o-alice', name: '张三', branchId: 'b1' }]);
  });

  it('passes database errors through with their CloudBase code', async () => {
    await expect(cloud.sdk().database().collection('noSuchCollection').add({ a: 1 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });
});

describe('/__local admin routes', () => {
  it('reset empties the database, collections included', async () => {
    const db = cloud.sdk().database();
    await db.createCollection('members');
    await db.collection('members').add({ _id: 'o-bob' });
    const res = await fetch(`${cloud.baseUrl}${ADMIN_ROUTES.reset}`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: true });
    await expect(db.collection('members').doc('o-bob').get()).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });

  it('info lists the functions and where the data lives', async () => {
    const info = (await (await fetch(`${cloud.baseUrl}${ADMIN_ROUTES.info}`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      baseUrl: cloud.baseUrl,
      adminUrl: `${cloud.baseUrl}/admin`,
      dataDir: cloud.dataDir,
      envId: 'lianjian-local',
      functions: ['boom', 'broken', 'caller', 'chatty', 'notify', 'pushsink', 'scanner', 'slow', 'ticker', 'whoami'],
    });
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const res = await fetch(`${cloud.baseUrl}/__local/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('validates fail-next requests', async () => {
    await expect(cloud.failNext('subscribeMessage.send', 0)).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_PARAM',
    });
  });
});
