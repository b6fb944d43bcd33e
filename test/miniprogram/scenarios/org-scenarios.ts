/**
 * Demo scenarios of the branch, membership and pairing pages (issue 4), for the gallery and the
 * budgets test: each page filled, and its empty, error and form-error states where they differ.
 */
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { tap, type as typeText } from '../helpers/load';
import type { Scenario } from './index';
import {
  demoBranchFigures,
  demoCommittees,
  demoFigures,
  demoHistory,
  demoInvites,
  demoLedger,
  demoLedgerItem,
  demoLiaisons,
  demoMember,
  demoMembers,
  demoNeeds,
  demoOrg,
  demoPairing,
  demoPairingDetail,
  demoPending,
  demoProposedDetail,
  demoProposedPairing,
  demoResources,
  demoSecretary,
  demoSecretaryPairing,
  demoTownOrgs,
  demoTransfer,
  page,
} from './org-demo-data';

/** A drawn stand-in for the mini-program code (the preview works offline). */
const QR_PICTURE =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#1f1f1f"/>' +
      '<circle cx="5" cy="5" r="2" fill="#ffffff"/></svg>',
  );

/** The organisation scenarios' frozen clock. */
export const NOW = '2026-04-10T02:00:00.000Z';
const member: Replies = { 'member.me': ok({ member: demoMember }), 'org.get': ok(demoOrg) };
const secretary: Replies = {
  'member.me': ok({ member: demoSecretary }),
  'org.get': ok({ ...demoOrg, canManage: true }),
  'pairing.list': ok(page([demoProposedPairing, demoPairing])),
};
const directory: Replies = {
  'org.directory': (data) => ok(page((data as { parentId?: string }).parentId ? demoTownOrgs : demoCommittees)),
};
const figures: Replies = { 'figures.pairing': ok(demoFigures) };
const branchFigures: Replies = { 'figures.branch': (data) => ok(demoBranchFigures((data as { year: number }).year)) };
const items = (pairing = demoSecretaryPairing, needs = demoNeeds): Replies => ({
  'pairing.get': ok(pairing),
  'pairingItem.list': (data) => ok(page((data as { kind: string }).kind === 'need' ? needs : demoResources)),
});
/** The need the caller's side took on, reported done and waiting for the side that raised it. */
const reportedNeeds = demoNeeds.map((need) =>
  need.status === 'matched' ? { ...need, metReportedAt: '2026-04-01T02:00:00.000Z' } : need,
);
const forbidden = fail({ code: 'FORBIDDEN', message: '只有该组织的书记、委员或上级党委可以修改这些内容' });
const tapChip = (label: string) => (view: Parameters<NonNullable<Scenario['act']>>[0]) =>
  view
    .querySelectorAll('.sub-page >>> .chip')
    .find((c) => c.dom?.textContent === label)
    ?.dispatchEvent('tap');

const BRANCH = 'packages/branch';
const PAIRING = 'packages/pairing';
/** A sub-package page (no tab bar) at the organisation scenarios' clock. */
export const sub = (
  id: string,
  title: string,
  pagePath: string,
  cloud: Scenario['cloud'],
  extra: Partial<Scenario> = {},
): Scenario => ({
  id,
  title,
  page: pagePath,
  tabBar: false,
  cloud,
  now: NOW,
  ...extra,
});

export const ORG_SCENARIOS: Scenario[] = [
  {
    id: 'mine-member-branch',
    title: '我的 · 党员（支部与联建）',
    page: 'pages/mine/index',
    tabBar: true,
    cloud: member,
  },
  {
    id: 'mine-secretary-manage',
    title: '我的 · 书记（支部管理入口）',
    page: 'pages/mine/index',
    tabBar: true,
    cloud: secretary,
  },
  {
    id: 'mine-pending',
    title: '我的 · 入支申请审核中',
    page: 'pages/mine/index',
    tabBar: true,
    cloud: { 'member.me': ok({ member: null, pendingJoin: { ...demoMember, pendingApproval: true } }) },
  },
  {
    id: 'mine-leave',
    title: '我的 · 离开支部（书记须先移交）',
    page: 'pages/mine/index',
    tabBar: true,
    cloud: {
      ...secretary,
      'member.leave': fail({ code: 'SECRETARY_MUST_HAND_OVER', message: '请先把书记职务移交给其他党员' }),
    },
    act: (view) => tap(view, '.page >>> #leave', '.t-cell'),
  },
  {
    id: 'home-pairings',
    title: '首页 · 有联建的支部',
    page: 'pages/home/index',
    tabBar: true,
    cloud: secretary,
  },
  sub(
    'member-transfer',
    '转接组织关系 · 选择党委',
    'packages/member/transfer/index',
    {
      ...member,
      ...directory,
      'transfer.list': ok(
        page([{ ...demoTransfer, canDecide: false, status: 'refused', refuseReason: '请先交清党费' }]),
      ),
    },
    { act: (view) => view.querySelectorAll('#target-picker >>> .chip')[1]?.dispatchEvent('tap') },
  ),
  sub('member-history', '组织关系记录', 'packages/member/history/index', { 'member.history': ok(page(demoHistory)) }),
  sub('member-history-empty', '组织关系记录 · 暂无', 'packages/member/history/index', {
    'member.history': ok(page([])),
  }),
  sub('branch-manage', '支部管理 · 书记', `${BRANCH}/manage/index`, {
    ...secretary,
    ...branchFigures,
    'member.list': (data) =>
      ok(page((data as { status: string }).status === 'pending' ? demoPending : demoMembers, 20)),
  }),
  sub('branch-manage-member', '支部管理 · 党员只能查看', `${BRANCH}/manage/index`, {
    ...member,
    ...branchFigures,
    'member.list': ok(page(demoMembers)),
  }),
  sub(
    'branch-manage-last-year',
    '支部管理 · 去年的年度数据',
    `${BRANCH}/manage/index`,
    { ...secretary, ...branchFigures, 'member.list': ok(page(demoMembers)) },
    { act: (view) => view.querySelector('.sub-page >>> #year-2025')?.dispatchEvent('tap') },
  ),
  sub('branch-manage-figures-error', '支部管理 · 年度数据未能统计', `${BRANCH}/manage/index`, {
    ...secretary,
    'member.list': ok(page(demoMembers)),
    'figures.branch': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
  }),
  sub('branch-manage-error', '支部管理 · 网络错误', `${BRANCH}/manage/index`, 'offline'),
  sub('branch-invites', '邀请码', `${BRANCH}/invites/index`, { ...secretary, 'invite.list': ok(page(demoInvites)) }),
  sub(
    'branch-invites-qrcode',
    '邀请码 · 小程序码',
    `${BRANCH}/invites/index`,
    {
      ...secretary,
      'invite.list': ok(page(demoInvites)),
      'invite.qrcode': ok({ code: 'LJ7K2Q', fileID: 'cloud://env/qr.png', url: QR_PICTURE }),
    },
    {
      act: (view) =>
        view.querySelectorAll('.sub-page >>> .qrcode')[0]?.querySelector('.t-button')?.dispatchEvent('tap'),
    },
  ),
  sub(
    'branch-invites-error',
    '邀请码 · 有效期超出',
    `${BRANCH}/invites/index`,
    {
      ...secretary,
      'invite.list': ok(page([])),
      'invite.create': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'expiresInDays', message: '有效期最多 90 天' }],
      }),
    },
    {
      act: (view) => {
        typeText(view, '#days', '120');
        tap(view, '#create');
      },
    },
  ),
  sub('branch-transfers', '转接审批', `${BRANCH}/transfers/index`, { 'transfer.list': ok(page([demoTransfer])) }),
  sub('branch-transfers-empty', '转接审批 · 无待办', `${BRANCH}/transfers/index`, { 'transfer.list': ok(page([])) }),
  sub('pairing-list', '我的联建', `${PAIRING}/list/index`, secretary),
  sub('pairing-list-empty', '我的联建 · 书记尚未结对', `${PAIRING}/list/index`, {
    ...secretary,
    'pairing.list': ok(page([])),
  }),
  sub('pairing-list-loading', '我的联建 · 加载中', `${PAIRING}/list/index`, 'pending'),
  sub(
    'pairing-propose',
    '发起联建 · 党建联盟',
    `${PAIRING}/propose/index`,
    { ...secretary, ...directory },
    {
      act: (view) => {
        view.querySelector('.sub-page >>> #kind-alliance')?.dispatchEvent('tap');
        view.querySelectorAll('#partner-picker >>> .chip')[1]?.dispatchEvent('tap');
      },
    },
  ),
  sub(
    'pairing-propose-errors',
    '发起联建 · 未填完',
    `${PAIRING}/propose/index`,
    { ...secretary, ...directory },
    {
      act: (view) => tap(view, '#submit'),
    },
  ),
  sub(
    'pairing-detail',
    '联建详情 · 党员',
    `${PAIRING}/detail/index`,
    { 'pairing.get': ok(demoPairingDetail), ...figures },
    { query: { id: 'pairing-hexi' } },
  ),
  sub(
    'pairing-detail-lead',
    '联建详情 · 书记',
    `${PAIRING}/detail/index`,
    { 'pairing.get': ok(demoSecretaryPairing), ...figures },
    { query: { id: 'pairing-hexi' } },
  ),
  sub(
    'pairing-detail-respond',
    '联建详情 · 待本支部确认',
    `${PAIRING}/detail/index`,
    { 'pairing.get': ok(demoProposedDetail), ...figures },
    { query: { id: 'pairing-east' } },
  ),
  sub(
    'pairing-detail-hidden',
    '联建详情 · 不在其中',
    `${PAIRING}/detail/index`,
    {
      'pairing.get': fail({ code: 'NOT_FOUND', message: '联建不存在或你不在其中' }),
      ...figures,
    },
    { query: { id: 'pairing-x' } },
  ),
  sub(
    'pairing-agreement',
    '联建协议 · 编辑',
    `${PAIRING}/agreement/index`,
    { 'pairing.get': ok(demoSecretaryPairing) },
    { query: { pairingId: 'pairing-hexi' } },
  ),
  sub('pairing-items', '资源清单', `${PAIRING}/items/index`, items(), { query: { pairingId: 'pairing-hexi' } }),
  sub('pairing-needs', '需求清单 · 可认领', `${PAIRING}/items/index`, items(), {
    query: { pairingId: 'pairing-hexi', kind: 'need' },
  }),
  sub(
    'pairing-needs-reported',
    '需求清单 · 已报告完成，待对方确认',
    `${PAIRING}/items/index`,
    items(undefined, reportedNeeds),
    {
      query: { pairingId: 'pairing-hexi', kind: 'need' },
    },
  ),
  sub('pairing-items-add', '资源清单 · 添加', `${PAIRING}/items/index`, items(), {
    query: { pairingId: 'pairing-hexi' },
    act: (view) => tap(view, '#add'),
  }),
  sub(
    'pairing-liaisons',
    '兼职书记与特邀委员',
    `${PAIRING}/liaisons/index`,
    {
      'member.me': ok({ member: demoSecretary }),
      'pairing.get': ok(demoSecretaryPairing),
      'liaison.list': ok(page(demoLiaisons)),
      'member.list': ok(page(demoMembers)),
    },
    { query: { pairingId: 'pairing-hexi' }, act: (view) => tap(view, '#assign') },
  ),
  sub(
    'pairing-ledger',
    '难题共解台账',
    `${PAIRING}/ledger/index`,
    {
      'pairing.get': ok(demoSecretaryPairing),
      'ledger.list': ok(page(demoLedger)),
    },
    { query: { pairingId: 'pairing-hexi' } },
  ),
  sub(
    'pairing-ledger-overdue-empty',
    '难题共解台账 · 无逾期',
    `${PAIRING}/ledger/index`,
    {
      'pairing.get': ok(demoPairingDetail),
      'ledger.list': (data) => ok(page((data as { overdue: boolean }).overdue ? [] : demoLedger)),
    },
    { query: { pairingId: 'pairing-hexi' }, act: tapChip('已逾期') },
  ),
  sub(
    'pairing-ledger-item',
    '难题详情 · 记录进展',
    `${PAIRING}/ledger-item/index`,
    { 'ledger.get': ok(demoLedgerItem) },
    { query: { id: 'ledger-1' } },
  ),
  sub(
    'pairing-ledger-item-drop',
    '难题详情 · 放弃须说明原因',
    `${PAIRING}/ledger-item/index`,
    { 'ledger.get': ok(demoLedgerItem) },
    {
      query: { id: 'ledger-1' },
      act: (view) => {
        view.querySelector('.sub-page >>> #choice-dropped')?.dispatchEvent('tap');
        tap(view, '#submit');
      },
    },
  ),
  sub(
    'pairing-ledger-item-forbidden',
    '难题详情 · 他方党员无权修改',
    `${PAIRING}/ledger-item/index`,
    {
      'ledger.get': ok({ ...demoLedgerItem, canWrite: true }),
      'ledger.progress': forbidden,
    },
    {
      query: { id: 'ledger-1' },
      act: (view) => {
        view
          .querySelector('.sub-page >>> #note')
          ?.querySelector('.t-textarea__wrapper-inner')
          ?.dispatchEvent('input', {
            detail: { value: '已联系', cursor: 3 },
          });
        tap(view, '#submit');
      },
    },
  ),
  sub(
    'pairing-ledger-edit',
    '新增难题 · 未填完',
    `${PAIRING}/ledger-edit/index`,
    { 'pairing.get': ok(demoSecretaryPairing) },
    {
      query: { pairingId: 'pairing-hexi' },
      act: (view) => tap(view, '#submit'),
    },
  ),
];
