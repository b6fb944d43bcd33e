/**
 * Demo pairing across two committees: 县财政局机关党支部 (county organs' committee) with 红旗村党支部
 * (红旗镇党委), active, with its agreement, resource and need lists (one need met, one taken on),
 * a liaison placed in the village, and a ledger of shared problems with one item overdue. Also a
 * proposal waiting for an answer, a partner community, a committee office (周敏), a join and a
 * transfer waiting for the secretary, so every issue-4 page has something to show.
 * Written through the same server code the functions use, so the per-side index stays in step.
 */
import type {
  AgreementDoc,
  CommitteeAdminDoc,
  LedgerItemDoc,
  LiaisonDoc,
  MemberDoc,
  OrganizationDoc,
  PairingDoc,
  PairingItemDoc,
  TransferDoc,
} from '../db/documents';
import { memberKey } from '../domain/pairing';
import { shanghaiDateOf } from '../domain/shanghai-time';
import type { Database } from '../server/cloud';
import { withoutId } from '../server/docs';
import { writePairing } from '../server/pairings';
import { inTransaction } from '../server/transaction';

const DAY = 24 * 60 * 60 * 1000;

export const DEMO_PAIRING = {
  townshipCommitteeId: 'committee-township',
  partnerCommunityId: 'partner-xinyuan',
  pairingId: 'pairing-finance-hongqi',
  /** Proposed by the bureau to 县农业农村局党支部 (no secretary yet: the county office answers). */
  proposedPairingId: 'pairing-finance-agriculture',
  /** Asked to join with an approval code, waiting for 李明. */
  applicantOpenid: 'demo-applicant',
  /** 孙伟 asks to move to 县农业农村局党支部, waiting for 李明. */
  transferId: 'transfer-sun',
  officeOpenid: 'demo-office',
  liaisonOpenid: 'demo-member-2',
  ledger: { overdue: 'ledger-road', inProgress: 'ledger-sales', resolved: 'ledger-lights' },
  needs: { met: 'need-project-guide', open: 'need-road-fund', matched: 'need-library' },
  resources: { lecture: 'resource-policy-lecture', computers: 'resource-computers' },
} as const;

export interface DemoPairingSides {
  countyCommitteeId: string;
  finance: { branchId: string; secretary: { openid: string; name: string } };
  hongqi: { branchId: string; secretary: { openid: string; name: string } };
  agricultureBranchId: string;
  /** A finance member who asks to transfer to agriculture. */
  transferring: { openid: string; name: string };
  /** The branch the office's own membership is in. */
  officeBranchId: string;
}

async function put(db: Database, collection: string, docs: { _id: string }[]): Promise<void> {
  for (const doc of docs) await db.collection(collection).doc(doc._id).set(withoutId(doc));
}

export async function seedDemoPairings(db: Database, sides: DemoPairingSides, now: Date): Promise<string[]> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const date = (days: number) => shanghaiDateOf(new Date(now.getTime() + days * DAY));
  const { finance, hongqi } = sides;

  const organizations: OrganizationDoc[] = [
    {
      _id: DEMO_PAIRING.townshipCommitteeId,
      kind: 'committee',
      name: '红旗镇党委',
      category: 'agency',
      parentId: null,
      createdAt: ago(400),
    },
    {
      _id: DEMO_PAIRING.partnerCommunityId,
      kind: 'partner',
      name: '新园社区党委',
      category: 'community',
      parentId: DEMO_PAIRING.townshipCommitteeId,
      createdAt: ago(400),
    },
  ];
  const office: MemberDoc = {
    _id: DEMO_PAIRING.officeOpenid,
    name: '周敏',
    branchId: sides.officeBranchId,
    role: 'member',
    status: 'active',
    joinedAt: ago(300),
    joinedVia: null,
  };
  const admin: CommitteeAdminDoc = {
    _id: `${sides.countyCommitteeId}_${office._id}`,
    committeeId: sides.countyCommitteeId,
    openid: office._id,
    name: office.name,
    createdAt: ago(300),
  };
  const applicant: MemberDoc = {
    _id: DEMO_PAIRING.applicantOpenid,
    name: '刘洋',
    branchId: finance.branchId,
    role: 'member',
    status: 'pending',
    joinedAt: ago(1),
    joinedVia: null,
  };
  const transfer: TransferDoc = {
    _id: DEMO_PAIRING.transferId,
    memberId: sides.transferring.openid,
    memberName: sides.transferring.name,
    fromBranchId: finance.branchId,
    toBranchId: sides.agricultureBranchId,
    status: 'awaitingSource',
    reason: '工作调动到农业农村局',
    refuseReason: '',
    awaitingBranchId: finance.branchId,
    sourceDecision: null,
    targetDecision: null,
    createdAt: ago(2),
    updatedAt: ago(2),
  };
  await put(db, 'organizations', organizations);
  await put(db, 'members', [office, applicant]);
  await put(db, 'transfers', [transfer]);
  await put(db, 'committeeAdmins', [admin]);

  const pairing: PairingDoc = {
    _id: DEMO_PAIRING.pairingId,
    name: '财政局—红旗村结对共建',
    kind: 'pairing',
    status: 'active',
    sides: [
      {
        orgId: finance.branchId,
        committeeId: sides.countyCommitteeId,
        status: 'proposer',
        leadOpenid: finance.secretary.openid,
        leadName: finance.secretary.name,
        decidedAt: ago(120),
        refuseReason: '',
      },
      {
        orgId: hongqi.branchId,
        committeeId: DEMO_PAIRING.townshipCommitteeId,
        status: 'accepted',
        leadOpenid: hongqi.secretary.openid,
        leadName: hongqi.secretary.name,
        decidedAt: ago(118),
        refuseReason: '',
      },
    ],
    memberKey: memberKey([finance.branchId, hongqi.branchId]),
    termStart: date(-118),
    termEnd: date(-118 + 3 * 365),
    endReason: '',
    proposedBy: finance.secretary.openid,
    createdAt: ago(120),
    updatedAt: ago(118),
    activatedAt: ago(118),
    endedAt: null,
  };
  const proposed: PairingDoc = {
    ...pairing,
    _id: DEMO_PAIRING.proposedPairingId,
    name: '财政局—农业农村局党建联建',
    status: 'proposed',
    sides: [
      { ...pairing.sides[0]!, decidedAt: ago(3) },
      {
        orgId: sides.agricultureBranchId,
        committeeId: sides.countyCommitteeId,
        status: 'pending',
        leadOpenid: null,
        leadName: null,
        decidedAt: null,
        refuseReason: '',
      },
    ],
    memberKey: memberKey([finance.branchId, sides.agricultureBranchId]),
    termStart: date(10),
    termEnd: date(10 + 2 * 365),
    createdAt: ago(3),
    updatedAt: ago(3),
    activatedAt: null,
  };
  await inTransaction(db, async (tx) => {
    await writePairing(tx, pairing);
    await writePairing(tx, proposed);
  });

  const agreement: AgreementDoc = {
    _id: pairing._id,
    goals: '围绕乡村振兴，开展支部共建、党员共管、资源共享：每月联合开展主题党日，每季度解决一件村里的实事。',
    contacts: [
      { orgId: finance.branchId, name: finance.secretary.name, phone: '0571-8800 1234' },
      { orgId: hongqi.branchId, name: hongqi.secretary.name, phone: '138 0000 5678' },
    ],
    signedOn: date(-118),
    attachments: [],
    updatedBy: finance.secretary.openid,
    updatedAt: ago(118),
  };
  await put(db, 'agreements', [agreement]);

  const item = (
    _id: string,
    kind: PairingItemDoc['kind'],
    orgId: string,
    title: string,
    detail: string,
    extra: Partial<PairingItemDoc> = {},
  ): PairingItemDoc => ({
    _id,
    pairingId: pairing._id,
    kind,
    orgId,
    title,
    detail,
    status: 'open',
    matchedByOrgId: null,
    matchedResourceId: null,
    matchedAt: null,
    metAt: null,
    createdBy: finance.secretary.openid,
    createdAt: ago(100),
    ...extra,
  });
  await put(db, 'pairingItems', [
    item(
      DEMO_PAIRING.resources.lecture,
      'resource',
      finance.branchId,
      '惠农财政政策宣讲',
      '每季度一次，进村入户讲解补贴政策',
    ),
    item(DEMO_PAIRING.resources.computers, 'resource', finance.branchId, '闲置办公电脑 5 台', '可用于村党群服务中心'),
    item(DEMO_PAIRING.needs.met, 'need', hongqi.branchId, '村集体经济项目申报指导', '茶叶加工项目需要申报材料辅导', {
      status: 'met',
      matchedByOrgId: finance.branchId,
      matchedResourceId: DEMO_PAIRING.resources.lecture,
      matchedAt: ago(90),
      metAt: ago(30),
    }),
    item(DEMO_PAIRING.needs.open, 'need', hongqi.branchId, '村道修缮资金政策咨询', '二组村道破损，想了解以奖代补政策'),
    item(DEMO_PAIRING.needs.matched, 'need', hongqi.branchId, '农家书屋图书更新', '现有图书多为十年前出版', {
      status: 'matched',
      matchedByOrgId: finance.branchId,
      matchedAt: ago(15),
      // The finance branch reports it done; 红旗村 has yet to confirm (only then it counts as met).
      metReportedAt: ago(2),
    }),
  ]);

  const liaison: LiaisonDoc = {
    _id: 'liaison-chen',
    pairingId: pairing._id,
    memberId: DEMO_PAIRING.liaisonOpenid,
    memberName: '陈刚',
    fromOrgId: finance.branchId,
    toOrgId: hongqi.branchId,
    role: 'invitedCommitteeMember',
    termStart: date(-110),
    termEnd: date(-110 + 2 * 365),
    createdBy: finance.secretary.openid,
    createdAt: ago(110),
    endedAt: null,
  };
  await put(db, 'liaisons', [liaison]);

  const ledgerItem = (
    _id: string,
    title: string,
    deadline: string,
    status: LedgerItemDoc['status'],
    extra: Partial<LedgerItemDoc> = {},
  ): LedgerItemDoc => ({
    _id,
    pairingId: pairing._id,
    title,
    description: '',
    raisedByOrgId: hongqi.branchId,
    ownerOrgId: finance.branchId,
    ownerName: finance.secretary.name,
    measures: '',
    deadline,
    status,
    dropReason: '',
    resolvedOn: null,
    progress: [],
    createdBy: hongqi.secretary.openid,
    createdAt: ago(80),
    updatedAt: ago(20),
    ...extra,
  });
  await put(db, 'ledgerItems', [
    ledgerItem(DEMO_PAIRING.ledger.overdue, '二组村道破损，雨天出行难', date(-10), 'inProgress', {
      description: '二组约 800 米村道多处坑洼，雨天积水。',
      measures: '财政局协助申报以奖代补项目，镇里统筹施工。',
      progress: [
        {
          at: ago(40),
          by: finance.secretary.openid,
          byName: finance.secretary.name,
          note: '已现场查看并拍照',
          status: 'inProgress',
        },
      ],
    }),
    ledgerItem(DEMO_PAIRING.ledger.inProgress, '茶叶销路窄，价格低', date(30), 'open', {
      measures: '对接机关食堂和工会采购。',
    }),
    ledgerItem(DEMO_PAIRING.ledger.resolved, '村口路灯损坏', date(-50), 'resolved', {
      resolvedOn: date(-55),
      progress: [
        {
          at: ago(55),
          by: finance.secretary.openid,
          byName: finance.secretary.name,
          note: '已协调更换 6 盏路灯',
          status: 'resolved',
        },
      ],
    }),
  ]);

  return [
    `pairing: ${pairing.name} (县直机关工委 × 红旗镇党委), ledger with one overdue item; proposed: ${proposed.name}`,
    `committee office: ${DEMO_PAIRING.officeOpenid} (周敏); waiting for 李明: join of 刘洋, transfer of ${sides.transferring.name}`,
  ];
}
