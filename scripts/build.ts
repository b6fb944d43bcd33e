/**
 * `npm run build`: bundles each cloud function from src/functions/<name>/index.ts into its
 * deployable folder cloudfunctions/<name>/index.js (next to the committed package.json and
 * config.json), and packs the mini-program's npm dependencies into miniprogram/miniprogram_npm
 * with miniprogram-ci (offline, no upload key needed).
 *
 * Functions are bundled with their SDKs inside, so a deploy needs no `npm install` in the cloud
 * and a cold start loads one file. `npm run bench:bundles` reports size and require() time.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export function functionNames(): string[] {
  const dir = path.join(root, 'src/functions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name);
}

async function bundleFunction(name: string): Promise<void> {
  const outdir = path.join(root, 'cloudfunctions', name);
  if (!existsSync(path.join(outdir, 'package.json'))) {
    throw new Error(`cloudfunctions/${name}/package.json is missing: every function folder needs one`);
  }
  await build({
    entryPoints: [path.join(root, 'src/functions', name, 'index.ts')],
    outfile: path.join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16', // the oldest CloudBase runtime we deploy to is Nodejs16.13
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

async function packMiniprogramNpm(): Promise<void> {
  // Loaded lazily: miniprogram-ci is large and only this step needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as {
    packNpmManually(opts: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<unknown>;
  };
  // Packing adds to what is there: start empty so a removed dependency does not linger.
  rmSync(path.join(root, 'miniprogram/miniprogram_npm'), { recursive: true, force: true });
  await ci.packNpmManually({
    packageJsonPath: path.join(root, 'package.json'),
    miniprogramNpmDistDir: path.join(root, 'miniprogram'),
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const names = functionNames();
  await Promise.all(names.map(bundleFunction));
  await packMiniprogramNpm();
  console.log(`built functions [${names.join(', ')}] and miniprogram_npm in ${Date.now() - started} ms`);
}

if (require.main === module) {
  main().then(
    // miniprogram-ci leaves a forked compiler alive: exit explicitly.
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
