/** 我的 for issue 4: branch details, the entries by role, the pending join note, leaving a branch. */
import { fail, ok, stubCloud } from '../helpers/cloud';
import { settle } from '../helpers/ask';
import { load, tap, textOf, type } from '../helpers/load';
import type { Rendered } from '../helpers/load';
import { asOffice, demoTownCommittee } from '../scenarios/committee-scenarios';
import { demoBranch, demoMember, demoOrg, demoSecretary } from '../scenarios/org-demo-data';

const PAGE = 'pages/mine/index';
const ENTRIES = ['open-pairings', 'open-manage', 'open-committee-0', 'open-transfer', 'open-history', 'leave'];
/** The entries shown (TDesign cells are virtual hosts: found by id, not by tag). */
const cellIds = (view: Rendered): string[] => ENTRIES.filter((id) => view.querySelector(`.page >>> #${id}`));

/** Taps a TDesign cell (its click comes from the inner view). */
function tapCell(view: Rendered, id: string): void {
  tap(view, `.page >>> #${id}`, '.t-cell');
}

describe('我的 (issue 4)', () => {
  it('shows the branch with its size and secretary, and no 支部管理 for a member', async () => {
    stubCloud({ 'member.me': ok({ member: demoMember }), 'org.get': ok(demoOrg) });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('32 名党员 · 书记 李明');
    expect(cellIds(view)).toEqual(['open-pairings', 'open-transfer', 'open-history', 'leave']);
  });

  it('offers 支部管理 to the secretary, and to a committee office the server says manages the branch', async () => {
    stubCloud({ 'member.me': ok({ member: demoSecretary }), 'org.get': ok({ ...demoOrg, canManage: true }) });
    const secretary = load(PAGE);
    await settle();
    expect(cellIds(secretary)).toContain('open-manage');

    stubCloud({ 'member.me': ok({ member: demoMember }), 'org.get': ok({ ...demoOrg, canManage: true }) });
    const office = load(PAGE);
    await settle();
    expect(cellIds(office)).toContain('open-manage');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    tapCell(office, 'open-manage');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/branch/manage/index' }));
  });

  it('offers 党委管理 to a committee office only, opening its committee', async () => {
    stubCloud({ 'member.me': ok({ member: demoSecretary }), 'org.get': ok({ ...demoOrg, canManage: true }) });
    const secretary = load(PAGE);
    await settle();
    expect(cellIds(secretary)).not.toContain('open-committee-0');

    stubCloud(asOffice);
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const office = load(PAGE);
    await settle();
    expect(cellIds(office)).toEqual(['open-pairings', 'open-committee-0', 'open-transfer', 'open-history', 'leave']);
    expect(textOf(office)).toContain(demoTownCommittee.name);
    tapCell(office, 'open-committee-0');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/branch/committee/index?committeeId=committee-town' }),
    );
  });

  it('opens 我的联建, 转接 and 记录', async () => {
    stubCloud({ 'member.me': ok({ member: demoMember }), 'org.get': ok(demoOrg) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    await settle();
    for (const id of ['open-pairings', 'open-transfer', 'open-history']) tapCell(view, id);
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/pairing/list/index',
      '/packages/member/transfer/index',
      '/packages/member/history/index',
    ]);
  });

  it('says a join is waiting for approval instead of offering to join', async () => {
    stubCloud({ 'member.me': ok({ member: null, pendingJoin: { ...demoMember, pendingApproval: true } }) });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('入支申请审核中');
    expect(textOf(view)).toContain(demoBranch.name);
    expect(textOf(view)).not.toContain('使用支部书记发来的邀请码');
  });

  it('leaves with a reason, then shows the page of someone without a branch', async () => {
    let joined = true;
    const calls = stubCloud({
      'member.me': () => ok({ member: joined ? demoMember : null }),
      'org.get': ok(demoOrg),
      'member.leave': () => {
        joined = false;
        return ok({ left: true as const });
      },
    });
    const view = load(PAGE);
    await settle();
    tapCell(view, 'leave');
    await settle();
    tap(view, '#leave-dialog >>> #dialog-confirm');
    await settle();
    expect(textOf(view, '#leave-dialog')).toContain('请填写原因');
    expect(calls.some((c) => c.action === 'member.leave')).toBe(false);

    type(view, '#leave-dialog >>> #reason', '退休');
    tap(view, '#leave-dialog >>> #dialog-confirm');
    await settle();
    expect(calls.find((c) => c.action === 'member.leave')?.data).toEqual({ reason: '退休' });
    expect(textOf(view)).toContain('未加入支部');
    expect(textOf(view)).not.toContain('离开支部');
  });

  it("keeps the dialog open with the server's refusal (a secretary must hand over first)", async () => {
    stubCloud({
      'member.me': ok({ member: demoSecretary }),
      'org.get': ok({ ...demoOrg, canManage: true }),
      'member.leave': fail({ code: 'SECRETARY_MUST_HAND_OVER', message: '请先把书记职务移交给其他党员' }),
    });
    const view = load(PAGE);
    await settle();
    tapCell(view, 'leave');
    await settle();
    type(view, '#leave-dialog >>> #reason', '调离');
    tap(view, '#leave-dialog >>> #dialog-confirm');
    await settle();
    expect(textOf(view, '#leave-dialog')).toContain('请先把书记职务移交给其他党员');
    expect(textOf(view)).toContain(demoSecretary.name);
  });
});
