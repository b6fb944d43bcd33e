/**
 * `npm run upload` / `npm run preview:wechat`: the mini-program to WeChat with miniprogram-ci.
 * upload sends a version for 体验版 / review (then submit it in mp.weixin.qq.com → 版本管理);
 * preview:wechat prints a QR code to open a preview build on a phone.
 *
 * Needs WECHAT_APPID (the mini-program's AppID; `touristappid` cannot be uploaded) and
 * WECHAT_UPLOAD_KEY_PATH (the code upload key downloaded from mp.weixin.qq.com → 开发管理 →
 * 开发设置 → 小程序代码上传, kept outside the repository; the uploading machine's IP must be on the
 * key's allow list unless that is switched off). `--version x.y.z` (default package.json's) and
 * `--desc "…"` for upload; `--robot n` (1–30) picks the CI robot shown as uploader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packMiniprogramNpmIfChanged } from './build';
import { argValue, CommandError, requireEnv, runCommand } from './cloud/required-env';

const ROOT = path.resolve(__dirname, '..');
const MODES = ['upload', 'preview'] as const;
type Mode = (typeof MODES)[number];

interface MiniprogramCi {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => unknown;
  upload(options: Record<string, unknown>): Promise<unknown>;
  preview(options: Record<string, unknown>): Promise<unknown>;
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode;
  if (!MODES.includes(mode))
    throw new CommandError(`usage: tsx scripts/wechat-ci.ts <${MODES.join('|')}> [--version x.y.z] [--desc text]`);
  const argv = process.argv.slice(3);
  const vars = requireEnv(['WECHAT_APPID', 'WECHAT_UPLOAD_KEY_PATH'], mode === 'upload' ? 'upload' : 'preview:wechat');
  if (vars.WECHAT_APPID === 'touristappid' || !/^wx[0-9a-f]{16}$/.test(vars.WECHAT_APPID))
    throw new CommandError(
      `WECHAT_APPID must be the mini-program's AppID (wx + 16 hex digits), got ${vars.WECHAT_APPID}`,
    );
  if (!fs.existsSync(vars.WECHAT_UPLOAD_KEY_PATH))
    throw new CommandError(`WECHAT_UPLOAD_KEY_PATH points at ${vars.WECHAT_UPLOAD_KEY_PATH}, which does not exist`);

  await packMiniprogramNpmIfChanged();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const project = new ci.Project({
    appid: vars.WECHAT_APPID,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: vars.WECHAT_UPLOAD_KEY_PATH,
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*', 'src/**/*', 'test/**/*', 'local-cloud/**/*', 'scripts/**/*'],
  });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const common = {
    project,
    // Compile as DevTools would from project.config.json (TypeScript plugin, minify, unused files filtered).
    setting: { useProjectConfig: true },
    robot: Number(argValue(argv, 'robot') ?? 1),
    onProgressUpdate: (task: unknown) => {
      const status = task as { _msg?: string; _status?: string } | string;
      if (typeof status === 'string') console.log(status);
      else if (status._status === 'done') console.log(`  ${status._msg ?? ''}`);
    },
  };
  if (mode === 'upload') {
    const version = argValue(argv, 'version') ?? pkg.version;
    const result = await ci.upload({ ...common, version, desc: argValue(argv, 'desc') ?? `lianjian ${version}` });
    console.log(`uploaded ${version}: ${JSON.stringify(result)}`);
    console.log('next: mp.weixin.qq.com → 管理 → 版本管理 → 开发版本 → 提交审核');
  } else {
    const result = await ci.preview({ ...common, desc: argValue(argv, 'desc') ?? 'preview', qrcodeFormat: 'terminal' });
    console.log(`preview ready: ${JSON.stringify(result)}`);
  }
}

runCommand(main);
