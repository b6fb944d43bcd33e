/** 首页's entry to 我的联建: shown only when the branch is in a pairing, asked once per branch. */
import { ok, stubCloud, fail } from '../helpers/cloud';
import { settle } from '../helpers/ask';
import { load, show } from '../helpers/load';
import { demoMember, demoPairing, page } from '../scenarios/org-demo-data';

const PAGE = 'pages/home/index';

describe('首页 · 我的联建', () => {
  it('shows the entry when the branch has a pairing and opens the list', async () => {
    const calls = stubCloud({ 'member.me': ok({ member: demoMember }), 'pairing.list': ok(page([demoPairing])) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    await settle();
    expect(calls.find((c) => c.action === 'pairing.list')?.data).toEqual({ scope: 'branch', offset: 0, limit: 1 });
    view.querySelector('.page >>> #pairings')?.dispatchEvent('tap');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/pairing/list/index' }));

    show(view);
    await settle();
    expect(calls.filter((c) => c.action === 'pairing.list')).toHaveLength(1);
  });

  it('has no entry without pairings, or when the question fails', async () => {
    stubCloud({ 'member.me': ok({ member: demoMember }), 'pairing.list': ok(page([])) });
    const none = load(PAGE);
    await settle();
    expect(none.querySelector('.page >>> #pairings')).toBeFalsy();

    stubCloud({
      'member.me': ok({ member: demoMember }),
      'pairing.list': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
    });
    const failed = load(PAGE);
    await settle();
    expect(failed.querySelector('.page >>> #pairings')).toBeFalsy();
    expect(failed.data.status).toBe('ready');
  });
});
