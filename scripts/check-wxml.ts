/**
 * `npm run check:wxml`: compiles every WXML file of the mini-program with WeChat's own compiler
 * (wcc, the binary miniprogram-simulate uses), so a WXML syntax error fails `npm test` the way it
 * would fail in WeChat DevTools. miniprogram_npm is left out: libraries are compiled by their authors.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';

const WCC = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin/linux/wcc');

function wxmlFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'miniprogram_npm' || entry.name === 'node_modules' ? [] : wxmlFiles(root, rel);
    return entry.name.endsWith('.wxml') ? [rel] : [];
  });
}

export interface WxmlCheck {
  files: string[];
  /** wcc's complaint for each file that failed to compile. */
  errors: { file: string; message: string }[];
}

export function checkWxml(root: string): WxmlCheck {
  chmodSync(WCC, 0o755); // npm does not always keep the binary's execute bit
  const files = wxmlFiles(root);
  const errors: WxmlCheck['errors'] = [];
  // One file per run, so an error is attributed to the file that caused it.
  for (const file of files) {
    const run = spawnSync(WCC, ['-d', file], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    if (run.error) throw run.error;
    if (run.status !== 0)
      errors.push({ file, message: run.stderr.toString().trim() || `wcc exited with ${run.status}` });
  }
  return { files, errors };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../miniprogram');
  const { files, errors } = checkWxml(root);
  for (const { file, message } of errors) console.error(`✗ miniprogram/${file}\n${message}\n`);
  console.log(`wcc: ${files.length - errors.length}/${files.length} WXML files compile`);
  process.exit(errors.length ? 1 : 0);
}
