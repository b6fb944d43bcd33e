import { flush, load } from '../helpers/load';

/** The tappable content of each tab, in order (inside TDesign's tab-bar-item). */
const TAB_CONTENT = '.tab >>> .t-tab-bar-item__content';

function labels(bar: ReturnType<typeof load>, selector: string): string[] {
  return bar.querySelectorAll(selector).map((tab) => (tab.dom?.textContent ?? '').trim());
}

describe('custom tab bar', () => {
  it('shows the five tabs and selects the one of the page it sits on', () => {
    const bar = load('custom-tab-bar/index', { route: 'pages/study/index' });
    expect(labels(bar, TAB_CONTENT)).toEqual(['首页', '活动', '学习', '风采', '我的']);
    const checked = bar
      .querySelectorAll(TAB_CONTENT)
      .filter((tab) => tab.dom?.className.includes('__content--checked'));
    expect(checked.map((tab) => tab.dom?.textContent?.trim())).toEqual(['学习']);
  });

  it('switches to the tapped tab', async () => {
    const switchTab = jest.spyOn(wx, 'switchTab');
    const bar = load('custom-tab-bar/index', { route: 'pages/home/index' });
    bar.querySelectorAll(TAB_CONTENT)[4]?.dispatchEvent('tap');
    await flush();
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index' }));
  });
});
