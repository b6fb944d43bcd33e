/**
 * `npm run provision -- --env <id> [--dry-run]`: makes a CloudBase environment's database match
 * database.json: creates missing collections and indexes, sets each collection's security rule,
 * and reports drift (an index or collection the environment has and the manifest lacks). Safe to
 * run again: a second run plans nothing. Never drops anything.
 *
 * Keys come from TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN
 * for temporary keys), the environment from --env or ENV_ID. `--dry-run` changes nothing: with keys
 * it plans against the environment as it is; without keys it plans offline against an empty one,
 * which prints every collection, index and rule of the manifest.
 */
import path from 'node:path';
import { loadDatabaseManifest } from '../local-cloud/src/project/database-manifest';
import { applyStep, connect, describeEnvironment } from './cloud/manager';
import { EMPTY_ENVIRONMENT, formatPlan, planProvisioning, describeStep } from './cloud/provision-plan';
import { argValue, CommandError, CREDENTIAL_VARS, requireEnv, runCommand } from './cloud/required-env';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dryRun = argv.includes('--dry-run');
  const manifestFile = path.resolve(argValue(argv, 'manifest') ?? path.join(ROOT, 'database.json'));
  const manifest = loadDatabaseManifest(manifestFile).collections;
  const envId = argValue(argv, 'env') ?? process.env.ENV_ID;
  const hasKeys = CREDENTIAL_VARS.every((name) => process.env[name]);

  if (dryRun && !hasKeys) {
    const plan = planProvisioning(manifest, EMPTY_ENVIRONMENT);
    console.log(
      `dry run, offline (no ${CREDENTIAL_VARS.join('/')}): plan for an empty environment from ${manifestFile}`,
    );
    for (const line of formatPlan(plan)) console.log(`  ${line}`);
    console.log(`${plan.steps.length} steps; nothing was changed`);
    return;
  }
  if (!envId) throw new CommandError('provision needs --env <envId> (or ENV_ID); nothing was changed');
  const keys = requireEnv(CREDENTIAL_VARS, 'provision');
  const app = connect({
    envId,
    secretId: keys.TENCENTCLOUD_SECRETID,
    secretKey: keys.TENCENTCLOUD_SECRETKEY,
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { token: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
  });
  const plan = planProvisioning(manifest, await describeEnvironment(app, envId));
  console.log(`${dryRun ? 'dry run: would change' : 'provisioning'} ${envId} from ${manifestFile}`);
  for (const line of formatPlan(plan)) console.log(`  ${line}`);
  if (dryRun) return;
  for (const step of plan.steps) {
    await applyStep(app, envId, step);
    console.log(`  done: ${describeStep(step)}`);
  }
  // Verify: run the plan again; what is left is pending (an index may still be building) or failed.
  const after = planProvisioning(manifest, await describeEnvironment(app, envId));
  console.log(
    after.steps.length === 0
      ? `${envId} matches database.json (${plan.steps.length} steps applied, ${after.drift.length} drift)`
      : `${envId}: still to do:\n${after.steps.map((step) => `  ${describeStep(step)}`).join('\n')}\nrun again in a minute to check`,
  );
}

runCommand(main);
