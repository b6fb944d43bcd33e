/**
 * `npm run bench:bundles`: size of each built cloud function and the time a fresh Node process
 * takes to require() it (the part of a cold start that is ours). Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionNames } from './build';

const RUNS = 15;
const root = path.resolve(__dirname, '..');

function requireMs(file: string): number {
  const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const name of functionNames()) {
  const file = path.join(root, 'cloudfunctions', name, 'index.js');
  const bytes = readFileSync(file);
  const times = Array.from({ length: RUNS }, () => requireMs(file));
  console.log(
    `${name.padEnd(10)} ${(bytes.length / 1024).toFixed(0)} KB (gzip ${(gzipSync(bytes).length / 1024).toFixed(0)} KB), ` +
      `require() median ${median(times).toFixed(1)} ms over ${RUNS} fresh processes`,
  );
}
