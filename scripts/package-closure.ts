/**
 * What WeChat DevTools uploads with 「上传时过滤无依赖文件」 (project.config.json
 * `ignoreUploadUnusedFiles`): the files reachable from app.json, split into the main package and
 * each subpackage by where they live. Followed edges: app.json pages, subpackages, tab bar and
 * sitemap; every page's and component's `usingComponents` (TDesign's own nested components too);
 * WXML `<import>`, `<include>` and `<wxs src>`; `require` inside WXS; WXSS `@import`; and the
 * `require`/`import` of the JavaScript DevTools compiles from each `.ts`, which is what gets
 * measured (TypeScript's own transpiler, so `import type` and type-only names add nothing).
 * Files that are not code (pictures, fonts) are kept whether referenced or not: an upper bound.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface PackageFigures {
  /** `main`, or the subpackage root as in app.json (`packages/events`). */
  name: string;
  bytes: number;
  /** Paths relative to the mini-program root, sorted. */
  files: string[];
}

export interface Closure {
  packages: PackageFigures[];
  /** References WeChat would refuse or that point nowhere, e.g. the main package requiring a subpackage file. */
  problems: string[];
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages?: string[] }[];
  subpackages?: { root: string; pages?: string[] }[];
  usingComponents?: Record<string, string>;
  tabBar?: { custom?: boolean };
  sitemapLocation?: string;
  themeLocation?: string;
}

const CODE_EXTENSIONS = new Set(['.ts', '.js', '.json', '.wxml', '.wxss', '.wxs', '.map']);
const SCRIPT_EXTENSIONS = ['.ts', '.js'];

/** Bytes of a file as uploaded: a `.ts` counts as the `.js` DevTools compiles it to. */
function uploadedBytes(file: string): number {
  if (!file.endsWith('.ts')) return statSync(file).size;
  return Buffer.byteLength(compiledJs(file));
}

const compiled = new Map<string, string>();

function compiledJs(file: string): string {
  let js = compiled.get(file);
  if (js === undefined) {
    js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: file,
    }).outputText;
    compiled.set(file, js);
  }
  return js;
}

const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
const JS_IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
const WXML_SRC = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*['"]([^'"{}]+)['"]/g;
const WXSS_IMPORT = /@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g;

const matches = (text: string, pattern: RegExp): string[] =>
  Array.from(text.matchAll(pattern), (m) => m[1] ?? m[2] ?? '').filter(Boolean);

export function computeClosure(root: string): Closure {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const problems: string[] = [];
  const reached = new Set<string>();
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const packageOf = (file: string) => subRoots.find((r) => rel(file).startsWith(`${r}/`)) ?? 'main';

  const firstExisting = (candidates: string[]): string | undefined =>
    candidates.find((c) => existsSync(c) && statSync(c).isFile());

  /** `lib/x` from `fromDir`: the nearest `miniprogram_npm` up to the root, as WeChat looks it up. */
  const npmPath = (fromDir: string, spec: string): string | undefined => {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const base = path.join(dir, 'miniprogram_npm', spec);
      if (existsSync(base) || SCRIPT_EXTENSIONS.some((e) => existsSync(base + e)) || existsSync(`${base}.json`))
        return base;
      if (path.relative(root, dir) === '' || !dir.startsWith(root)) return undefined;
    }
  };

  /** Scripts and usingComponents read a bare name as npm; WXML, WXS and WXSS as a relative path. */
  const resolveBase = (fromFile: string, spec: string, bareIsNpm = true): string | undefined => {
    if (spec.startsWith('/')) return path.join(root, spec);
    if (spec.startsWith('.') || !bareIsNpm) return path.resolve(path.dirname(fromFile), spec);
    return npmPath(path.dirname(fromFile), spec);
  };

  const edge = (fromFile: string, spec: string, found: string | undefined): string | undefined => {
    if (!found) {
      problems.push(`${rel(fromFile)}: "${spec}" not found`);
      return undefined;
    }
    const from = packageOf(fromFile);
    const to = packageOf(found);
    if (!found.startsWith(root + path.sep)) problems.push(`${rel(fromFile)}: "${spec}" is outside the mini-program`);
    else if (to !== 'main' && to !== from) problems.push(`${rel(fromFile)} (${from}) uses ${rel(found)} of ${to}`);
    return found;
  };

  const visitScript = (fromFile: string, spec: string): void => {
    const base = resolveBase(fromFile, spec);
    const exts = path.extname(spec) === '.js' ? [''] : ['', ...SCRIPT_EXTENSIONS];
    const candidates = base
      ? [...exts.map((e) => base + e), ...SCRIPT_EXTENSIONS.map((e) => path.join(base, `index${e}`))]
      : [];
    if (base && existsSync(path.join(base, 'package.json'))) candidates.unshift(path.join(base, 'index.js'));
    const found = edge(fromFile, spec, firstExisting(candidates));
    if (found) visitFile(found);
  };

  const visitComponent = (fromFile: string, spec: string): void => {
    if (spec.startsWith('plugin://')) return;
    const base = resolveBase(fromFile, spec);
    const json = base && firstExisting([`${base}.json`, path.join(base, 'index.json')]);
    const found = edge(fromFile, spec, json);
    if (found) visitUnit(found.slice(0, -'.json'.length));
  };

  /** A page or component: its four files, whichever exist. */
  function visitUnit(base: string): void {
    const script = firstExisting(SCRIPT_EXTENSIONS.map((e) => base + e));
    for (const file of [script, `${base}.json`, `${base}.wxml`, `${base}.wxss`])
      if (file && existsSync(file)) visitFile(file);
  }

  function visitFile(file: string): void {
    if (reached.has(file)) return;
    reached.add(file);
    const ext = path.extname(file);
    if (ext === '.ts' || ext === '.js') {
      const js = ext === '.ts' ? compiledJs(file) : readFileSync(file, 'utf8');
      for (const spec of [...matches(js, REQUIRE), ...matches(js, JS_IMPORT)]) visitScript(file, spec);
    } else if (ext === '.json') {
      const json = JSON.parse(readFileSync(file, 'utf8')) as {
        usingComponents?: Record<string, string>;
        componentGenerics?: Record<string, { default?: string } | boolean>;
      };
      for (const spec of Object.values(json.usingComponents ?? {})) visitComponent(file, spec);
      for (const generic of Object.values(json.componentGenerics ?? {}))
        if (typeof generic === 'object' && generic.default) visitComponent(file, generic.default);
    } else if (ext === '.wxml') {
      for (const spec of matches(readFileSync(file, 'utf8'), WXML_SRC)) {
        const target = edge(file, spec, firstExisting(withExtension(resolveBase(file, spec, false), '.wxml')));
        if (target) visitFile(target);
      }
    } else if (ext === '.wxs') {
      for (const spec of matches(readFileSync(file, 'utf8'), REQUIRE)) {
        const target = edge(file, spec, firstExisting(withExtension(resolveBase(file, spec, false), '.wxs')));
        if (target) visitFile(target);
      }
    } else if (ext === '.wxss') {
      for (const spec of matches(readFileSync(file, 'utf8'), WXSS_IMPORT)) {
        const target = edge(file, spec, firstExisting(withExtension(resolveBase(file, spec, false), '.wxss')));
        if (target) visitFile(target);
      }
    }
  }

  const appFile = path.join(root, 'app');
  visitUnit(appFile);
  for (const page of app.pages ?? []) visitUnit(path.join(root, page));
  for (const sub of app.subPackages ?? app.subpackages ?? [])
    for (const page of sub.pages ?? []) visitUnit(path.join(root, sub.root, page));
  if (app.tabBar?.custom) visitUnit(path.join(root, 'custom-tab-bar/index'));
  for (const extra of [app.sitemapLocation, app.themeLocation])
    if (extra && existsSync(path.join(root, extra))) visitFile(path.join(root, extra));
  for (const asset of assetFiles(root)) reached.add(asset);

  const names = ['main', ...subRoots];
  const packages = names.map((name) => {
    const files = [...reached].filter((f) => packageOf(f) === name);
    return {
      name,
      bytes: files.reduce((sum, f) => sum + uploadedBytes(f), 0),
      files: files.map(rel).sort(),
    };
  });
  return { packages, problems };
}

/** `x` or `x.wxml` etc.: WXML, WXS and WXSS references may leave the extension out. */
function withExtension(base: string | undefined, ext: string): string[] {
  if (!base) return [];
  return path.extname(base) === ext ? [base] : [`${base}${ext}`, base];
}

/** Pictures, fonts and other non-code files (DevTools keeps what it cannot trace): an upper bound. */
function assetFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : assetFiles(full);
    return CODE_EXTENSIONS.has(path.extname(entry.name)) ? [] : [full];
  });
}
