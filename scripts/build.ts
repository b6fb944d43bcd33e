/**
 * `npm run build`: bundles each cloud function from src/functions/<name>/index.ts into its
 * deployable folder cloudfunctions/<name>/index.js (next to the committed package.json and
 * config.json), and packs the mini-program's npm dependencies into miniprogram/miniprogram_npm
 * with miniprogram-ci (offline, no upload key needed; page-only libraries go to their subpackage,
 * see ./pack-npm.ts).
 *
 * Functions are bundled with their SDKs inside, so a deploy needs no `npm install` in the cloud
 * and a cold start loads one file. `npm run bench:bundles` reports size and require() time.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { packMiniprogramNpm } from './pack-npm';

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

async function main(): Promise<void> {
  const started = Date.now();
  const names = functionNames();
  await Promise.all(names.map(bundleFunction));
  await packMiniprogramNpm(root);
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
