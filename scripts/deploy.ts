/**
 * `npm run deploy -- --env <id>`: bundles the functions and deploys each one declared in
 * cloudbaserc.json with its configuration (runtime, handler, timeout, memory, no cloud install,
 * environment variables, timer triggers) through @cloudbase/manager-node, then calls `member.me`
 * through the deployed `api` as a smoke check.
 *
 * Secrets are set from this process's environment straight into the function configuration and
 * never written to a file: CHECKIN_SECRET (the check-in code signing key) on `api`. Keys:
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (TENCENTCLOUD_SESSIONTOKEN for temporary keys).
 * `--skip-build` deploys the bundles as they are; `--only <name>` deploys one function.
 */
import path from 'node:path';
import { loadCloudConfig, functionRootOf } from '../local-cloud/src/project/cloudbaserc';
import { loadDatabaseManifest } from '../local-cloud/src/project/database-manifest';
import { buildFunctions } from './build';
import { connect, describeEnvironment } from './cloud/manager';
import { planProvisioning } from './cloud/provision-plan';
import { argValue, CommandError, CREDENTIAL_VARS, requireEnv, runCommand } from './cloud/required-env';
import { judgeSmokeAnswer, SMOKE_EVENT } from './cloud/smoke';

const ROOT = path.resolve(__dirname, '..');

/** Environment variables each function gets from the deployer's environment, never from a file. */
export const FUNCTION_SECRETS: Record<string, readonly string[]> = { api: ['CHECKIN_SECRET'] };

const MIN_SECRET_LENGTH = 24; // 16 random bytes in base64

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const envId = argValue(argv, 'env') ?? process.env.ENV_ID;
  const configFile = path.join(ROOT, 'cloudbaserc.json');
  const config = loadCloudConfig(configFile);
  const only = argValue(argv, 'only');
  const functions = config.functions.filter((fn) => !only || fn.name === only);
  if (only && functions.length === 0) throw new CommandError(`--only ${only}: no such function in cloudbaserc.json`);

  // Everything is checked before anything is built or sent.
  const secretNames = [...new Set(functions.flatMap((fn) => FUNCTION_SECRETS[fn.name] ?? []))];
  const vars = requireEnv([...CREDENTIAL_VARS, ...secretNames], 'deploy');
  if (!envId) throw new CommandError('deploy needs --env <envId> (or ENV_ID); nothing was changed');
  for (const name of secretNames)
    if (vars[name as keyof typeof vars].length < MIN_SECRET_LENGTH)
      throw new CommandError(
        `${name} is too short (at least ${MIN_SECRET_LENGTH} characters, e.g. openssl rand -base64 32); nothing was changed`,
      );

  if (!argv.includes('--skip-build')) {
    const built = await buildFunctions(true);
    console.log(`bundled ${built.join(', ')}`);
  }
  const app = connect({
    envId,
    secretId: vars.TENCENTCLOUD_SECRETID,
    secretKey: vars.TENCENTCLOUD_SECRETKEY,
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { token: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
  });

  const pending = planProvisioning(
    loadDatabaseManifest(path.join(ROOT, 'database.json')).collections,
    await describeEnvironment(app, envId),
  ).steps.filter((step) => step.kind !== 'setRule');
  if (pending.length > 0)
    console.warn(
      `warning: ${envId} lacks ${pending.length} collections/indexes of database.json: run npm run provision -- --env ${envId}`,
    );

  const functionRootPath = functionRootOf(configFile, config);
  for (const fn of functions) {
    const secrets = Object.fromEntries((FUNCTION_SECRETS[fn.name] ?? []).map((name) => [name, process.env[name]!]));
    await app.functions.createFunction({
      func: { ...fn, envVariables: { ...fn.envVariables, ...secrets } },
      functionRootPath,
      force: true,
    });
    const secretNote = Object.keys(secrets).length > 0 ? `, secrets ${Object.keys(secrets).join(', ')}` : '';
    console.log(
      `deployed ${fn.name}: ${fn.runtime ?? 'default runtime'}, ${fn.timeout ?? 3} s, ${fn.memorySize ?? 256} MB, ` +
        `${fn.triggers?.length ?? 0} triggers${secretNote}`,
    );
  }

  if (functions.some((fn) => fn.name === 'api')) {
    const verdict = judgeSmokeAnswer(await app.functions.invokeFunction('api', SMOKE_EVENT));
    if (!verdict.ok) throw new CommandError(`smoke check failed: ${verdict.message}`);
    console.log(`smoke check: ${verdict.message}`);
  }
}

if (require.main === module) runCommand(main);
