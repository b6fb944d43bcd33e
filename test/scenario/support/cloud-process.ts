/**
 * A whole local cloud (database, gateway, functions, outbox) in a process of its own, on the data
 * dir given, for the tests that kill it with SIGKILL and start it again on the same data. Prints
 * one JSON line `{ baseUrl, env }` once listening (env: what points the SDKs at it).
 */
import path from 'node:path';
import { LocalCloud } from '../../../local-cloud/src/local-cloud';

const REPO_ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: cloud-process.ts <dataDir>');
  const cloud = new LocalCloud({
    dataDir,
    functionsDir: path.join(REPO_ROOT, 'cloudfunctions'),
    databaseManifest: path.join(REPO_ROOT, 'database.json'),
    port: 0,
    scheduleTimers: false,
    quiet: true,
  });
  const info = await cloud.start();
  process.stdout.write(`${JSON.stringify({ baseUrl: info.baseUrl, env: cloud.sdkEnv() })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
