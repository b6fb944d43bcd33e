/**
 * `npm start`: serve the local cloud on 127.0.0.1 (port 9100 unless LOCAL_CLOUD_PORT), create the
 * collections, seed demo data on first start, and print how to use it. `--reset` wipes the data
 * dir first.
 */
import fs from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { setupDatabase } from '../../src/db/setup';
import { DATA_LAYOUT, DEFAULTS, ENV_VARS } from './config';
import type { TransactionMode } from './database/transactions';
import { IDENTITY_HEADERS } from './gateway';
import { LocalCloud, type LocalCloudInfo } from './local-cloud';
import { ADMIN_ROUTES } from './routes';
import { seedDemo } from './seed/demo';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

function transactionModeFromEnv(): TransactionMode {
  const raw = process.env[ENV_VARS.transactionMode] ?? 'conflict';
  if (raw !== 'conflict' && raw !== 'queue')
    throw new Error(`${ENV_VARS.transactionMode} must be conflict or queue, got ${raw}`);
  return raw;
}

function usage(info: LocalCloudInfo, demoLines: string[]): string {
  const base = info.baseUrl;
  const timers = info.timers.map((t) => `    ${t.functionName}/${t.name}  "${t.config}" (UTC+8)`);
  return [
    '',
    'Lianjian local cloud is running',
    `  SDK API (TCB_CONTEXT_CNFG)  ${info.adminUrl}`,
    `  Function gateway            ${info.gatewayUrl}<name>   header ${IDENTITY_HEADERS.openId}: <openid>`,
    `  Functions                   ${info.functions.join(', ') || '(none built: run npm run build)'}  from ${info.functionsDir}`,
    `  Outbox (WeChat messages)    ${base}${ADMIN_ROUTES.outbox}`,
    `  Timers                      ${base}${ADMIN_ROUTES.timers}  (POST .../<function>/<trigger>/fire)`,
    ...timers,
    `  Reset all data              POST ${base}${ADMIN_ROUTES.reset}`,
    `  Data dir                    ${info.dataDir}`,
    ...(demoLines.length > 0 ? ['', 'Demo data (first start):', ...demoLines.map((line) => `  ${line}`)] : []),
    '',
    'WeChat DevTools:',
    `  1. In miniprogram/config/index.ts set local.enabled = true (baseUrl ${base}).`,
    '  2. Details → Local Settings: tick "不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书".',
    '  3. Compile; local mode sends local.openid (e.g. dev-newcomer) with every call.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env[ENV_VARS.dataDir] ?? DEFAULTS.dataDir);
  if (process.argv.includes('--reset')) fs.rmSync(dataDir, { recursive: true, force: true });
  const fresh = !fs.existsSync(path.join(dataDir, DATA_LAYOUT.database));

  const cloud = new LocalCloud({
    dataDir,
    functionsDir: path.resolve(process.env[ENV_VARS.functionsDir] ?? DEFAULTS.functionsDir),
    port: intFromEnv(ENV_VARS.port, DEFAULTS.port),
    maxInstances: intFromEnv(ENV_VARS.maxInstances, DEFAULTS.maxInstances),
    transactionMode: transactionModeFromEnv(),
  });
  const info = await cloud.start();

  // This process is a client too: setup and seeding go through the real SDK.
  Object.assign(process.env, cloud.sdkEnv());
  const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  await setupDatabase(db);
  const demo = fresh ? await seedDemo(db) : { lines: [] };
  process.stdout.write(usage(info, demo.lines));

  const shutdown = (): void => {
    cloud.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `local cloud failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
