/** 隐私与个人信息: what is collected and why, reachable from 我的, linking to WeChat's privacy guide. */
import { ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { flush, load, tap, textOf } from '../../helpers/load';
import { stubPrivacy } from '../../helpers/privacy';
import { demoMember, demoOrg } from '../../scenarios/org-demo-data';

const PAGE = 'packages/member/privacy/index';

describe('privacy page', () => {
  it('lists each kind of information with when and why it is collected', () => {
    const text = textOf(load(PAGE));
    for (const title of ['微信身份标识', '真实姓名', '位置信息', '你选择的文件', '报名、签到和组织关系记录'])
      expect(text).toContain(title);
    expect(text).toContain('不保存你的位置和行动轨迹');
  });

  it('opens the privacy guide', async () => {
    const privacy = stubPrivacy();
    const page = load(PAGE);
    tap(page, '#open-guide');
    await flush();
    expect(privacy.openPrivacyContract).toHaveBeenCalledTimes(1);
  });

  it('is reachable from 我的', async () => {
    stubCloud({ 'member.me': ok({ member: demoMember }), 'org.get': ok(demoOrg) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const mine = load('pages/mine/index');
    await settle();
    tap(mine, '.page >>> #open-privacy', '.t-cell');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/member/privacy/index' }));
  });
});
