/**
 * The functions folder a benchmark runs: the built bundles it measures beside baseline functions
 * written for the run, inside the project (so they find the SDK) under node_modules/.cache. The
 * caller removes it when done.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** The usual baseline: a function that writes one document and answers. */
export const BARE_WRITE = `const tcb = require('@cloudbase/node-sdk');
const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
exports.main = async (event) => {
  await db.collection('benchWrites').add({ n: event.n, at: new Date() });
  return { ok: true };
};
`;

/**
 * `built`: bundles from cloudfunctions/ (linked, or copied when `copy`: the timer service lists
 * only real folders); `baselines`: function name → its index.js source.
 */
export function benchFunctionsDir(
  label: string,
  built: readonly string[],
  baselines: Record<string, string>,
  { copy = false } = {},
): string {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, `lianjian-bench-${label}-`));
  for (const name of built) {
    const from = path.join(root, 'cloudfunctions', name);
    if (copy) fs.cpSync(from, path.join(dir, name), { recursive: true, dereference: true });
    else fs.symlinkSync(from, path.join(dir, name), 'dir');
  }
  for (const [name, source] of Object.entries(baselines)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'index.js'), source);
  }
  return dir;
}
