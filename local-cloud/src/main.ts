/**
 * The local cloud's command line (`local-cloud` bin, `tsx local-cloud/src/main.ts`): serve the
 * emulator on 127.0.0.1 (port 9100 unless LOCAL_CLOUD_PORT) for the project in the current
 * folder: functions from `cloudbaserc.json`'s functionRoot, collections and indexes from
 * `database.json`. `--reset` wipes the data dir first, `--verbose` logs every SDK request.
 * It seeds nothing: a project seeds its own data through the SDK (this project: `npm start`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS, ENV_VARS } from './config';
import type { TransactionMode } from './database/transactions';
import { IDENTITY_HEADERS } from './gateway';
import { LocalCloud, PortUnavailableError, type LocalCloudInfo } from './local-cloud';
import { CloudConfigError, CLOUD_CONFIG_FILE, functionRootOf, loadCloudConfigIfPresent } from './project/cloudbaserc';
import { DATABASE_MANIFEST_FILE, ManifestError } from './project/database-manifest';
import { ADMIN_ROUTES } from './routes';

/** An error whose message says all (bad setting, busy port): printed without a stack. */
export class StartError extends Error {}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new StartError(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

function transactionModeFromEnv(): TransactionMode {
  const raw = process.env[ENV_VARS.transactionMode] ?? 'conflict';
  if (raw !== 'conflict' && raw !== 'queue')
    throw new StartError(`${ENV_VARS.transactionMode} must be conflict or queue, got ${raw}`);
  return raw;
}

export interface StartedCloud {
  cloud: LocalCloud;
  info: LocalCloudInfo;
}

/** Starts a local cloud configured from the environment and argv (see the module comment). */
export async function startFromEnvironment(argv = process.argv.slice(2), cwd = process.cwd()): Promise<StartedCloud> {
  const dataDir = path.resolve(cwd, process.env[ENV_VARS.dataDir] ?? DEFAULTS.dataDir);
  if (argv.includes('--reset')) fs.rmSync(dataDir, { recursive: true, force: true });
  const cloudConfig = path.resolve(cwd, process.env[ENV_VARS.cloudConfig] ?? CLOUD_CONFIG_FILE);
  const config = loadCloudConfigIfPresent(cloudConfig);
  const functionsDir = path.resolve(
    cwd,
    process.env[ENV_VARS.functionsDir] ?? (config ? functionRootOf(cloudConfig, config) : DEFAULTS.functionsDir),
  );
  const cloud = new LocalCloud({
    dataDir,
    functionsDir,
    cloudConfig,
    databaseManifest: path.resolve(cwd, process.env[ENV_VARS.databaseManifest] ?? DATABASE_MANIFEST_FILE),
    port: intFromEnv(ENV_VARS.port, DEFAULTS.port),
    maxInstances: intFromEnv(ENV_VARS.maxInstances, DEFAULTS.maxInstances),
    transactionMode: transactionModeFromEnv(),
    verbose: argv.includes('--verbose') || process.env[ENV_VARS.verbose] === '1',
  });
  try {
    return { cloud, info: await cloud.start() };
  } catch (error) {
    await cloud.stop().catch(() => undefined);
    throw error;
  }
}

export function usage(info: LocalCloudInfo): string {
  const base = info.baseUrl;
  const timers = info.timers.map((t) => `    ${t.functionName}/${t.name}  "${t.config}" (UTC+8)`);
  return [
    '',
    'Local cloud is running',
    `  SDK API (TCB_CONTEXT_CNFG)  ${info.adminUrl}`,
    `  Function gateway            ${info.gatewayUrl}<name>   header ${IDENTITY_HEADERS.openId}: <openid>`,
    `  Functions                   ${info.functions.join(', ') || '(none built)'}  from ${info.functionsDir}`,
    `  Function config             ${info.cloudConfig}`,
    `  Database manifest           ${info.databaseManifest} (${info.collections} collections, ${info.indexes} indexes)`,
    `  Outbox (WeChat messages)    ${base}${ADMIN_ROUTES.outbox}`,
    `  Timers                      ${base}${ADMIN_ROUTES.timers}  (POST .../<function>/<trigger>/fire)`,
    ...timers,
    `  Reset all data              POST ${base}${ADMIN_ROUTES.reset}`,
    `  Data dir                    ${info.dataDir}`,
    `  Logs                        one line per function call; --verbose or ${ENV_VARS.verbose}=1 for every SDK request`,
    '',
  ].join('\n');
}

/** Stops the cloud on Ctrl-C / SIGTERM and exits. */
export function stopOnSignals(cloud: LocalCloud): void {
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

/** A known failure is one line; anything else keeps its stack. */
export function describeStartFailure(error: unknown): string {
  const known =
    error instanceof StartError ||
    error instanceof PortUnavailableError ||
    error instanceof ManifestError ||
    error instanceof CloudConfigError;
  if (known) return `local cloud failed to start: ${error.message}\n`;
  return `local cloud failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}

/** The command line: start, print where everything is, stop on a signal. */
export function runCli(): void {
  startFromEnvironment().then(
    ({ cloud, info }) => {
      process.stdout.write(usage(info));
      stopOnSignals(cloud);
    },
    (error: unknown) => {
      process.stderr.write(describeStartFailure(error));
      process.exit(1);
    },
  );
}

if (require.main === module) runCli();
