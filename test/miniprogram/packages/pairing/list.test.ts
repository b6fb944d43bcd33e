/** 我的联建: the branch's pairings by status; secretaries propose from here. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { buttonText, load, tap, textOf } from '../../helpers/load';
import { asOffice, demoOfficeMe } from '../../scenarios/committee-scenarios';
import { demoMember, demoPairing, demoProposedPairing, demoSecretary, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/list/index';

describe('我的联建', () => {
  it('shows the pairings with partners seen from the branch, and who must answer', async () => {
    stubCloud({
      'member.me': ok({ member: demoMember }),
      'pairing.list': ok(page([demoProposedPairing, demoPairing])),
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    expect(textOf(view)).toContain('加载中');
    await settle();
    const text = textOf(view);
    expect(text).toContain('结对：东门社区党委、青山镇机关党支部');
    expect(text).toContain('待本支部确认');
    expect(text).toContain('结对：河西村党支部');
    expect(text).toContain('2026年1月1日 至 2027年12月31日');
    expect(view.querySelector('.sub-page >>> #propose')).toBeFalsy();
    view.querySelectorAll('.sub-page >>> .pairing-card')[1]?.dispatchEvent('tap');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/pairing/detail/index?id=pairing-hexi' }),
    );
  });

  it('filters by status', async () => {
    const calls = stubCloud({ 'member.me': ok({ member: demoMember }), 'pairing.list': ok(page([demoPairing])) });
    const view = load(PAGE);
    await settle();
    view.querySelector('#filter-active')?.dispatchEvent('tap');
    await settle();
    expect(calls.filter((c) => c.action === 'pairing.list').map((c) => c.data)).toEqual([
      { scope: 'branch', offset: 0 },
      { scope: 'branch', offset: 0, status: 'active' },
    ]);
  });

  it('invites a secretary with none yet to propose one', async () => {
    stubCloud({ 'member.me': ok({ member: demoSecretary }), 'pairing.list': ok(page([])) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('本支部还没有联建');
    expect(buttonText(view, '.sub-page >>> .state-view__button')).toBe('发起联建');
    tap(view, '.sub-page >>> .state-view__button');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/pairing/propose/index' }));
  });

  it("opened from 党委管理, lists the committee's pairings with every side and the same filters", async () => {
    const calls = stubCloud(asOffice);
    const setTitle = jest.spyOn(wx, 'setNavigationBarTitle');
    const view = load(PAGE, { query: { scope: 'committee' } });
    await settle();
    expect(setTitle).toHaveBeenCalledWith(expect.objectContaining({ title: '党委联建' }));
    const text = textOf(view);
    expect(text).toContain('联建各方：市财政局机关第二党支部、河西村党支部');
    expect(text).toContain('待市财政局机关第二党支部确认');
    expect(view.querySelector('.sub-page >>> #propose')).toBeFalsy();
    view.querySelector('#filter-proposed')?.dispatchEvent('tap');
    await settle();
    expect(calls.filter((c) => c.action === 'pairing.list').map((c) => c.data)).toEqual([
      { scope: 'committee', offset: 0 },
      { scope: 'committee', offset: 0, status: 'proposed' },
    ]);
  });

  it('tells an office whose committee has no pairings, without offering to propose', async () => {
    stubCloud({
      ...asOffice,
      'member.me': ok({ ...demoOfficeMe, member: demoSecretary }),
      'pairing.list': ok(page([])),
    });
    const view = load(PAGE, { query: { scope: 'committee' } });
    await settle();
    expect(textOf(view)).toContain('党委下属组织还没有联建');
    expect(view.querySelector('.sub-page >>> .state-view__button')).toBeFalsy();
  });

  it('shows the error with 重试', async () => {
    stubCloud({
      'member.me': ok({ member: demoMember }),
      'pairing.list': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
    });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('服务暂时不可用，请稍后再试');
  });
});
