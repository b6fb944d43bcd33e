/** Chinese labels of the organisation and pairing states, and the tag class each state wears. */
import type {
  InviteView,
  LedgerStatus,
  LiaisonRole,
  MembershipEventKind,
  OrganizationCategory,
  OrgView,
  PairingKind,
  PairingStatus,
  SideStatus,
  TransferStatus,
} from '../../src/contract';

/** Tag tones in styles/org.wxss: `tag--active` (red), `tag--done` (green), `tag--muted` (grey). */
type Tone = 'active' | 'done' | 'muted' | 'warn';
const tag = (tone: Tone): string => `tag tag--${tone}`;

export const PAIRING_KIND_LABELS: Record<PairingKind, string> = { pairing: '一对一结对', alliance: '党建联盟' };

export const PAIRING_STATUS: Record<PairingStatus, { label: string; tagClass: string }> = {
  proposed: { label: '待确认', tagClass: tag('warn') },
  active: { label: '进行中', tagClass: tag('active') },
  ended: { label: '已结束', tagClass: tag('muted') },
  refused: { label: '未达成', tagClass: tag('muted') },
};

export const SIDE_STATUS_LABELS: Record<SideStatus, string> = {
  proposer: '发起方',
  pending: '待确认',
  accepted: '已同意',
  refused: '已拒绝',
};

export const LEDGER_STATUS: Record<LedgerStatus, { label: string; tagClass: string }> = {
  open: { label: '待办理', tagClass: tag('warn') },
  inProgress: { label: '办理中', tagClass: tag('active') },
  resolved: { label: '已解决', tagClass: tag('done') },
  dropped: { label: '已放弃', tagClass: tag('muted') },
};

export const OVERDUE_TAG = { label: '已逾期', tagClass: 'tag tag--overdue' };

export const LIAISON_ROLE_LABELS: Record<LiaisonRole, string> = {
  partTimeSecretary: '兼职书记',
  invitedCommitteeMember: '特邀委员',
};

export const TRANSFER_STATUS: Record<TransferStatus, { label: string; tagClass: string }> = {
  awaitingSource: { label: '待转出支部同意', tagClass: tag('warn') },
  awaitingTarget: { label: '待转入支部同意', tagClass: tag('warn') },
  completed: { label: '已转接', tagClass: tag('done') },
  refused: { label: '未同意', tagClass: tag('muted') },
  cancelled: { label: '已撤回', tagClass: tag('muted') },
};

export const INVITE_STATE: Record<InviteView['state'], { label: string; tagClass: string }> = {
  usable: { label: '可使用', tagClass: tag('done') },
  expired: { label: '已过期', tagClass: tag('muted') },
  exhausted: { label: '次数已满', tagClass: tag('muted') },
  revoked: { label: '已停用', tagClass: tag('muted') },
};

export const MEMBERSHIP_EVENT_LABELS: Record<MembershipEventKind, string> = {
  joined: '加入支部',
  requested: '申请加入',
  approved: '入支获批',
  rejected: '入支未获批',
  removed: '被移出支部',
  left: '离开支部',
  roleChanged: '职务变更',
  transferredOut: '转出',
  transferredIn: '转入',
};

export const CATEGORY_LABELS: Record<OrganizationCategory, string> = {
  agency: '机关',
  enterprise: '企业',
  village: '村',
  community: '社区',
  school: '学校',
  other: '其他',
};

/** A partner organisation reads by what it is: 河西村党支部 is a 村党组织, not a 合作组织. */
const PARTNER_LABELS: Record<OrganizationCategory, string> = {
  agency: '机关党组织',
  enterprise: '企业党组织',
  village: '村党组织',
  community: '社区党组织',
  school: '学校党组织',
  other: '其他党组织',
};

/** The line under an organisation's name: `党支部 · 机关`, `村党组织`, `党委`. */
export function orgKindText(org: Pick<OrgView, 'kind' | 'category'>): string {
  if (org.kind === 'branch') return `党支部 · ${CATEGORY_LABELS[org.category]}`;
  if (org.kind === 'partner') return PARTNER_LABELS[org.category];
  return '党委';
}
