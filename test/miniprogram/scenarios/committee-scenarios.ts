/**
 * Demo answers and scenarios of a committee office (党委管理, 我的 with its entry, the committee's
 * pairings), for the gallery, the budgets test and the page tests.
 */
import type { MeView } from '../../../src/contract';
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import type { Scenario } from './index';
import { demoMember } from './demo-data';
import { demoOrg, demoPairing, demoProposedPairing, demoTownOrgs, page } from './org-demo-data';
import { sub } from './org-scenarios';

export const demoTownCommittee = { id: 'committee-town', name: '中共青山镇委员会' };

/** A plain member of her own branch who works in the town committee's office. */
export const demoOfficeMe: MeView = { member: { ...demoMember, name: '孙丽' }, offices: [demoTownCommittee] };

export const asOffice: Replies = {
  'member.me': ok(demoOfficeMe),
  'org.get': ok(demoOrg),
  'org.directory': ok(page(demoTownOrgs, 3)),
  'pairing.list': ok(page([demoProposedPairing, demoPairing])),
};

const COMMITTEE = 'packages/branch/committee/index';

export const COMMITTEE_SCENARIOS: Scenario[] = [
  { id: 'mine-office', title: '我的 · 党委组织部门', page: 'pages/mine/index', tabBar: true, cloud: asOffice },
  sub('committee', '党委管理', COMMITTEE, asOffice, { query: { committeeId: demoTownCommittee.id } }),
  sub('committee-empty', '党委管理 · 新建党委', COMMITTEE, {
    ...asOffice,
    'org.directory': ok(page([])),
    'pairing.list': ok(page([])),
  }),
  sub('committee-not-office', '党委管理 · 非组织部门', COMMITTEE, { 'member.me': ok({ member: demoMember }) }),
  sub('committee-error', '党委管理 · 网络错误', COMMITTEE, {
    ...asOffice,
    'org.directory': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
  }),
  sub('committee-loading', '党委管理 · 加载中', COMMITTEE, 'pending'),
  sub('pairing-list-committee', '党委联建', 'packages/pairing/list/index', asOffice, {
    query: { scope: 'committee' },
  }),
];
