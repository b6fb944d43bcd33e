/**
 * 关怀模式 end to end in miniprogram-simulate: the switch in 我的 persists the choice and every
 * page (and the tab bar) shows with `care-mode` on its root the next time it appears.
 */
import { ok, stubCloud } from '../helpers/cloud';
import { member } from '../helpers/fixtures';
import { flush, load, show, tap } from '../helpers/load';
import type { Rendered } from '../helpers/load';

const PAGES = ['pages/home/index', 'pages/events/index', 'pages/study/index', 'pages/posts/index', 'pages/mine/index'];
const JOIN_PAGE = 'packages/member/join/index';

/** The class list of the page's root view. */
function rootClasses(page: Rendered): string[] {
  const root = (page.dom as HTMLElement).firstElementChild;
  return (root?.className ?? '').split(/\s+/).filter(Boolean);
}

const isCare = (page: Rendered): boolean => rootClasses(page).some((c) => c.endsWith('--care-mode'));

/** Taps the switch in 我的 and checks it now shows `value`. */
async function toggle(mine: Rendered, value: boolean): Promise<void> {
  tap(mine, '#care-mode', '.t-switch__body');
  await flush();
  expect((mine.instance as unknown as { data: { careMode: boolean } }).data.careMode).toBe(value);
}

describe('关怀模式', () => {
  beforeEach(() => stubCloud({ 'member.me': ok({ member }), 'event.list': ok({ items: [], nextCursor: null }) }));

  it('is off by default on every page and the tab bar', async () => {
    for (const path of [...PAGES, JOIN_PAGE]) {
      const page = load(path);
      await flush();
      expect(isCare(page)).toBe(false);
    }
    expect(isCare(load('custom-tab-bar/index', { route: 'pages/mine/index' }))).toBe(false);
  });

  it('turned on in 我的: persists, applies to 我的 at once and to every page and tab bar shown after', async () => {
    const mine = load('pages/mine/index');
    await flush();
    await toggle(mine, true);

    expect(wx.getStorageSync('lj.careMode')).toBe(true);
    expect(isCare(mine)).toBe(true);
    for (const path of [...PAGES, JOIN_PAGE]) {
      const page = load(path);
      await flush();
      expect(isCare(page)).toBe(true);
    }
    expect(isCare(load('custom-tab-bar/index', { route: 'pages/home/index' }))).toBe(true);
  });

  it('picks up a change when a page already open is shown again', async () => {
    const home = load('pages/home/index');
    await flush();
    expect(isCare(home)).toBe(false);

    const mine = load('pages/mine/index');
    await flush();
    await toggle(mine, true);
    show(home);
    expect(isCare(home)).toBe(true);

    await toggle(mine, false);
    show(home);
    expect(isCare(home)).toBe(false);
    expect(wx.getStorageSync('lj.careMode')).toBe(false);
  });

  it('follows a large WeChat font size when the person never chose', async () => {
    const info = wx.getAppBaseInfo(); // TDesign reads SDKVersion from it too
    jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...info, fontSizeScaleFactor: 1.4 });
    const events = load('pages/events/index');
    await flush();
    expect(isCare(events)).toBe(true);
  });
});
