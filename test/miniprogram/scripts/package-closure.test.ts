/**
 * The dependency closure of scripts/package-size.ts on a small mini-program written to a temp
 * folder: which files each package uploads, how a `.ts` is measured, and the references WeChat
 * would refuse.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { computeClosure } from '../../../scripts/package-closure';

const APP_JSON = {
  pages: ['pages/home/index'],
  subPackages: [{ root: 'packages/a', pages: ['p/index'] }],
  tabBar: { custom: true, list: [] },
  sitemapLocation: 'sitemap.json',
};

const FILES: Record<string, string> = {
  'app.json': JSON.stringify(APP_JSON),
  'app.ts': "import type { Shape } from './utils/types-only';\nimport { used } from './utils/used';\nused();\n",
  'app.wxss': '@import "styles/base.wxss";\npage { color: red; }\n',
  'sitemap.json': '{"rules":[]}',
  'styles/base.wxss': '.a { color: blue; }\n',
  'styles/unused.wxss': '.b {}\n',
  'utils/used.ts': 'export function used(): number {\n  return 1;\n}\n',
  'utils/types-only.ts': 'export interface Shape { n: number }\n',
  'utils/unused.ts': 'export const nobody = 1;\n',
  'images/logo.png': 'PNG',
  'custom-tab-bar/index.ts': 'Component({});\n',
  'custom-tab-bar/index.json': '{"component":true}',
  'custom-tab-bar/index.wxml': '<view/>',
  'pages/home/index.ts': "import { used } from '../../utils/used';\nPage({ data: { n: used() } });\n",
  'pages/home/index.json': JSON.stringify({
    usingComponents: { 'lib-button': 'lib/button/button', card: '/components/card/index' },
  }),
  'pages/home/index.wxml': '<import src="./tpl.wxml"/><wxs src="./fmt.wxs" module="f"/><card/><lib-button/>',
  'pages/home/tpl.wxml': '<template name="t"><view/></template>',
  'pages/home/fmt.wxs': "var inner = require('./inner.wxs');\nmodule.exports = inner;\n",
  'pages/home/inner.wxs': 'module.exports = {};\n',
  'components/card/index.js': 'Component({});\n',
  'components/card/index.json': '{"component":true}',
  'components/card/index.wxml': '<view/>',
  'miniprogram_npm/lib/button/button.js': "import { util } from '../common/util';\nComponent({ data: util });\n",
  'miniprogram_npm/lib/button/button.json': '{"component":true,"usingComponents":{"lib-icon":"../icon/icon"}}',
  'miniprogram_npm/lib/button/button.wxml': '<lib-icon/>',
  'miniprogram_npm/lib/button/button.wxss': "@import '../common/index.wxss';\n",
  'miniprogram_npm/lib/common/util.js': 'export const util = {};\n',
  'miniprogram_npm/lib/common/index.wxss': '.x {}\n',
  'miniprogram_npm/lib/icon/icon.js': 'Component({});\n',
  'miniprogram_npm/lib/icon/icon.json': '{"component":true}',
  'miniprogram_npm/lib/icon/icon.wxml': '<text/>',
  'miniprogram_npm/lib/unused/unused.js': 'Component({});\n',
  'packages/a/p/index.ts':
    "const qr: unknown = require('qr');\nimport { used } from '../../../utils/used';\nPage({ qr, used });\n",
  'packages/a/p/index.json': '{}',
  'packages/a/p/index.wxml': '<view/>',
  'packages/a/miniprogram_npm/qr/index.js': 'module.exports = {};\n',
  'packages/a/miniprogram_npm/qr/index.js.map': '{}',
  'packages/a/p/unused.ts': 'export {};\n',
};

let root = '';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-closure-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('computeClosure', () => {
  it('follows app.json, usingComponents (nested in the library), WXML, WXS, WXSS and scripts', () => {
    root = write(FILES);
    const { packages, problems } = computeClosure(root);
    expect(problems).toEqual([]);
    expect(packages.map((p) => p.name)).toEqual(['main', 'packages/a']);
    expect(packages[0]?.files).toEqual([
      'app.json',
      'app.ts',
      'app.wxss',
      'components/card/index.js',
      'components/card/index.json',
      'components/card/index.wxml',
      'custom-tab-bar/index.json',
      'custom-tab-bar/index.ts',
      'custom-tab-bar/index.wxml',
      'images/logo.png',
      'miniprogram_npm/lib/button/button.js',
      'miniprogram_npm/lib/button/button.json',
      'miniprogram_npm/lib/button/button.wxml',
      'miniprogram_npm/lib/button/button.wxss',
      'miniprogram_npm/lib/common/index.wxss',
      'miniprogram_npm/lib/common/util.js',
      'miniprogram_npm/lib/icon/icon.js',
      'miniprogram_npm/lib/icon/icon.json',
      'miniprogram_npm/lib/icon/icon.wxml',
      'pages/home/fmt.wxs',
      'pages/home/index.json',
      'pages/home/index.ts',
      'pages/home/index.wxml',
      'pages/home/inner.wxs',
      'pages/home/tpl.wxml',
      'sitemap.json',
      'styles/base.wxss',
      'utils/used.ts',
    ]);
  });

  it("puts a subpackage's own miniprogram_npm in the subpackage, and counts .ts as its compiled JS", () => {
    root = write(FILES);
    const sub = computeClosure(root).packages[1];
    expect(sub?.files).toEqual([
      'packages/a/miniprogram_npm/qr/index.js',
      'packages/a/p/index.json',
      'packages/a/p/index.ts',
      'packages/a/p/index.wxml',
    ]);
    const compiled = ts.transpileModule(FILES['packages/a/p/index.ts'] ?? '', {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    }).outputText;
    const raw = ['packages/a/miniprogram_npm/qr/index.js', 'packages/a/p/index.json', 'packages/a/p/index.wxml'];
    const expected = Buffer.byteLength(compiled) + raw.reduce((sum, f) => sum + Buffer.byteLength(FILES[f] ?? ''), 0);
    expect(sub?.bytes).toBe(expected);
    expect(compiled).not.toContain(': unknown'); // types are gone from what is measured
  });

  it('reports the main package reaching into a subpackage, and references that point nowhere', () => {
    root = write({
      ...FILES,
      'pages/home/index.ts': "import { x } from '../../packages/a/p/unused';\nPage({ x });\n",
      'pages/home/index.wxml': '<import src="./missing.wxml"/>',
    });
    expect(computeClosure(root).problems).toEqual([
      'pages/home/index.ts (main) uses packages/a/p/unused.ts of packages/a',
      'pages/home/index.wxml: "./missing.wxml" not found',
    ]);
  });
});
