/** 党委管理: a committee office's organisations (branches open 支部管理) and its pairings. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { asOffice, demoTownCommittee } from '../../scenarios/committee-scenarios';
import { demoMember } from '../../scenarios/demo-data';
import { demoPairing, demoProposedPairing, demoTownOrgs, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/branch/committee/index';
const query = { committeeId: demoTownCommittee.id };
const rows = (view: Rendered, selector: string) => view.querySelectorAll(`.sub-page >>> ${selector}`);

describe('党委管理', () => {
  it("lists the committee's organisations and pairings; a branch opens 支部管理 for it", async () => {
    const calls = stubCloud(asOffice);
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE, { query });
    expect(textOf(view)).toContain('加载中');
    await settle();
    const text = textOf(view);
    expect(text).toContain(demoTownCommittee.name);
    expect(text).toContain('青山镇机关党支部');
    expect(text).toContain('青山镇机关党支部党支部 · 机关');
    // A village or community partner reads by its category, not as a 合作组织.
    expect(text).toContain('河西村党支部村党组织');
    expect(text).toContain('东门社区党委社区党组织');
    expect(text).not.toContain('合作组织');
    expect(text).toContain('联建各方：东门社区党委、市财政局机关第二党支部、青山镇机关党支部');
    expect(text).toContain('待市财政局机关第二党支部确认');
    expect(calls.filter((c) => c.action !== 'member.me').map((c) => [c.action, c.data])).toEqual([
      ['org.directory', { parentId: demoTownCommittee.id, offset: 0 }],
      ['pairing.list', { scope: 'committee', offset: 0, limit: 3 }],
    ]);

    // A partner organisation has no members to manage: its row does nothing.
    const orgRows = rows(view, '.org-row');
    expect(orgRows).toHaveLength(demoTownOrgs.length);
    orgRows[0]?.dispatchEvent('tap');
    orgRows[1]?.dispatchEvent('tap');
    rows(view, '.pairing-card')[1]?.dispatchEvent('tap');
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/branch/manage/index?branchId=branch-town-office',
      '/packages/pairing/detail/index?id=pairing-hexi',
    ]);
  });

  it('loads more organisations at the bottom and offers all pairings when there are more', async () => {
    const calls = stubCloud({
      ...asOffice,
      'org.directory': (data) =>
        ok(
          (data as { offset: number }).offset === 0
            ? page(demoTownOrgs, 3)
            : page([{ ...demoTownOrgs[1]!, id: 'b-4', name: '青山镇卫生院党支部' }]),
        ),
      'pairing.list': ok(page([demoProposedPairing, demoPairing], 2)),
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE, { query });
    await settle();
    view.instance.onReachBottom();
    await settle();
    expect(calls.filter((c) => c.action === 'org.directory').map((c) => c.data)).toEqual([
      { parentId: demoTownCommittee.id, offset: 0 },
      { parentId: demoTownCommittee.id, offset: 3 },
    ]);
    expect(rows(view, '.org-row')).toHaveLength(4);
    expect(textOf(view)).toContain('青山镇卫生院党支部');
    view.querySelector('.sub-page >>> #all-pairings')?.dispatchEvent('tap');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/pairing/list/index?scope=committee' }),
    );
  });

  it('says so when the committee has no organisations or pairings yet', async () => {
    stubCloud({ ...asOffice, 'org.directory': ok(page([])), 'pairing.list': ok(page([])) });
    const view = load(PAGE);
    await settle();
    expect(view.querySelector('.sub-page >>> #no-orgs')).toBeTruthy();
    expect(view.querySelector('.sub-page >>> #no-pairings')).toBeTruthy();
    expect(view.querySelector('.sub-page >>> #all-pairings')).toBeFalsy();
  });

  it('is closed to someone not in that committee office, without asking for its lists', async () => {
    const calls = stubCloud({ 'member.me': ok({ member: demoMember }) });
    const view = load(PAGE, { query });
    await settle();
    expect(textOf(view)).toContain('你不在该党委的组织部门');
    expect(calls.map((c) => c.action)).toEqual(['member.me']);
  });

  it('shows the error with 重试, and loads again', async () => {
    let down = true;
    stubCloud({
      ...asOffice,
      'org.directory': () =>
        down ? fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }) : ok(page(demoTownOrgs)),
    });
    const view = load(PAGE, { query });
    await settle();
    expect(textOf(view)).toContain('服务暂时不可用，请稍后再试');
    down = false;
    tap(view, '.sub-page >>> .state-view__button');
    await settle();
    expect(textOf(view)).toContain('青山镇机关党支部');
  });
});
