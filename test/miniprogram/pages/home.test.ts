import { ok, stubCloud } from '../helpers/cloud';
import { member } from '../helpers/fixtures';
import { flush, load } from '../helpers/load';

describe('home shortcuts', () => {
  it('lists the four shortcuts and switches to the tab of the one tapped', async () => {
    stubCloud({ 'member.me': ok({ member }) });
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = load('pages/home/index');
    await flush();
    const shortcuts = page.querySelectorAll('.page >>> .home__shortcut');
    expect(shortcuts.map((s) => (s.dom?.textContent ?? '').replace(/\s+/g, ''))).toEqual([
      '活动报名主题党日、联建活动',
      '学习打卡每日学习，坚持打卡',
      '活动风采照片与心得',
      '我的支部组织关系与设置',
    ]);
    shortcuts[1]?.dispatchEvent('tap');
    await flush();
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/study/index' }));
  });
});
