/**
 * `npm start`: build what changed, start the local cloud (local-cloud/, configured from
 * cloudbaserc.json and database.json), then, as any client would, create the collections and seed
 * the demo data through the real SDK (first start only) and print how to use it, demo accounts
 * included, on every start. `--reset` wipes the data first; `--verbose` logs every SDK request.
 */
import tcb from '@cloudbase/node-sdk';
import {
  describeStartFailure,
  ENV_VARS,
  IDENTITY_HEADERS,
  startFromEnvironment,
  stopOnSignals,
  usage,
  type LocalCloudInfo,
} from '../local-cloud/src';
import { setupDatabase } from '../src/db/setup';
import { demoAccountLines } from '../src/demo/accounts';
import { DEMO, seedDemo } from '../src/demo/demo';
import { buildAll } from './build';

function devToolsSteps(info: LocalCloudInfo): string[] {
  return [
    'WeChat DevTools:',
    `  1. In miniprogram/config/index.ts set local.enabled = true and local.baseUrl = '${info.baseUrl}'`,
    `     (the default port needs no change; another ${ENV_VARS.port} needs that baseUrl).`,
    '  2. Details → Local Settings: tick "不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书".',
    `  3. Compile; local mode sends local.openid with every call (header ${IDENTITY_HEADERS.openId}).`,
    '',
  ];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  process.stdout.write(`${await buildAll()}\n`);
  const { cloud, info } = await startFromEnvironment(argv);
  stopOnSignals(cloud);

  // This process is a client now: set-up and seeding go through the real SDK, as the tests do.
  Object.assign(process.env, cloud.sdkEnv());
  const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  await setupDatabase(db);
  const existing = await db.collection('organizations').where({ _id: DEMO.committeeId }).count();
  const seeded = existing.total === 0 ? await seedDemo(db) : undefined;
  const summary = seeded?.lines.filter((line) => !line.startsWith('act as') && !line.startsWith('invite codes'));

  process.stdout.write(
    [
      usage(info),
      ...(summary
        ? ['Demo data seeded:', ...summary.map((line) => `  ${line}`)]
        : ['Demo data: kept from the last start (npm run start:reset to seed again).']),
      '',
      ...demoAccountLines(),
      '',
      ...devToolsSteps(info),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(describeStartFailure(error));
  process.exit(1);
});
