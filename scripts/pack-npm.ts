/**
 * Packs the mini-program's npm dependencies (package.json `dependencies`) with miniprogram-ci,
 * offline, then moves each page-only library into the subpackage that alone uses it.
 *
 * WeChat resolves `require('lib')` by looking for `miniprogram_npm/lib` in the requiring file's
 * folder and then each parent up to the mini-program root, so a library in
 * `packages/events/miniprogram_npm/` is found by that subpackage's pages and is uploaded with the
 * subpackage, not with the main package every member downloads first. miniprogram-ci only packs
 * next to one package.json (it looks for node_modules beside it), hence the move after packing.
 * A library listed here must be required only under its subpackage root (scripts/package-size.ts
 * reports the main package pulling it in) and have no dependency of its own the main package uses.
 * DevTools' own 工具 → 构建 npm knows nothing of this and packs every library into the main
 * package's miniprogram_npm (the pages still work, the main package is just bigger): use
 * `npm run build`.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Subpackage root (as in app.json) → the npm libraries only its pages use. */
export const SUBPACKAGE_NPM: Readonly<Record<string, readonly string[]>> = {
  'packages/events': ['qrcode-generator'],
  'packages/review': ['@qiun/ucharts'],
};

interface MiniprogramCi {
  packNpmManually(opts: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<unknown>;
}

interface PackageJson {
  dependencies?: Record<string, string>;
}

const dependenciesOf = (packageJsonPath: string): string[] =>
  Object.keys((JSON.parse(readFileSync(packageJsonPath, 'utf8')) as PackageJson).dependencies ?? {});

/**
 * miniprogram-ci globs every package.json under node_modules without following symlinks, so in a
 * git worktree whose node_modules links to another checkout it packs nothing. There, pack from a
 * temporary copy of package.json and of the dependencies it packs (with theirs); else in place.
 */
function packableRoot(root: string): { dir: string; cleanUp(): void } {
  const modules = path.join(root, 'node_modules');
  if (!lstatSync(modules).isSymbolicLink()) return { dir: root, cleanUp: () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-pack-npm-'));
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const queue = dependenciesOf(path.join(root, 'package.json'));
  for (let name = queue.shift(); name; name = queue.shift()) {
    const target = path.join(dir, 'node_modules', name);
    if (existsSync(target)) continue;
    cpSync(path.join(modules, name), target, { recursive: true, dereference: true });
    queue.push(...dependenciesOf(path.join(target, 'package.json')));
  }
  return { dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function packMiniprogramNpm(root: string): Promise<void> {
  // Loaded lazily: miniprogram-ci is large and only this step needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const miniprogram = path.join(root, 'miniprogram');
  const mainNpm = path.join(miniprogram, 'miniprogram_npm');
  // Packing adds to what is there: start empty so a removed dependency does not linger.
  rmSync(mainNpm, { recursive: true, force: true });
  for (const subRoot of Object.keys(SUBPACKAGE_NPM))
    rmSync(path.join(miniprogram, subRoot, 'miniprogram_npm'), { recursive: true, force: true });
  const packable = packableRoot(root);
  try {
    await ci.packNpmManually({
      packageJsonPath: path.join(packable.dir, 'package.json'),
      miniprogramNpmDistDir: miniprogram,
    });
  } finally {
    packable.cleanUp();
  }
  for (const [subRoot, libs] of Object.entries(SUBPACKAGE_NPM)) {
    for (const lib of libs) {
      const from = path.join(mainNpm, lib);
      if (!existsSync(from)) throw new Error(`${lib} was not packed: is it in package.json dependencies?`);
      const to = path.join(miniprogram, subRoot, 'miniprogram_npm', lib);
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(from, to);
    }
  }
}
