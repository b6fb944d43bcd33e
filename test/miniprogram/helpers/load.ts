/**
 * Renders a page or component of miniprogram/ with miniprogram-simulate, the way WeChat would:
 * bare npm paths in `usingComponents` resolve into miniprogram_npm, built-ins keep the attributes
 * tests look at, and every load gets fresh modules (simulate caches a component's JS by path, and
 * each test should start with an empty session store).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';
import type { RootComponent } from 'j-component';
import { setCurrentRoute } from './route';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rendered = RootComponent<any, any, any>;

/**
 * Tag → `/miniprogram_npm/...` for every bare npm path used by the component or by our own
 * components inside it. Passed to simulate as an override, which applies it to every component.
 */
function npmComponents(
  componentPath: string,
  found: Record<string, string> = {},
  seen = new Set<string>(),
): Record<string, string> {
  if (seen.has(componentPath)) return found;
  seen.add(componentPath);
  const json = JSON.parse(readFileSync(`${componentPath}.json`, 'utf8')) as {
    usingComponents?: Record<string, string>;
  };
  for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
    if (target.startsWith('/')) npmComponents(path.join(MINIPROGRAM_ROOT, target), found, seen);
    else if (target.startsWith('.')) npmComponents(path.join(path.dirname(componentPath), target), found, seen);
    else found[tag] = `/miniprogram_npm/${target}`;
  }
  return found;
}

const dash = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * simulate registers built-ins as bare slots, so `<input value>` leaves nothing in the DOM.
 * These keep the listed properties as DOM attributes (a `true` flag as an empty attribute).
 */
const BUILT_INS: Record<string, string[]> = {
  input: ['value', 'placeholder', 'maxlength', 'disabled'],
  button: ['disabled', 'loading'],
};

function registerBuiltIns(): void {
  for (const [name, props] of Object.entries(BUILT_INS)) {
    simulate.load({
      id: name,
      tagName: `wx-${name}`,
      template: '<slot/>',
      properties: Object.fromEntries(props.map((p) => [p, { type: null }])),
      observers: {
        [props.join(', ')](this: { _exparserNode: { $$: HTMLElement } }, ...values: unknown[]) {
          const el = this._exparserNode.$$;
          props.forEach((prop, i) => {
            const value = values[i];
            if (value === undefined || value === null || value === false || value === '')
              el.removeAttribute(dash(prop));
            else el.setAttribute(dash(prop), value === true ? '' : String(value));
          });
        },
      },
    } as unknown as Parameters<typeof simulate.load>[0]);
  }
}

export interface LoadOptions {
  /** The page's query, passed to onLoad (e.g. `{ code: 'ABCD' }` from a shared link). */
  query?: Record<string, string>;
  /** The route getCurrentPages() reports (default: `pagePath`), e.g. the page under a tab bar. */
  route?: string;
  /** Runs inside the page's module registry before it loads, e.g. to switch config to local mode. */
  beforeLoad?: () => void;
}

/** Loads, renders and attaches `pagePath` (relative to miniprogram/, without extension). */
export function load(pagePath: string, options: LoadOptions = {}): Rendered {
  const componentPath = path.join(MINIPROGRAM_ROOT, pagePath);
  setCurrentRoute({ route: options.route ?? pagePath, query: options.query ?? {} });
  registerBuiltIns();
  let id = '';
  jest.isolateModules(() => {
    options.beforeLoad?.();
    id = simulate.load(componentPath, {
      rootPath: MINIPROGRAM_ROOT,
      usingComponents: npmComponents(componentPath),
      // wcc compiles every page's WXML at once; its output outgrew the default 1 MB pipe buffer.
      compilerOptions: { maxBuffer: 16 * 1024 * 1024 },
    });
  });
  const rendered = simulate.render(id) as Rendered;
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

/** Lets pending promises (API stubs, setData after await) settle. */
export function flush(): Promise<void> {
  return simulate.sleep(0);
}

type Node = ReturnType<Rendered['querySelector']>;

function inside(host: Node, selector: string, what: string): NonNullable<Node> {
  const found = host?.querySelector(selector);
  if (!found) throw new Error(`${what} not found`);
  return found;
}

/**
 * Taps a TDesign component (a button by default): its host node is virtual, so the tap goes to
 * the element inside that WeChat would have hit. Like every event here, it is delivered on a
 * later microtask: `await flush()` before looking at the result.
 */
export function tap(root: Rendered, selector: string, target = '.t-button'): void {
  inside(root.querySelector(selector), target, `${target} in ${selector}`).dispatchEvent('tap');
}

/** Types into a TDesign input or textarea the way WeChat reports it: an `input` event on the native one. */
export function type(root: Rendered, selector: string, value: string): void {
  const host = root.querySelector(selector);
  const textarea = host?.querySelector('.t-textarea__wrapper-inner');
  const control = textarea ?? inside(host, '.t-input__control', `input ${selector}`);
  control.dispatchEvent('input', {
    detail: { value, cursor: value.length },
  });
}

/** The text a person sees in the element, with whitespace collapsed. */
export function textOf(root: Rendered, selector?: string): string {
  const node = selector ? root.querySelector(selector) : root;
  return (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The label of a TDesign button. */
export function buttonText(root: Rendered, selector: string): string {
  return (inside(root.querySelector(selector), '.t-button', `button ${selector}`).dom?.textContent ?? '').trim();
}

/** A mock called with each event of that name the rendered component emits. */
export function listen(root: Rendered, eventName: string): jest.Mock {
  const handler = jest.fn();
  // Present at runtime (j-component's Component), missing from its type declarations.
  (root as unknown as { addEventListener(name: string, fn: (e: unknown) => void): void }).addEventListener(
    eventName,
    handler,
  );
  return handler;
}

/** The value a TDesign input shows (the native input's `value`). */
export function inputValue(root: Rendered, selector: string): string {
  return (
    inside(root.querySelector(selector), '.t-input__control', `input ${selector}`).dom?.getAttribute('value') ?? ''
  );
}

/** The tip (error message) under a TDesign input, or '' when there is none. */
export function inputTips(root: Rendered, selector: string): string {
  const input = root.querySelector(selector);
  if (!input) throw new Error(`input ${selector} not found`);
  return (input.querySelector('.t-input__tips')?.dom?.textContent ?? '').trim();
}

/** Calls the page's onShow again, as when the person comes back to a tab. */
export function show(page: Rendered): void {
  (page.instance as unknown as { onShow(): void }).onShow();
}
