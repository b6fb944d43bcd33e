/**
 * The rendering half of `npm run preview` (scripts/preview.ts runs it with
 * scripts/preview/jest.config.js, never as part of `npm test`): every demo scenario in normal and
 * care mode becomes one HTML screen in $LJ_PREVIEW_OUT/html, listed in manifest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { screenDocument } from '../../../scripts/preview/document';
import type { GalleryEntry } from '../../../scripts/preview/manifest';
import { SCENARIOS } from '../scenarios';
import { renderScenario } from '../scenarios/render';
import { captureScreen, useBrowserCss } from './capture';

const OUT = process.env.LJ_PREVIEW_OUT ?? path.resolve(__dirname, '../../../.preview');
const HTML_DIR = path.join(OUT, 'html');
const entries: GalleryEntry[] = [];

beforeAll(() => {
  useBrowserCss();
  mkdirSync(HTML_DIR, { recursive: true });
});

afterAll(() => {
  writeFileSync(path.join(HTML_DIR, 'manifest.json'), JSON.stringify(entries, null, 2));
});

/** `LJ_PREVIEW_ONLY=check-in,live npm run preview` renders only scenarios whose id contains one of the words. */
const only = (process.env.LJ_PREVIEW_ONLY ?? '').split(',').filter(Boolean);
const chosen = only.length ? SCENARIOS.filter((s) => only.some((word) => s.id.includes(word))) : SCENARIOS;
const cases = chosen.flatMap((scenario) => (['normal', 'care'] as const).map((mode) => ({ scenario, mode })));

it.each(cases)(
  'renders $scenario.id ($mode)',
  async ({ scenario, mode }) => {
    document.head.innerHTML = ''; // only this screen's styles
    const { page, tabBar } = await renderScenario(scenario, mode);
    const screen = captureScreen({ pagePath: scenario.page, page, tabBar });
    const name = `${scenario.id}-${mode}`;
    writeFileSync(path.join(HTML_DIR, `${name}.html`), screenDocument(screen));
    entries.push({ name, scenario: scenario.id, title: scenario.title, mode, page: scenario.page });
    expect(screen.pageHtml).toContain('<main');
    // The first case compiles every WXML file of the project (wcc), which takes a few seconds.
  },
  30_000,
);
