/** 首页's notice strip and the unread badge on the 风采 tab. */
import { settle } from '../helpers/ask';
import { ok, stubCloud } from '../helpers/cloud';
import { flush, load, textOf } from '../helpers/load';
import { demoNotices } from '../scenarios/post-scenarios';

describe('notice strip', () => {
  it('lists the latest unread notices, pinned marked, and opens one', async () => {
    stubCloud({ 'notice.unread': ok({ count: 5, latest: demoNotices.slice(0, 2) }) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const strip = load('components/notice-strip/index');
    await settle();
    const text = textOf(strip);
    expect(text).toContain('关于按时缴纳本季度党费的通知');
    expect(text).toContain('置顶');
    expect(text).toContain('另有 3 条');
    strip.querySelectorAll('.notice-strip__line')[1]?.dispatchEvent('tap');
    await flush();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/notices/detail/index?id=notice-2' }),
    );
  });

  it('shows nothing when everything is read or the call fails', async () => {
    stubCloud({ 'notice.unread': ok({ count: 0, latest: [] }) });
    const strip = load('components/notice-strip/index');
    await settle();
    expect(textOf(strip).trim()).toBe('');
    stubCloud({});
    const failing = load('components/notice-strip/index');
    await settle();
    expect(textOf(failing).trim()).toBe('');
  });
});

describe('unread badge', () => {
  it('shows the unread count on the 风采 tab only', async () => {
    stubCloud({ 'notice.unread': ok({ count: 3, latest: [] }) });
    const bar = load('custom-tab-bar/index', { route: 'pages/home/index' });
    (bar.instance as unknown as { showUnread(): Promise<void> }).showUnread();
    await settle();
    const tabs = (bar.instance as unknown as { data: { tabs: { url: string; badge: { count?: number } }[] } }).data
      .tabs;
    expect(tabs.filter((t) => t.badge.count).map((t) => [t.url, t.badge.count])).toEqual([['/pages/posts/index', 3]]);
  });
});
