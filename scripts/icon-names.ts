/**
 * The TDesign icon names the mini-program shows, for the icon font subset
 * (scripts/build-icon-font.ts) and for the test that keeps that subset complete:
 * - our WXML: `<t-icon name="x">` and TDesign's icon properties (`icon`, `left-icon`, …) given as
 *   literals; names bound from data come from view models, found as `icon: 'x'` in our scripts;
 * - TDesign's own components as uploaded (package-closure.ts): the icons they pass by default,
 *   e.g. the cell arrow `chevron-right` or the input's clear button `close-circle-filled`.
 * Only names TDesign's icon font knows count, so toast icons like `success` drop out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { computeClosure } from './package-closure';

const ROOT = path.resolve(__dirname, '..');
/** The generated font (scripts/build-icon-font.ts), imported by app.wxss. */
export const ICON_FONT_WXSS = path.join(ROOT, 'miniprogram/styles/icon-font.wxss');
export const ICON_FONT_FAMILY = 'lj-icon';
export const TDESIGN_ICON_WXSS = path.join(ROOT, 'node_modules/tdesign-miniprogram/miniprogram_dist/icon/icon.wxss');

/** TDesign icon name → its code point in TDesign's font (`.t-icon-add:before{content:'\E00D'}`). */
export function tdesignCodepoints(iconWxss = readFileSync(TDESIGN_ICON_WXSS, 'utf8')): Map<string, number> {
  const found = iconWxss.matchAll(/\.t-icon-([a-z0-9-]+):before\{content:'\\([0-9A-Fa-f]+)';\}/g);
  return new Map(Array.from(found, (m) => [m[1] ?? '', parseInt(m[2] ?? '0', 16)]));
}

const OUR_WXML = [
  /<t-icon\b[^>]*?\sname="([a-z0-9-]+)"/g,
  /\s(?:icon|left-icon|right-icon|prefix-icon|suffix-icon)="([a-z0-9-]+)"/g,
];
const OUR_SCRIPT = [/\bicon:\s*'([a-z0-9-]+)'/g];
const TDESIGN_WXML = [/<t-icon\b[^>]*?\sname="([a-z0-9-]+)"/g];
/** A default handed to a call as its last argument: `calcIcon(e, "close-circle-filled")`. */
const TDESIGN_SCRIPT = [/,\s*["']([a-z0-9-]+)["']\)/g];

function namesIn(text: string, patterns: RegExp[]): string[] {
  return patterns.flatMap((pattern) => Array.from(text.matchAll(pattern), (m) => m[1] ?? ''));
}

function ourFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : ourFiles(full);
    return /\.(wxml|ts)$/.test(entry.name) ? [full] : [];
  });
}

/** Sorted names of every icon the app can show; needs miniprogram_npm (npm run build). */
export function usedIconNames(miniprogramRoot: string, known: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  const add = (found: string[]) => found.filter((n) => known.has(n)).forEach((n) => names.add(n));
  for (const file of ourFiles(miniprogramRoot))
    add(namesIn(readFileSync(file, 'utf8'), file.endsWith('.wxml') ? OUR_WXML : OUR_SCRIPT));
  const uploaded = computeClosure(miniprogramRoot).packages.flatMap((p) => p.files);
  for (const rel of uploaded.filter((f) => f.includes('miniprogram_npm/tdesign-miniprogram/'))) {
    const text = readFileSync(path.join(miniprogramRoot, rel), 'utf8');
    if (rel.endsWith('.wxml')) add(namesIn(text, TDESIGN_WXML));
    else if (rel.endsWith('.js')) add(namesIn(text, TDESIGN_SCRIPT));
  }
  return [...names].sort();
}

/** The glyph names listed in the generated file's header. */
export function glyphsOf(wxss: string): string[] {
  return (/glyphs: ([^\n]*)/.exec(wxss)?.[1] ?? '').split(' ').filter(Boolean);
}
