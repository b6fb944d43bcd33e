/**
 * The deploy commands, offline: without credentials each fails at once naming the variables to
 * set, and `provision --dry-run` prints the whole plan from database.json.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLOUD_VARS = [
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TENCENTCLOUD_SESSIONTOKEN',
  'CHECKIN_SECRET',
  'ENV_ID',
  'WECHAT_APPID',
  'WECHAT_UPLOAD_KEY_PATH',
];

function run(
  args: string[],
  extra: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, ...extra };
  for (const name of CLOUD_VARS) if (!(name in extra)) delete env[name];
  const result = spawnSync(TSX, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deploy commands without credentials', () => {
  it('provision names the missing keys and changes nothing', () => {
    const result = run(['scripts/provision.ts', '--env', 'prod-1a2b']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'provision needs the environment variables TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (see README → Deploying to a real CloudBase environment); nothing was changed',
    );
  });

  it('provision --dry-run prints every collection, index and rule offline', () => {
    const result = run(['scripts/provision.ts', '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('dry run, offline');
    expect(result.stdout).toContain('create collection organizations');
    expect(result.stdout).toContain('create index eventCodes.event (eventId asc) unique');
    expect(result.stdout).toContain('set rule secrets {"read":false,"write":false}');
    expect(result.stdout).toMatch(/\n\d+ steps; nothing was changed\n$/);
  });

  it('deploy names the keys and the secret, before building anything', () => {
    const result = run(['scripts/deploy.ts', '--env', 'prod-1a2b'], { TENCENTCLOUD_SECRETID: 'id' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'deploy needs the environment variables TENCENTCLOUD_SECRETKEY, CHECKIN_SECRET (see README → Deploying to a real CloudBase environment); nothing was changed',
    );
  });

  it('deploy refuses a short CHECKIN_SECRET', () => {
    const result = run(['scripts/deploy.ts', '--env', 'prod-1a2b'], {
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
      CHECKIN_SECRET: 'short',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHECKIN_SECRET is too short');
  });

  it('upload and preview:wechat name the app id and key path, and refuse touristappid', () => {
    const upload = run(['scripts/wechat-ci.ts', 'upload']);
    expect(upload.status).toBe(1);
    expect(upload.stderr).toContain('upload needs the environment variables WECHAT_APPID, WECHAT_UPLOAD_KEY_PATH');
    const preview = run(['scripts/wechat-ci.ts', 'preview'], {
      WECHAT_APPID: 'touristappid',
      WECHAT_UPLOAD_KEY_PATH: '/x',
    });
    expect(preview.status).toBe(1);
    expect(preview.stderr).toContain('WECHAT_APPID must be the mini-program');
  });
});
