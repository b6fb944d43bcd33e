/** 兼职书记与特邀委员: the list, assigning a member of the branch, ending a placement; by role. */
import type { ApiResult, LiaisonView } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { answerModal, settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import {
  demoLiaisons,
  demoMember,
  demoMembers,
  demoPairingDetail,
  demoSecretary,
  demoSecretaryPairing,
  page,
} from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/liaisons/index';
const QUERY = { pairingId: 'pairing-hexi' };

const asSecretary: Replies = {
  'member.me': ok({ member: demoSecretary }),
  'pairing.get': ok(demoSecretaryPairing),
  'liaison.list': ok(page(demoLiaisons)),
  'member.list': ok(page(demoMembers)),
};

describe('兼职书记与特邀委员', () => {
  it('lists the placements; a member can neither assign nor end', async () => {
    stubCloud({ ...asSecretary, 'member.me': ok({ member: demoMember }), 'pairing.get': ok(demoPairingDetail) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view)).toContain('赵强 · 兼职书记');
    expect(textOf(view)).toContain('市财政局机关第二党支部 → 河西村党支部');
    expect(view.querySelector('.sub-page >>> #assign')).toBeFalsy();
    expect(view.querySelector('.sub-page >>> .end')).toBeFalsy();
  });

  it('assigns a member of the branch to the partner for the pairing term', async () => {
    const calls = stubCloud({
      ...asSecretary,
      'liaison.assign': ok({
        ...demoLiaisons[0]!,
        id: 'liaison-2',
        memberName: '王芳',
        role: 'invitedCommitteeMember' as const,
      }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#assign');
    await settle();
    tap(view, '#save');
    await settle();
    expect(textOf(view)).toContain('请选择党员');
    const chips = view.querySelectorAll('.sub-page >>> .liaisons__form .chip');
    chips.find((c) => c.dom?.textContent === '王芳')?.dispatchEvent('tap');
    chips.find((c) => c.dom?.textContent === '特邀委员')?.dispatchEvent('tap');
    await settle();
    tap(view, '#save');
    await settle();
    expect(calls.find((c) => c.action === 'liaison.assign')?.data).toEqual({
      pairingId: 'pairing-hexi',
      memberId: 'm-wang',
      toOrgId: 'village-hexi',
      role: 'invitedCommitteeMember',
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
    });
    expect(textOf(view)).toContain('王芳 · 特邀委员');
  });

  it("ends a placement after confirming, and shows the server's refusal", async () => {
    let answer: ApiResult<LiaisonView> = fail({
      code: 'FORBIDDEN',
      message: '只有该组织的书记或上级党委可以进行此操作',
    });
    stubCloud({ ...asSecretary, 'liaison.end': () => answer });
    answerModal(true);
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '.sub-page >>> .end');
    await settle();
    expect(textOf(view, '#action-error')).toBe('只有该组织的书记或上级党委可以进行此操作');
    answer = ok({ ...demoLiaisons[0]!, endedAt: '2026-04-10T02:00:00.000Z' });
    tap(view, '.sub-page >>> .end');
    await settle();
    expect(textOf(view)).toContain('已卸任');
    expect(view.querySelector('.sub-page >>> .end')).toBeFalsy();
  });

  it('says there are none yet to a member, and shows errors', async () => {
    stubCloud({
      ...asSecretary,
      'member.me': ok({ member: demoMember }),
      'pairing.get': ok(demoPairingDetail),
      'liaison.list': ok(page([])),
    });
    const empty = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(empty)).toContain('还没有选派兼职书记或特邀委员');

    stubCloud({ ...asSecretary, 'liaison.list': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }) });
    const failed = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(failed)).toContain('服务暂时不可用，请稍后再试');
  });
});
