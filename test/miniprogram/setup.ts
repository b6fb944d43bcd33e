/**
 * Runs before every mini-program test file (jest.config.ts `setupFilesAfterEnv`):
 * - loads miniprogram-simulate, which defines `Component` and a mock `wx`;
 * - shims `Page(options)` into `Component(...)` (simulate renders components only);
 * - stubs the app-level globals a page may touch (`App`, `getApp`, `getCurrentPages`, `wx.cloud`)
 *   and gives `wx` a working in-memory storage (simulate's storage calls are no-ops);
 * - records every page's setData payloads (./helpers/set-data-log) for the budgets test.
 * Tests render pages and components with `load()` from ./helpers/load.
 */
import 'miniprogram-simulate'; // defines the global Component, Behavior and a mock wx
import { resetCurrentRoute, currentRoute } from './helpers/route';
import { recordSetData, takeSetDataRecords } from './helpers/set-data-log';

type AnyFunction = (...args: unknown[]) => unknown;
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

/**
 * Page lifecycles mapped onto component lifetimes: attached → onLoad(query) + onShow,
 * ready → onReady, detached → onHide + onUnload. Every other function becomes a method (event
 * handlers and helpers alike), so `this.onShow()` works as on a real page; other properties
 * (e.g. a timer id) are copied onto the instance, as WeChat does.
 */
function pageShim(options: PageOptions): void {
  const { data, ...rest } = options;
  const methods: Record<string, AnyFunction> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'function') methods[key] = value as AnyFunction;
    else fields[key] = value;
  }
  const call = (
    self: Record<string, unknown>,
    hook: 'onLoad' | 'onShow' | 'onReady' | 'onHide' | 'onUnload',
    ...args: unknown[]
  ) => {
    const fn = self[hook];
    if (typeof fn === 'function') (fn as AnyFunction).apply(self, args);
  };
  // simulate's Component registers whatever definition it gets; the typed overloads don't fit a shim.
  (Component as unknown as (definition: Record<string, unknown>) => void)({
    data: data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, unknown>) {
        Object.assign(this, JSON.parse(JSON.stringify(fields)) as Record<string, unknown>);
        recordSetData(this as unknown as Parameters<typeof recordSetData>[0]);
        call(this, 'onLoad', { ...currentRoute().query });
        call(this, 'onShow');
      },
      ready(this: Record<string, unknown>) {
        call(this, 'onReady');
      },
      detached(this: Record<string, unknown>) {
        call(this, 'onHide');
        call(this, 'onUnload');
      },
    },
  });
}

const g = globalThis as unknown as Record<string, unknown>;
g.Page = pageShim;
g.App = () => undefined;
g.getApp = () => ({});
g.getCurrentPages = () => [{ route: currentRoute().route, options: currentRoute().query }];

/** wx.cloud does not exist in simulate's wx; tests replace callFunction with a transport stub. */
function installCloud(): void {
  (wx as unknown as { cloud: Partial<WxCloud> }).cloud = {
    init: jest.fn(),
    callFunction: jest.fn(() =>
      Promise.reject(new Error('callFunction is not stubbed in this test')),
    ) as unknown as WxCloud['callFunction'],
  };
}

/** Storage that keeps what is set, empty again before each test. */
function installStorage(): void {
  const store = new Map<string, unknown>();
  wx.setStorageSync = (key: string, value: unknown) => void store.set(key, value);
  // WeChat answers '' for a key never set.
  wx.getStorageSync = ((key: string) => (store.has(key) ? store.get(key) : '')) as typeof wx.getStorageSync;
  wx.removeStorageSync = (key: string) => void store.delete(key);
  wx.clearStorageSync = () => store.clear();
}

installCloud();
installStorage();

beforeEach(() => {
  installCloud();
  installStorage();
  resetCurrentRoute();
  takeSetDataRecords();
});

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers(); // a test that froze the clock leaves the next one a real clock
});
