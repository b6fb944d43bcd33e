/**
 * `npm test` step: the size of what WeChat DevTools uploads with 「过滤无依赖文件」, per package
 * (./package-closure.ts walks the dependency closure from app.json). Fails when the main package
 * passes 1 MB or a subpackage 1.5 MB — well inside WeChat's 2 MB per package, so a release is never
 * the moment the limit is found — or when a reference points nowhere or across packages.
 * Needs miniprogram_npm (npm run build). Figures are an upper bound: TypeScript is counted as
 * its compiled JavaScript before DevTools minifies it, WXML and WXSS as written.
 */
import path from 'node:path';
import { computeClosure } from './package-closure';
import type { PackageFigures } from './package-closure';

export const BUDGET_BYTES = { main: 1024 * 1024, subpackage: 1.5 * 1024 * 1024 };

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function budgetOf(pkg: PackageFigures): number {
  return pkg.name === 'main' ? BUDGET_BYTES.main : BUDGET_BYTES.subpackage;
}

export function report(packages: PackageFigures[]): string {
  const rows = packages.map((p) => [p.name, String(p.files.length), kb(p.bytes), kb(budgetOf(p))]);
  const header = ['package', 'files', 'size', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  return [line(header), ...rows.map(line), `total ${kb(total)}`].join('\n');
}

/** One line per package over its budget. */
export function overBudget(packages: PackageFigures[]): string[] {
  return packages
    .filter((p) => p.bytes > budgetOf(p))
    .map((p) => `${p.name} is ${kb(p.bytes)}, over its ${kb(budgetOf(p))} budget`);
}

function main(): void {
  const root = path.resolve(__dirname, '../miniprogram');
  const { packages, problems } = computeClosure(root);
  console.log(
    `mini-program packages as uploaded with 过滤无依赖文件 (TypeScript as compiled JS, unminified)\n${report(packages)}`,
  );
  const over = overBudget(packages);
  for (const line of [...over, ...problems]) console.error(line);
  if (over.length > 0 || problems.length > 0) process.exit(1);
}

// Not `require.main === module`: the mini-program typings (the tests import this file) redeclare `require`.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) main();
