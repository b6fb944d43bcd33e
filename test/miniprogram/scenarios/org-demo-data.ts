/**
 * Demo answers for the branch, membership and pairing pages (issue 4), contract-shaped and in
 * Chinese; the gallery, the budgets test and the page tests share them.
 */
import type {
  BranchYearFigures,
  InviteView,
  LedgerItemDetail,
  LedgerItemSummary,
  LiaisonView,
  MemberProfile,
  MembershipEventView,
  MemberRow,
  OrgDetail,
  OrgView,
  Page,
  PairingDetail,
  PairingItemView,
  PairingSummary,
  PairingYearFigures,
  TransferView,
} from '../../../src/contract';
import { demoBranch, demoMember, demoSecretary } from './demo-data';

export const page = <T>(items: T[], nextOffset: number | null = null): Page<T> => ({ items, nextOffset });

export const demoCommitteeMember: MemberProfile = { ...demoMember, name: '赵强', role: 'committeeMember' };

export const demoOrg: OrgDetail = {
  id: demoBranch.id,
  name: demoBranch.name,
  kind: 'branch',
  category: 'agency',
  parentId: 'committee-city',
  parentName: demoBranch.committeeName,
  memberCount: 32,
  secretaryName: '李明',
  canManage: false,
};

export const demoCommittees: OrgView[] = [
  {
    id: 'committee-city',
    name: '中共市直机关工作委员会',
    kind: 'committee',
    category: 'agency',
    parentId: null,
    parentName: '',
  },
  {
    id: 'committee-town',
    name: '中共青山镇委员会',
    kind: 'committee',
    category: 'village',
    parentId: null,
    parentName: '',
  },
];

export const demoTownOrgs: OrgView[] = [
  {
    id: 'village-hexi',
    name: '河西村党支部',
    kind: 'partner',
    category: 'village',
    parentId: 'committee-town',
    parentName: '中共青山镇委员会',
  },
  {
    id: 'branch-town-office',
    name: '青山镇机关党支部',
    kind: 'branch',
    category: 'agency',
    parentId: 'committee-town',
    parentName: '中共青山镇委员会',
  },
  {
    id: 'community-east',
    name: '东门社区党委',
    kind: 'partner',
    category: 'community',
    parentId: 'committee-town',
    parentName: '中共青山镇委员会',
  },
];

export const demoMembers: MemberRow[] = [
  { id: 'm-li', name: '李明', role: 'secretary', status: 'active', joinedAt: '2019-03-01T02:00:00.000Z' },
  { id: 'm-zhao', name: '赵强', role: 'committeeMember', status: 'active', joinedAt: '2020-05-10T02:00:00.000Z' },
  { id: 'm-wang', name: '王芳', role: 'member', status: 'active', joinedAt: '2021-06-30T16:00:00.000Z' },
  { id: 'm-chen', name: '陈静', role: 'member', status: 'active', joinedAt: '2023-09-01T01:00:00.000Z' },
];

export const demoPending: MemberRow[] = [
  { id: 'm-sun', name: '孙磊', role: 'member', status: 'pending', joinedAt: '2026-04-02T03:00:00.000Z' },
];

export const demoInvites: InviteView[] = [
  {
    code: 'LJ7K2Q',
    branchId: demoBranch.id,
    createdAt: '2026-04-01T02:00:00.000Z',
    expiresAt: '2026-05-01T02:00:00.000Z',
    maxUses: 50,
    usedCount: 12,
    requiresApproval: true,
    state: 'usable',
  },
  {
    code: 'LJ3MPX',
    branchId: demoBranch.id,
    createdAt: '2026-01-05T02:00:00.000Z',
    expiresAt: '2026-02-04T02:00:00.000Z',
    maxUses: 20,
    usedCount: 20,
    requiresApproval: false,
    state: 'exhausted',
  },
];

export const demoTransfer: TransferView = {
  id: 'transfer-1',
  memberId: 'm-chen',
  memberName: '陈静',
  from: { id: demoBranch.id, name: demoBranch.name },
  to: { id: 'branch-town-office', name: '青山镇机关党支部' },
  status: 'awaitingSource',
  reason: '工作调动到青山镇',
  refuseReason: '',
  createdAt: '2026-04-03T02:00:00.000Z',
  canDecide: true,
};

export const demoHistory: MembershipEventView[] = [
  {
    kind: 'roleChanged',
    branchId: demoBranch.id,
    branchName: demoBranch.name,
    at: '2024-01-10T02:00:00.000Z',
    byName: '李明',
    bySelf: false,
    role: 'committeeMember',
    reason: '',
  },
  {
    kind: 'joined',
    branchId: demoBranch.id,
    branchName: demoBranch.name,
    at: '2021-06-30T16:00:00.000Z',
    byName: '王芳',
    bySelf: true,
    role: 'member',
    reason: '',
  },
];

const sides: PairingSummary['sides'] = [
  {
    orgId: demoBranch.id,
    name: demoBranch.name,
    committeeName: demoBranch.committeeName,
    status: 'proposer',
    leadName: '李明',
    decidedAt: '2026-01-08T02:00:00.000Z',
    refuseReason: '',
  },
  {
    orgId: 'village-hexi',
    name: '河西村党支部',
    committeeName: '中共青山镇委员会',
    status: 'accepted',
    leadName: '刘海',
    decidedAt: '2026-01-12T02:00:00.000Z',
    refuseReason: '',
  },
];

export const demoPairing: PairingSummary = {
  id: 'pairing-hexi',
  name: '财政局二支部 · 河西村结对共建',
  kind: 'pairing',
  status: 'active',
  termStart: '2026-01-01',
  termEnd: '2027-12-31',
  sides,
};

export const demoProposedPairing: PairingSummary = {
  id: 'pairing-east',
  name: '东门社区党建联盟',
  kind: 'alliance',
  status: 'proposed',
  termStart: '2026-05-01',
  termEnd: '2027-04-30',
  sides: [
    {
      orgId: 'community-east',
      name: '东门社区党委',
      committeeName: '中共青山镇委员会',
      status: 'proposer',
      leadName: '周敏',
      decidedAt: '2026-04-01T02:00:00.000Z',
      refuseReason: '',
    },
    { ...sides[0]!, status: 'pending', decidedAt: null },
    {
      orgId: 'branch-town-office',
      name: '青山镇机关党支部',
      committeeName: '中共青山镇委员会',
      status: 'accepted',
      leadName: '吴刚',
      decidedAt: '2026-04-02T02:00:00.000Z',
      refuseReason: '',
    },
  ],
};

export const demoPairingDetail: PairingDetail = {
  ...demoPairing,
  agreement: {
    goals: '围绕乡村振兴，共同开展主题党日、政策宣讲和产业帮扶；每季度至少一次联合活动。',
    contacts: [
      { orgId: demoBranch.id, name: '李明', phone: '13800001111' },
      { orgId: 'village-hexi', name: '刘海', phone: '13900002222' },
    ],
    signedOn: '2026-01-15',
    attachments: [
      { fileID: 'cloud://env-1/agreements/hexi.pdf', name: '结对共建协议书.pdf', url: 'https://x.test/hexi.pdf' },
    ],
    updatedAt: '2026-01-15T02:00:00.000Z',
  },
  endReason: '',
  canRespondFor: [],
  canManageFor: [],
  canWriteFor: [],
};

export const demoSecretaryPairing: PairingDetail = {
  ...demoPairingDetail,
  canManageFor: [demoBranch.id],
  canWriteFor: [demoBranch.id],
};

export const demoProposedDetail: PairingDetail = {
  ...demoProposedPairing,
  agreement: null,
  endReason: '',
  canRespondFor: [demoBranch.id],
  canManageFor: [demoBranch.id],
  canWriteFor: [demoBranch.id],
};

export const demoFigures: PairingYearFigures = {
  pairingId: demoPairing.id,
  year: 2026,
  jointActivities: 5,
  problemsRaised: 4,
  problemsResolved: 2,
  problemsOverdue: 1,
  needsMet: 3,
  study: demoStudyFigures(2026),
};

/** Study figures (issue 9) as figures.* answers them. */
export function demoStudyFigures(year: number): BranchYearFigures['study'] {
  const thisYear = year === 2026;
  return {
    activeMembers: 12,
    studyParticipants: thisYear ? 11 : 10,
    studyParticipation: thisYear ? 11 / 12 : 10 / 12,
    firstTopicMonths: thisYear ? 11 : 12,
    firstTopicCoverage: thisYear ? 0.86 : 0.79,
    pointsTotal: thisYear ? 1843.5 : 2010,
    pointsAverage: thisYear ? 153.6 : 167.5,
  };
}

/** The branch's figures for any year asked: this year's so far, last year's complete. */
export function demoBranchFigures(year: number): BranchYearFigures {
  const thisYear = year === 2026;
  return {
    branchId: demoBranch.id,
    year,
    pairings: 2,
    jointActivities: thisYear ? 7 : 11,
    problemsRaised: thisYear ? 5 : 8,
    problemsResolved: thisYear ? 3 : 7,
    problemsOverdue: thisYear ? 1 : 0,
    needsMet: thisYear ? 4 : 6,
    study: demoStudyFigures(year),
  };
}

export const demoResources: PairingItemView[] = [
  {
    id: 'res-1',
    pairingId: demoPairing.id,
    kind: 'resource',
    orgId: demoBranch.id,
    orgName: demoBranch.name,
    title: '财务政策宣讲',
    detail: '每季度派骨干讲解惠农补贴政策',
    status: 'open',
    matchedBy: null,
    matchedResourceId: null,
    metAt: null,
    createdAt: '2026-01-20T02:00:00.000Z',
  },
];

export const demoNeeds: PairingItemView[] = [
  {
    id: 'need-1',
    pairingId: demoPairing.id,
    kind: 'need',
    orgId: 'village-hexi',
    orgName: '河西村党支部',
    title: '村集体账目规范化指导',
    detail: '村务公开前需要专业人员把关',
    status: 'open',
    matchedBy: null,
    matchedResourceId: null,
    metAt: null,
    createdAt: '2026-01-21T02:00:00.000Z',
  },
  {
    id: 'need-2',
    pairingId: demoPairing.id,
    kind: 'need',
    orgId: 'village-hexi',
    orgName: '河西村党支部',
    title: '农产品销售渠道',
    detail: '',
    status: 'matched',
    matchedBy: { orgId: demoBranch.id, orgName: demoBranch.name },
    matchedResourceId: null,
    metAt: null,
    createdAt: '2026-01-22T02:00:00.000Z',
  },
];

export const demoLiaisons: LiaisonView[] = [
  {
    id: 'liaison-1',
    pairingId: demoPairing.id,
    memberId: 'm-zhao',
    memberName: '赵强',
    fromOrg: { id: demoBranch.id, name: demoBranch.name },
    toOrg: { id: 'village-hexi', name: '河西村党支部' },
    role: 'partTimeSecretary',
    termStart: '2026-02-01',
    termEnd: '2027-01-31',
    endedAt: null,
  },
];

export const demoLedger: LedgerItemSummary[] = [
  {
    id: 'ledger-1',
    pairingId: demoPairing.id,
    title: '村道路灯年久失修',
    raisedBy: { orgId: 'village-hexi', orgName: '河西村党支部' },
    owner: { orgId: demoBranch.id, orgName: demoBranch.name, personName: '赵强' },
    deadline: '2026-03-31',
    status: 'inProgress',
    overdue: true,
  },
  {
    id: 'ledger-2',
    pairingId: demoPairing.id,
    title: '留守老人就医接送',
    raisedBy: { orgId: 'village-hexi', orgName: '河西村党支部' },
    owner: { orgId: 'village-hexi', orgName: '河西村党支部', personName: '刘海' },
    deadline: '2026-06-30',
    status: 'open',
    overdue: false,
  },
];

export const demoLedgerItem: LedgerItemDetail = {
  ...demoLedger[0]!,
  description: '村东主干道 12 盏路灯损坏，夜间出行不便。',
  measures: '协调供电所检修，财政局支部募集维修资金。',
  dropReason: '',
  progress: [
    { at: '2026-02-10T02:00:00.000Z', byName: '赵强', note: '已联系供电所现场查看', status: 'inProgress' },
    { at: '2026-03-05T02:00:00.000Z', byName: '赵强', note: '维修资金已落实，等待施工', status: null },
  ],
  createdAt: '2026-02-01T02:00:00.000Z',
  resolvedOn: null,
  canWrite: true,
};

export { demoBranch, demoMember, demoSecretary };
