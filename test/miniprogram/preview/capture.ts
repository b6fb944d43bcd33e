/**
 * Turns a scenario rendered by miniprogram-simulate into one screen of HTML for the gallery:
 * the page's and its components' WXSS as simulate compiles them (class names prefixed per
 * component, exactly matching the DOM) but with browser units, plus app.wxss for every tree that
 * shares it (pages, and components with styleIsolation apply-shared), plus the DOM itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { browserSelectors, deviceCss, rpxToPx } from '../../../scripts/preview/css';
import type { Screen } from '../../../scripts/preview/document';
import { MINIPROGRAM_ROOT } from '../helpers/load';
import type { Rendered } from '../helpers/load';

interface SimulateWxss {
  compile(wxss: string, options?: { prefix?: string }): string;
  getContent(filePath: string): string;
}

/* eslint-disable @typescript-eslint/no-require-imports -- simulate's internal modules, patched for the preview only */
const simulateUtils = require('miniprogram-simulate/src/utils') as { transformRpx(css: string): string };
const simulateWxss = require('miniprogram-simulate/src/wxss') as SimulateWxss;
/* eslint-enable @typescript-eslint/no-require-imports */

const compileForTests = simulateWxss.compile;

/** From now on simulate emits browser CSS (rpx at 0.5 px, `page` → body, `:host` → tag). */
export function useBrowserCss(): void {
  simulateUtils.transformRpx = rpxToPx;
  simulateWxss.compile = (wxss, options = {}) =>
    compileForTests(browserSelectors(wxss, options.prefix || 'main'), options);
}

interface PageJson {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'black' | 'white';
  usingComponents?: Record<string, string>;
  styleIsolation?: string;
  options?: { addGlobalClass?: boolean; styleIsolation?: string };
}

const readJson = (file: string): PageJson => JSON.parse(readFileSync(file, 'utf8')) as PageJson;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'miniprogram_npm') return [];
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') && name !== 'app.json' ? [full] : [];
  });
}

/** Tag names under which our own components that take app.wxss (apply-shared, shared) are used. */
function sharedStyleTags(): string[] {
  // A rendered page or root component is simulate's `main`. Of TDesign's components (all
  // apply-shared in WeChat) only t-icon is given app.wxss here: it needs the icon font
  // (styles/icon-font.wxss), and the rest were drawn as they are when the gallery was made.
  const tags = new Set(['main', 't-icon']);
  for (const file of jsonFiles(MINIPROGRAM_ROOT)) {
    for (const [tag, target] of Object.entries(readJson(file).usingComponents ?? {})) {
      if (!target.startsWith('/') && !target.startsWith('.')) continue;
      const base = target.startsWith('/') ? path.join(MINIPROGRAM_ROOT, target) : path.join(path.dirname(file), target);
      const json = readJson(`${base}.json`);
      const isolation = json.styleIsolation ?? json.options?.styleIsolation;
      if (isolation === 'apply-shared' || isolation === 'shared' || json.options?.addGlobalClass) tags.add(tag);
    }
  }
  return [...tags];
}

function appCss(): string {
  const wxss = simulateWxss.getContent(path.join(MINIPROGRAM_ROOT, 'app.wxss'));
  return sharedStyleTags()
    .map((prefix) => rpxToPx(simulateWxss.compile(wxss, { prefix })))
    .join('\n');
}

/** The styles simulate inserted for what was rendered since `document.head` was last cleared. */
function insertedCss(): string {
  const texts = Array.from(document.head.querySelectorAll('style')).map((style) => style.textContent ?? '');
  return [...new Set(texts)].join('\n');
}

/** The DOM as a browser should see it: simulate's bare input becomes a real one showing its value. */
function browserHtml(rendered: Rendered): string {
  const root = (rendered.dom as HTMLElement).cloneNode(true) as HTMLElement;
  for (const wxInput of Array.from(root.querySelectorAll('wx-input'))) {
    const input = document.createElement('input');
    input.className = `wx-input ${wxInput.className}`;
    for (const attr of ['value', 'placeholder', 'maxlength', 'disabled', 'style'])
      if (wxInput.hasAttribute(attr)) input.setAttribute(attr, wxInput.getAttribute(attr) ?? '');
    wxInput.replaceWith(input);
  }
  return root.outerHTML;
}

export interface CaptureInput {
  pagePath: string;
  page: Rendered;
  tabBar: Rendered | null;
}

/** Everything of one screen except the document around it. */
export function captureScreen({ pagePath, page, tabBar }: CaptureInput): Screen {
  const app = readJson(path.join(MINIPROGRAM_ROOT, 'app.json')) as PageJson & { window: PageJson };
  const own = readJson(path.join(MINIPROGRAM_ROOT, `${pagePath}.json`));
  const window = { ...app.window, ...own };
  return {
    title: window.navigationBarTitleText ?? '',
    navigationBar: {
      background: window.navigationBarBackgroundColor ?? '#ffffff',
      text: window.navigationBarTextStyle ?? 'black',
    },
    back: !tabBar,
    css: deviceCss(`${appCss()}\n${insertedCss()}`),
    pageHtml: browserHtml(page),
    tabBarHtml: tabBar ? browserHtml(tabBar) : '',
  };
}
