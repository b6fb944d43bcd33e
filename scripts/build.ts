/**
 * `npm run build`: bundles each cloud function from src/functions/<name>/index.ts into its
 * deployable folder cloudfunctions/<name>/index.js (next to the committed package.json and
 * config.json), and packs the mini-program's npm dependencies into miniprogram/miniprogram_npm
 * with miniprogram-ci (offline, no upload key needed; page-only libraries go to their subpackage,
 * see ./pack-npm.ts).
 *
 * Functions are bundled with their SDKs inside, so a deploy needs no `npm install` in the cloud
 * and a cold start loads one file. `npm run bench:bundles` reports size and require() time. A
 * bundle is rebuilt only when a file that went into it, the lock file (which pins the libraries
 * loaded beside it) or the build scripts changed since it was written.
 *
 * Packing miniprogram_npm is most of the build's time and depends only on the mini-program's
 * packages: it is skipped when a hash of package.json's dependencies and the lock file's entries
 * for them matches the last pack (kept in node_modules/.cache, so `npm ci` forgets it).
 * `--force` packs anyway.
 */
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleOnDemand, loadOnFirstUse, ON_DEMAND, sourceFiles, stubUnusedSdkModules } from './bundle-parts';
import { packMiniprogramNpm } from './pack-npm';

const root = path.resolve(__dirname, '..');

export function functionNames(): string[] {
  const dir = path.join(root, 'src/functions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name);
}

// Keyed by the checkout: worktrees may share one node_modules, never one build record.
const CACHE_DIR = path.join(
  root,
  'node_modules/.cache/lianjian',
  createHash('sha256').update(root).digest('hex').slice(0, 12),
);

// LJ_BUILD_READABLE=1 npx tsx scripts/build.ts: unminified bundles, for reading a CPU profile.
const MINIFY = process.env.LJ_BUILD_READABLE !== '1';

/** What the last bundle of a function was made from: esbuild's inputs, and whether it was minified. */
interface BuildRecord {
  minify: boolean;
  inputs: string[];
}

/** True when the bundle was built the same way and is newer than every file that went into it. */
function bundleIsFresh(name: string, outfile: string): boolean {
  const recordFile = path.join(CACHE_DIR, `${name}.build.json`);
  if (!existsSync(outfile) || !existsSync(recordFile)) return false;
  const built = statSync(outfile).mtimeMs;
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
  return (
    record.minify === MINIFY && record.inputs.every((input) => existsSync(input) && statSync(input).mtimeMs < built)
  );
}

/** Besides the sources: the lock file pins the libraries bundled beside index.js; the scripts make it. */
const BUILD_INPUTS = ['package-lock.json', 'scripts/build.ts', 'scripts/bundle-parts.ts'];

/** Bundles one function unless its inputs are unchanged; true if it bundled. */
async function bundleFunction(name: string, force: boolean): Promise<boolean> {
  const outdir = path.join(root, 'cloudfunctions', name);
  if (!existsSync(path.join(outdir, 'package.json'))) {
    throw new Error(`cloudfunctions/${name}/package.json is missing: every function folder needs one`);
  }
  const outfile = path.join(outdir, 'index.js');
  if (!force && bundleIsFresh(name, outfile)) return false;
  const result = await build({
    entryPoints: [path.join(root, 'src/functions', name, 'index.ts')],
    outfile,
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node20', // cloudbaserc.json deploys both functions on Nodejs20.19
    format: 'cjs',
    external: [...ON_DEMAND],
    plugins: [stubUnusedSdkModules, loadOnFirstUse],
    minify: MINIFY,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const imported = Object.values(result.metafile.outputs).flatMap((out) =>
    out.imports.filter((i) => i.external).map((i) => i.path),
  );
  await bundleOnDemand(outdir, imported);
  mkdirSync(CACHE_DIR, { recursive: true });
  const inputs = [...sourceFiles(Object.keys(result.metafile.inputs)), ...BUILD_INPUTS].map((input) =>
    path.resolve(root, input),
  );
  const record: BuildRecord = { minify: MINIFY, inputs };
  writeFileSync(path.join(CACHE_DIR, `${name}.build.json`), JSON.stringify(record));
  return true;
}

const PACK_HASH_FILE = path.join(CACHE_DIR, 'miniprogram-npm.hash');
const NPM_DIST = path.join(root, 'miniprogram/miniprogram_npm');

/** Hash of what miniprogram_npm is packed from: the dependencies and their locked versions. */
export function miniprogramPackagesHash(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, unknown>;
  };
  const deps = pkg.dependencies ?? {};
  // The lock entries of the dependencies and of anything installed beneath them.
  const locked = Object.entries(lock.packages ?? {}).filter(([key]) =>
    Object.keys(deps).some((name) => key === `node_modules/${name}` || key.startsWith(`node_modules/${name}/`)),
  );
  return createHash('sha256').update(JSON.stringify({ deps, locked })).digest('hex');
}

/** Packs miniprogram_npm unless the packages are unchanged since the last pack; true if it packed. */
export async function packMiniprogramNpmIfChanged(force = false): Promise<boolean> {
  const hash = miniprogramPackagesHash();
  const last = existsSync(PACK_HASH_FILE) ? readFileSync(PACK_HASH_FILE, 'utf8').trim() : '';
  if (!force && last === hash && existsSync(NPM_DIST)) return false;
  await packMiniprogramNpm(root);
  mkdirSync(path.dirname(PACK_HASH_FILE), { recursive: true });
  writeFileSync(PACK_HASH_FILE, `${hash}\n`);
  return true;
}

/** Bundles every function whose sources changed; answers the names it bundled. */
export async function buildFunctions(force = false): Promise<string[]> {
  const names = functionNames();
  const built = await Promise.all(names.map((name) => bundleFunction(name, force)));
  return names.filter((_, i) => built[i]);
}

export async function buildAll(force = false): Promise<string> {
  const started = Date.now();
  const built = await buildFunctions(force);
  const packed = await packMiniprogramNpmIfChanged(force);
  const what = [
    built.length > 0 ? `functions [${built.join(', ')}]` : 'no function (bundles up to date)',
    packed ? 'miniprogram_npm' : 'not miniprogram_npm (packages unchanged)',
  ];
  return `built ${what.join(' and ')} in ${Date.now() - started} ms${force ? '' : ' (--force rebuilds all)'}`;
}

async function main(): Promise<void> {
  console.log(await buildAll(process.argv.includes('--force')));
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
