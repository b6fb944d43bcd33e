/**
 * api-contract.test.ts rows for the issue-4 actions: one valid payload (accepted from `caller`
 * against the demo seed) and one invalid payload with the field it must name.
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import type { ActionName } from '../../src/contract';

type Row = { valid: unknown; invalid: unknown; invalidPath: string; caller?: string };
type OrgAction = Extract<
  ActionName,
  | `org.${string}`
  | `member.${'list' | 'approve' | 'reject' | 'remove' | 'setRole' | 'handOver' | 'leave' | 'history'}`
  | `transfer.${string}`
  | `invite.${'create' | 'list' | 'revoke' | 'qrcode'}`
  | `pairing.${string}`
  | `agreement.${string}`
  | `pairingItem.${string}`
  | `liaison.${string}`
  | `ledger.${string}`
  | `figures.${string}`
>;

const LI = DEMO.secretaryOpenid;
const WANG = DEMO.memberOpenid;
const ZHANG = 'demo-secretary-hongqi';
const OFFICE = DEMO_PAIRING.officeOpenid;
const pairingId = DEMO_PAIRING.pairingId;
const { finance, agriculture, hongqi } = DEMO.branches;
const term = { termStart: '2026-03-01', termEnd: '2028-02-29' };

export const orgPayloads: Record<OrgAction, Row> = {
  'org.get': { valid: { orgId: finance }, invalid: { orgId: 'bad id!' }, invalidPath: 'orgId', caller: WANG },
  'org.directory': { valid: {}, invalid: { limit: 50 }, invalidPath: 'limit', caller: LI },
  'org.create': {
    valid: { kind: 'partner', name: '县供电公司党委', category: 'enterprise', parentId: DEMO.committeeId },
    invalid: { kind: 'partner', name: '', category: 'enterprise', parentId: DEMO.committeeId },
    invalidPath: 'name',
    caller: OFFICE,
  },
  'org.update': {
    valid: { orgId: finance, name: '县财政局机关第一党支部' },
    invalid: { orgId: finance, category: 'bank' },
    invalidPath: 'category',
    caller: LI,
  },
  'member.list': { valid: {}, invalid: { status: 'gone' }, invalidPath: 'status', caller: WANG },
  'member.approve': {
    valid: { memberId: DEMO_PAIRING.applicantOpenid },
    invalid: { memberId: 'bad id!' },
    invalidPath: 'memberId',
    caller: LI,
  },
  'member.reject': {
    valid: { memberId: DEMO_PAIRING.applicantOpenid, reason: '非本单位党员' },
    invalid: { memberId: DEMO_PAIRING.applicantOpenid, reason: '因'.repeat(101) },
    invalidPath: 'reason',
    caller: LI,
  },
  'member.remove': {
    valid: { memberId: 'demo-member-4', reason: '组织关系已转出' },
    invalid: { memberId: 'demo-member-4', reason: '' },
    invalidPath: 'reason',
    caller: LI,
  },
  'member.setRole': {
    valid: { memberId: WANG, role: 'committeeMember' },
    invalid: { memberId: WANG, role: 'boss' },
    invalidPath: 'role',
    caller: LI,
  },
  'member.handOver': {
    valid: { memberId: 'demo-member-2' },
    invalid: { memberId: '' },
    invalidPath: 'memberId',
    caller: LI,
  },
  'member.leave': { valid: {}, invalid: { reason: '因'.repeat(101) }, invalidPath: 'reason', caller: WANG },
  'member.history': { valid: {}, invalid: { limit: 0 }, invalidPath: 'limit', caller: WANG },
  'transfer.request': {
    valid: { toBranchId: agriculture, reason: '工作调动' },
    invalid: { toBranchId: agriculture, reason: '' },
    invalidPath: 'reason',
    caller: WANG,
  },
  'transfer.decide': {
    valid: { transferId: DEMO_PAIRING.transferId, approve: true },
    invalid: { transferId: DEMO_PAIRING.transferId, approve: 'yes' },
    invalidPath: 'approve',
    caller: LI,
  },
  'transfer.list': { valid: {}, invalid: { scope: 'all' }, invalidPath: 'scope', caller: WANG },
  'invite.create': { valid: {}, invalid: { maxUses: 0 }, invalidPath: 'maxUses', caller: LI },
  'invite.list': { valid: {}, invalid: { limit: 21 }, invalidPath: 'limit', caller: LI },
  'invite.revoke': { valid: { code: DEMO.inviteCode }, invalid: { code: 'ab' }, invalidPath: 'code', caller: LI },
  'invite.qrcode': { valid: { code: DEMO.inviteCode }, invalid: { code: 'ab' }, invalidPath: 'code', caller: LI },
  'pairing.propose': {
    valid: { partnerIds: [DEMO_PAIRING.partnerCommunityId], name: '财政局—新园社区结对', kind: 'pairing', ...term },
    invalid: { partnerIds: [], name: '结对', kind: 'pairing', ...term },
    invalidPath: 'partnerIds',
    caller: LI,
  },
  'pairing.respond': {
    valid: { pairingId: DEMO_PAIRING.proposedPairingId, accept: true },
    invalid: { pairingId: DEMO_PAIRING.proposedPairingId, accept: 1 },
    invalidPath: 'accept',
    caller: OFFICE,
  },
  'pairing.end': {
    valid: { pairingId, reason: '协议到期' },
    invalid: { pairingId, reason: '' },
    invalidPath: 'reason',
    caller: LI,
  },
  'pairing.get': { valid: { pairingId }, invalid: { pairingId: 'bad id!' }, invalidPath: 'pairingId', caller: WANG },
  'pairing.list': { valid: {}, invalid: { status: 'done' }, invalidPath: 'status', caller: WANG },
  'agreement.set': {
    valid: { pairingId, goals: '共建共享', ...term },
    invalid: { pairingId, goals: '目'.repeat(10_000), ...term },
    invalidPath: 'goals',
    caller: ZHANG,
  },
  'pairingItem.add': {
    valid: { pairingId, kind: 'resource', title: '党建书籍 100 册' },
    invalid: { pairingId, kind: 'resource', title: '' },
    invalidPath: 'title',
    caller: LI,
  },
  'pairingItem.list': {
    valid: { pairingId, kind: 'need' },
    invalid: { pairingId, kind: 'wish' },
    invalidPath: 'kind',
    caller: WANG,
  },
  'pairingItem.match': {
    valid: { needId: DEMO_PAIRING.needs.open },
    invalid: { needId: '' },
    invalidPath: 'needId',
    caller: LI,
  },
  'pairingItem.meet': {
    valid: { needId: DEMO_PAIRING.needs.matched },
    invalid: { needId: 'bad id!' },
    invalidPath: 'needId',
    caller: ZHANG,
  },
  'liaison.assign': {
    valid: { pairingId, memberId: WANG, toOrgId: hongqi, role: 'partTimeSecretary', ...term },
    invalid: { pairingId, memberId: WANG, toOrgId: hongqi, role: 'mayor', ...term },
    invalidPath: 'role',
    caller: LI,
  },
  'liaison.end': {
    valid: { liaisonId: 'liaison-chen' },
    invalid: { liaisonId: '' },
    invalidPath: 'liaisonId',
    caller: ZHANG,
  },
  'liaison.list': { valid: { pairingId }, invalid: { pairingId, offset: -1 }, invalidPath: 'offset', caller: WANG },
  'ledger.create': {
    valid: { pairingId, title: '村小操场积水', ownerOrgId: finance, ownerName: '李明', deadline: '2026-12-31' },
    invalid: { pairingId, title: '村小操场积水', ownerOrgId: finance, ownerName: '李明', deadline: '2026-13-01' },
    invalidPath: 'deadline',
    caller: ZHANG,
  },
  'ledger.update': {
    valid: { itemId: DEMO_PAIRING.ledger.inProgress, measures: '对接机关食堂、工会和电商平台。' },
    invalid: { itemId: DEMO_PAIRING.ledger.inProgress, ownerName: '' },
    invalidPath: 'ownerName',
    caller: LI,
  },
  'ledger.progress': {
    valid: { itemId: DEMO_PAIRING.ledger.overdue, status: 'inProgress', note: '施工队已进场' },
    invalid: { itemId: DEMO_PAIRING.ledger.overdue, status: 'dropped' },
    invalidPath: 'note',
    caller: LI,
  },
  'ledger.get': {
    valid: { itemId: DEMO_PAIRING.ledger.overdue },
    invalid: { itemId: '' },
    invalidPath: 'itemId',
    caller: WANG,
  },
  'ledger.list': {
    valid: { pairingId, overdue: true },
    invalid: { pairingId, status: 'closed' },
    invalidPath: 'status',
    caller: WANG,
  },
  'figures.pairing': {
    valid: { pairingId, year: 2026 },
    invalid: { pairingId, year: 1999 },
    invalidPath: 'year',
    caller: WANG,
  },
  'figures.branch': { valid: { year: 2026 }, invalid: { year: '2026' }, invalidPath: 'year', caller: LI },
};
