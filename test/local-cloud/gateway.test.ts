import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

interface WhoAmI {
  wx: Record<string, unknown>;
  wxAfter: Record<string, unknown>;
  nodeSdk: { openId: string; appId: string };
  event: Record<string, unknown>;
}

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR, functionTimeoutMs: 1500 });
});
afterAll(() => cloud.stop());

describe('function gateway', () => {
  it('gives each of 50 concurrent callers their own identity in both SDKs', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `o-user-${i}`);
    const results = await Promise.all(
      openids.map((openid, i) => cloud.callFunction<WhoAmI>('whoami', { i, delayMs: (i * 7) % 20 }, { openid })),
    );
    results.forEach((result, i) => {
      expect(result.event).toEqual({ i, delayMs: (i * 7) % 20 });
      expect(result.nodeSdk).toMatchObject({ openId: openids[i], appId: 'wx0000000000000000' });
      expect(result.wx).toEqual({
        OPENID: openids[i],
        APPID: 'wx0000000000000000',
        ENV: 'lianjian-local',
        SOURCE: 'wx_client',
      });
      expect(result.wxAfter).toEqual(result.wx);
    });
  });

  it('takes the appid from x-local-appid and leaves OPENID out for anonymous calls', async () => {
    const result = await cloud.callFunction<WhoAmI>('whoami', {}, { appid: 'wx-other-app' });
    expect(result.wx).toEqual({ APPID: 'wx-other-app', ENV: 'lianjian-local', SOURCE: 'wx_client' });
    expect(result.nodeSdk.openId).toBe('');
  });

  it('answers a thrown error as FUNCTIONS_EXECUTE_FAIL without the stack', async () => {
    const answer = await cloud.callFunctionRaw('boom', { reason: 'bad input' }, { openid: 'o-x' });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: 'Error: boom: bad input',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(answer.body)).not.toContain('index.js');
  });

  it('answers FUNCTION_NOT_FOUND for a function without a bundle, naming no folder', async () => {
    const answer = await cloud.callFunctionRaw('nope', {});
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'FUNCTION_NOT_FOUND' });
    expect(JSON.stringify(answer.body)).not.toMatch(/\/|\\/);
  });

  it('names the function that sent a query no index supports', async () => {
    expect(await cloud.callFunction('scanner', {}, { openid: 'o-x' })).toEqual({ found: 0 });
    expect(cloud.takeUnindexedQueries()).toEqual([
      { collection: 'scanned', query: '{"colour":"red"}', origin: 'function scanner' },
    ]);
  });

  it('refuses requests nested thousands of levels deep with a clean error, and keeps serving', async () => {
    for (const depth of [300, 20_000, 200_000]) {
      const body = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      for (const route of ['/functions/whoami', '/admin']) {
        const res = await fetch(cloud.baseUrl + route, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        expect({ route, depth, code: (JSON.parse(text) as { code: string }).code }).toEqual({
          route,
          depth,
          code: 'INVALID_PARAM',
        });
        expect(text).not.toMatch(/\/work|node_modules|RangeError|\bat \S+ \(/);
      }
    }
    // A query nested deep inside an SDK request is refused the same way.
    const query = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const res = await fetch(cloud.baseUrl + '/admin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'x', query }),
    });
    expect(((await res.json()) as { code: string }).code).toMatch(/INVALID_PARAM|DATABASE_COLLECTION_NOT_EXIST/);
    const after = await cloud.callFunction<WhoAmI>('whoami', { still: 'serving' }, { openid: 'o-after' });
    expect(after.event).toEqual({ still: 'serving' });
  });

  it('answers FUNCTIONS_EXECUTE_FAIL when the bundle fails to load', async () => {
    const answer = await cloud.callFunctionRaw('broken', {});
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: 'Error: cannot load: missing dependency',
    });
  });

  it('kills a call that runs past the timeout and serves the next one from a fresh instance', async () => {
    const answer = await cloud.callFunctionRaw('slow', { ms: 5000 });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      message: 'Invoking task timed out after 1.5 seconds',
    });
    await expect(cloud.callFunction('slow', { ms: 10 })).resolves.toEqual({ sleptMs: 10 });
  });

  it('lets a function call another through node-sdk callFunction (functions.invokeFunction)', async () => {
    const result = await cloud.callFunction<{ result: WhoAmI; requestId: string }>(
      'caller',
      { target: 'whoami', data: { hello: 'world' } },
      { openid: 'o-caller' },
    );
    expect(result.result.event).toEqual({ hello: 'world' });
    // The callee runs on behalf of the calling function, not of the end user; SOURCE shows the chain.
    expect(result.result.wx).toEqual({ APPID: 'wx0000000000000000', ENV: 'lianjian-local', SOURCE: 'wx_client,scf' });
    expect(result.requestId).toEqual(expect.any(String));
  });

  it('surfaces a callee failure to the calling function as a TcbError with the CloudBase code', async () => {
    const result = await cloud.callFunction('caller', { target: 'boom', data: { reason: 'nested' } });
    expect(result).toEqual({ error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: boom: nested' } });
  });
});

describe('function bundles', () => {
  it('are reloaded when the file changes, and get the envVariables of cloudbaserc.json', async () => {
    const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-project-'));
    const functionsDir = path.join(projectDir, 'cloudfunctions');
    const entry = path.join(functionsDir, 'hello', 'index.js');
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(entry, "exports.main = async () => 'v1';");
    fs.writeFileSync(
      path.join(projectDir, 'cloudbaserc.json'),
      JSON.stringify({
        functionRoot: 'cloudfunctions',
        functions: [{ name: 'hello', envVariables: { GREETING: 'hi' } }],
      }),
    );
    const local = await startTestCloud({ functionsDir });
    try {
      expect(await local.callFunction('hello')).toBe('v1');
      fs.writeFileSync(entry, 'exports.main = async () => `v2 ${process.env.GREETING}`;');
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(entry, later, later);
      expect(await local.callFunction('hello')).toBe('v2 hi');
    } finally {
      await local.stop();
      fs.rmSync(projectDir, { recursive: true, force: true });
    }
  });

  it('hand the calls still waiting when the file changes to the new version; the one running finishes', async () => {
    const functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-functions-'));
    const entry = path.join(functionsDir, 'slow', 'index.js');
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(entry, "exports.main = () => new Promise((resolve) => setTimeout(() => resolve('v1'), 400));");
    const local = await startTestCloud({ functionsDir, maxInstances: 1 });
    try {
      expect(await local.callFunction('slow')).toBe('v1');
      // One instance: the first call runs, the next two wait.
      const waiting = [local.callFunction('slow'), local.callFunction('slow'), local.callFunction('slow')];
      await new Promise((resolve) => setTimeout(resolve, 100));
      fs.writeFileSync(entry, "exports.main = async () => 'v2';");
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(entry, later, later);
      expect(await Promise.all([...waiting, local.callFunction('slow')])).toEqual(['v1', 'v2', 'v2', 'v2']);
    } finally {
      await local.stop();
      fs.rmSync(functionsDir, { recursive: true, force: true });
    }
  });
});
