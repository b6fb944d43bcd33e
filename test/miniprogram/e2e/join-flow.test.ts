/**
 * End to end: a newcomer joins a branch by tapping through the real join page, in local mode,
 * against the real local cloud running the built `api` bundle (started as `npm start` would, in
 * a child process with its own data). Nothing of ours is stubbed; `wx.request` is carried over
 * Node's HTTP client, as WeChat DevTools would carry it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { config as appConfig } from '../../../miniprogram/config/index';
import { flush, load, tap, textOf, type } from '../helpers/load';

const ROOT = path.resolve(__dirname, '../../..');
const NEWCOMER = 'e2e-newcomer';

function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, data: text ? (JSON.parse(text) as unknown) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

let server: ChildProcess;
let dataDir: string;
let baseUrl = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lianjian-e2e-'));
  server = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_CLOUD_PORT: '0', LOCAL_CLOUD_DATA: dataDir }, // port 0: any free port
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready once the demo data is seeded (scripts/start.ts prints the demo accounts after seeding).
  const deadline = Date.now() + 30_000;
  while (!output.includes('invite codes:')) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`local cloud did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  baseUrl = /(http:\/\/127\.0\.0\.1:\d+)\/admin/.exec(output)![1]!;
}, 40_000);

afterAll(() => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  jest.spyOn(wx, 'request').mockImplementation((options: WechatMiniprogram.RequestOption) => {
    post(options.url, options.data, options.header as Record<string, string>).then(
      ({ status, data }) =>
        options.success?.({ statusCode: status, data } as WechatMiniprogram.RequestSuccessCallbackResult),
      (err: Error) => options.fail?.({ errMsg: `request:fail ${err.message}`, errno: 600001 }),
    );
    return {} as WechatMiniprogram.RequestTask;
  });
});

/** Waits for the page to show `text`, giving the real HTTP round trips time to finish. */
async function waitForText(page: ReturnType<typeof load>, selector: string, text: string): Promise<void> {
  for (let i = 0; i < 100 && !textOf(page, selector).includes(text); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flush();
  }
  expect(textOf(page, selector)).toContain(text);
}

it('joins the demo branch from page taps and the membership is stored', async () => {
  const switchTab = jest.spyOn(wx, 'switchTab');
  const page = load('packages/member/join/index', {
    beforeLoad: () => {
      // Inside the page's module registry, so the page's API client sees local mode.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { config } = require('../../../miniprogram/config/index') as { config: typeof appConfig };
      Object.assign(config.local, { enabled: true, baseUrl, openid: NEWCOMER });
    },
  });

  type(page, '#code', 'lj2026');
  tap(page, '#preview');
  await waitForText(page, '.join__preview', '县财政局机关党支部');

  type(page, '#name', '刘洋');
  tap(page, '#join');
  for (let i = 0; i < 100 && switchTab.mock.calls.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flush();
  }
  expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));

  // Stored: a fresh call as the same WeChat user sees the membership.
  const me = await post(`${baseUrl}/functions/api`, { action: 'member.me', data: {} }, { 'x-local-openid': NEWCOMER });
  expect(me.data).toMatchObject({
    ok: true,
    data: {
      member: {
        name: '刘洋',
        role: 'member',
        branch: { name: '县财政局机关党支部', committeeName: '示范县直属机关工委' },
      },
    },
  });
}, 30_000);
