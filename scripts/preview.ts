/**
 * `npm run preview`: every page of the mini-program in its demo states (test/miniprogram/scenarios),
 * in normal and 关怀模式, as 375×812 @2x PNGs in .preview/ with an index.html gallery.
 * 1. render each scenario with miniprogram-simulate to HTML (a jest run of the gallery renderer);
 * 2. screenshot each HTML file with Debian's headless Chromium;
 * 3. write .preview/index.html.
 * `LJ_PREVIEW_ONLY=live,check-in` renders only the scenarios whose id contains one of the words.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findChromium, INSTALL_HINT, screenshot } from './preview/chromium';
import { galleryIndex } from './preview/gallery-index';
import type { GalleryEntry } from './preview/manifest';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.preview');
const HTML_DIR = path.join(OUT, 'html');
/** Chromium is heavy and the machine may be shared: two at a time. */
const PARALLEL = 2;

function renderHtml(): GalleryEntry[] {
  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--config', path.join(__dirname, 'preview/jest.config.js')],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', LJ_PREVIEW_OUT: OUT } },
  );
  if (run.status !== 0) throw new Error('rendering the pages failed (see the jest output above)');
  return JSON.parse(readFileSync(path.join(HTML_DIR, 'manifest.json'), 'utf8')) as GalleryEntry[];
}

async function screenshotAll(chromium: string, entries: GalleryEntry[]): Promise<void> {
  const queue = [...entries];
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift())
      await screenshot(chromium, path.join(HTML_DIR, `${entry.name}.html`), path.join(OUT, `${entry.name}.png`));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      `npm run preview needs Chromium and CJK fonts (Debian/Ubuntu):\n  ${INSTALL_HINT}\nor set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
    process.exit(1);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(HTML_DIR, { recursive: true });
  const entries = renderHtml();
  const started = Date.now();
  await screenshotAll(chromium, entries);
  writeFileSync(path.join(OUT, 'index.html'), galleryIndex(entries, new Date()));
  console.log(
    `preview: ${entries.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(ROOT, path.join(OUT, 'index.html'))}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
