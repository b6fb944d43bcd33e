/**
 * `npm run bench:bundles`: size of each built cloud function and what loading it costs a fresh
 * Node process (the part of a cold start that is ours): the require() time, and the process's
 * whole CPU time as a ratio to a bare `node` doing nothing, measured in the same run. Libraries
 * loaded on demand (scripts/bundle-parts.ts) are listed apart. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionNames } from './build';

const RUNS = 15;
const root = path.resolve(__dirname, '..');

/** [require ms, process CPU ms] of a fresh process that requires `file` (or nothing). */
function probe(file: string | null): [number, number] {
  const load = file ? `require(${JSON.stringify(file)});` : '';
  const code = `const t=process.hrtime.bigint();${load}const ms=Number(process.hrtime.bigint()-t)/1e6;const c=process.cpuUsage();process.stdout.write(ms+' '+(c.user+c.system)/1e3)`;
  const [ms, cpu] = execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }).split(' ').map(Number);
  return [ms!, cpu!];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) =>
      sum +
      (entry.isDirectory() ? folderBytes(path.join(dir, entry.name)) : readFileSync(path.join(dir, entry.name)).length),
    0,
  );
}

const bare = median(Array.from({ length: RUNS }, () => probe(null)[1]));
console.log(`bare node: ${bare.toFixed(0)} ms CPU (median of ${RUNS} fresh processes)`);
for (const name of functionNames()) {
  const dir = path.join(root, 'cloudfunctions', name);
  const file = path.join(dir, 'index.js');
  const bytes = readFileSync(file);
  const runs = Array.from({ length: RUNS }, () => probe(file));
  const cpu = median(runs.map((r) => r[1]));
  console.log(
    `${name.padEnd(10)} ${kb(bytes.length)} (gzip ${kb(gzipSync(bytes).length)}), require() median ` +
      `${median(runs.map((r) => r[0])).toFixed(1)} ms, process CPU ${cpu.toFixed(0)} ms = ${(cpu / bare).toFixed(2)}× bare node`,
  );
  const onDemand = path.join(dir, 'node_modules');
  if (existsSync(onDemand))
    for (const lib of readdirSync(onDemand))
      console.log(`${''.padEnd(10)} on demand: ${lib} ${kb(folderBytes(path.join(onDemand, lib)))}`);
}
