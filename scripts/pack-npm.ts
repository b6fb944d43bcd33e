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
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Subpackage root (as in app.json) → the npm libraries only its pages use. */
export const SUBPACKAGE_NPM: Readonly<Record<string, readonly string[]>> = {
  'packages/events': ['qrcode-generator'],
};

interface MiniprogramCi {
  packNpmManually(opts: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<unknown>;
}

/** `packageJsonPath`: its folder must hold a real node_modules (miniprogram-ci does not follow a symlinked one). */
export async function packMiniprogramNpm(
  root: string,
  packageJsonPath = path.join(root, 'package.json'),
): Promise<void> {
  // Loaded lazily: miniprogram-ci is large and only this step needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const miniprogram = path.join(root, 'miniprogram');
  const mainNpm = path.join(miniprogram, 'miniprogram_npm');
  // Packing adds to what is there: start empty so a removed dependency does not linger.
  rmSync(mainNpm, { recursive: true, force: true });
  for (const subRoot of Object.keys(SUBPACKAGE_NPM))
    rmSync(path.join(miniprogram, subRoot, 'miniprogram_npm'), { recursive: true, force: true });
  await ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir: miniprogram });
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
