/**
 * `npm run bench:bundles`: size of each built cloud function and what loading it costs a fresh
 * Node process (the part of a cold start that is ours): the require() time, and the process's
 * whole CPU time as a ratio to a bare `node` doing nothing, measured in the same run. The probes
 * take turns (bare, the SDK alone, each function; again and again), so a machine that slows down
 * midway slows every figure alike. "SDK alone" is @cloudbase/node-sdk bundled as the functions
 * bundle it: the floor no code of ours can go below. Libraries loaded on demand
 * (scripts/bundle-parts.ts) are listed apart. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionNames } from './build';
import { loadOnFirstUse, stubUnusedSdkModules } from './bundle-parts';

const RUNS = 21;
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

/** The node SDK alone, bundled as the functions bundle it. */
async function sdkAlone(): Promise<string> {
  const dir = path.join(root, 'node_modules/.cache/lianjian-bench-sdk');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'index.js');
  const { build } = await import('esbuild');
  await build({
    stdin: { contents: "require('@cloudbase/node-sdk');", resolveDir: root, loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    plugins: [stubUnusedSdkModules, loadOnFirstUse],
    logLevel: 'warning',
  });
  return outfile;
}

async function main(): Promise<void> {
  const bundles = functionNames().map((name) => ({ name, file: path.join(root, 'cloudfunctions', name, 'index.js') }));
  const probes = [
    { name: 'bare', file: null as string | null },
    { name: 'SDK alone', file: await sdkAlone() },
    ...bundles,
  ];
  const runs = new Map(probes.map((p) => [p.name, [] as [number, number][]]));
  for (let round = 0; round < RUNS; round++) for (const p of probes) runs.get(p.name)!.push(probe(p.file));
  const cpuOf = (name: string) => median(runs.get(name)!.map((r) => r[1]));
  const bare = cpuOf('bare');
  console.log(`bare node: ${bare.toFixed(0)} ms CPU (median of ${RUNS} fresh processes, taking turns with the others)`);
  console.log(
    `SDK alone  process CPU ${cpuOf('SDK alone').toFixed(0)} ms = ${(cpuOf('SDK alone') / bare).toFixed(2)}× bare node`,
  );
  for (const { name, file } of bundles) {
    const bytes = readFileSync(file);
    const cpu = cpuOf(name);
    console.log(
      `${name.padEnd(10)} ${kb(bytes.length)} (gzip ${kb(gzipSync(bytes).length)}), require() median ` +
        `${median(runs.get(name)!.map((r) => r[0])).toFixed(1)} ms, process CPU ${cpu.toFixed(0)} ms = ${(cpu / bare).toFixed(2)}× bare node`,
    );
    const onDemand = path.join(path.dirname(file), 'node_modules');
    if (existsSync(onDemand))
      for (const lib of readdirSync(onDemand))
        console.log(`${''.padEnd(10)} on demand: ${lib} ${kb(folderBytes(path.join(onDemand, lib)))}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
