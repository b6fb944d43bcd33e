/**
 * 兼职书记与特邀委员: members placed into a partner organisation. A side's lead assigns one of
 * the branch's members (term and role) and ends a placement.
 */
import type { LiaisonRole, LiaisonView, MemberRow, PairingDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listMembers } from '../../../services/branch';
import { assignLiaison, endLiaison, getPairing, listLiaisons } from '../../../services/pairings';
import { loadMe } from '../../../store/session';
import { confirmAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { LIAISON_ROLE_LABELS } from '../../../utils/org-labels';
import { PagedList } from '../../../utils/paged-list';
import { pickerDateText } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';
import { liaisonRow } from './liaison-row';
import type { LiaisonRow } from './liaison-row';

const FIELDS = ['member', 'toOrg', 'role', 'termStart', 'termEnd'] as const;
const FIELD_OF = {
  memberId: 'member',
  toOrgId: 'toOrg',
  role: 'role',
  termStart: 'termStart',
  termEnd: 'termEnd',
} as const;

interface Chip {
  id: string;
  label: string;
  className: string;
}

const chip = (id: string, label: string, chosen: string): Chip => ({
  id,
  label,
  className: id === chosen ? 'chip chip--on' : 'chip',
});
const roleChips = (chosen: string): Chip[] =>
  (Object.keys(LIAISON_ROLE_LABELS) as LiaisonRole[]).map((role) => chip(role, LIAISON_ROLE_LABELS[role], chosen));
const dateText = (date: string): string => pickerDateText(date);

const NO_DRAFT = { memberId: '', toOrgId: '', role: 'partTimeSecretary' as LiaisonRole, termStart: '', termEnd: '' };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    canAssign: false,
    assigning: false,
    saving: false,
    draft: NO_DRAFT,
    members: [] as Chip[],
    membersFooter: PagedList.footer(false, 0),
    orgs: [] as Chip[],
    roles: roleChips(NO_DRAFT.role),
    startText: dateText(''),
    endText: dateText(''),
    ...formErrors(FIELDS),
    actionError: '',
    liaisons: [] as LiaisonRow[],
    liaisonsFooter: PagedList.footer(false, 0),
  },
  pairingId: '',
  pairing: null as PairingDetail | null,
  ownBranchId: '',
  list: null as PagedList<LiaisonView, LiaisonRow> | null,
  members: null as PagedList<MemberRow, Chip> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.pairingId = query.pairingId ?? '';
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },

  async load() {
    try {
      const [pairing, me] = await Promise.all([getPairing(this.pairingId), loadMe()]);
      this.pairing = pairing;
      this.ownBranchId = me.member?.branch.id ?? '';
      const leads = pairing.canManageFor;
      this.list = new PagedList(
        this,
        'liaisons',
        (offset) => listLiaisons(this.pairingId, offset),
        (l) => liaisonRow(l, leads),
      );
      const patch = await this.list.reload();
      if (!patch) return;
      const canAssign = pairing.status === 'active' && leads.includes(this.ownBranchId);
      const empty = (patch.liaisons as LiaisonRow[]).length === 0;
      this.setData({ ...patch, canAssign, status: empty && !canAssign ? 'empty' : 'ready' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  async onStartAssign() {
    const pairing = this.pairing;
    if (!pairing) return;
    const draft = { ...NO_DRAFT, termStart: pairing.termStart, termEnd: pairing.termEnd };
    this.members = new PagedList(
      this,
      'members',
      (offset) => listMembers(null, 'active', offset),
      (m) => chip(m.id, m.name, this.data.draft.memberId),
    );
    const partners = pairing.sides.filter((s) => s.orgId !== this.ownBranchId);
    if (partners.length === 1) draft.toOrgId = partners[0]?.orgId ?? '';
    this.setData({
      assigning: true,
      draft,
      orgs: partners.map((s) => chip(s.orgId, s.name, draft.toOrgId)),
      roles: roleChips(draft.role),
      startText: dateText(draft.termStart),
      endText: dateText(draft.termEnd),
      ...formErrors(FIELDS),
    });
    try {
      const patch = await this.members.reload();
      if (patch) this.setData(patch);
    } catch (err) {
      this.setData({ 'errors.member': errorMessage(err) });
    }
  },
  onCancelAssign() {
    this.setData({ assigning: false });
  },
  onMoreMembers() {
    void this.members?.more();
  },
  onChoose(
    e: WechatMiniprogram.TouchEvent<
      Record<string, never>,
      Record<string, never>,
      { field: 'memberId' | 'toOrgId' | 'role'; id: string }
    >,
  ) {
    const { field, id } = e.currentTarget.dataset;
    const errorKey = { memberId: 'member', toOrgId: 'toOrg', role: 'role' }[field];
    const rechip = (chips: Chip[]) => chips.map((c) => chip(c.id, c.label, id));
    const listKey = { memberId: 'members', toOrgId: 'orgs', role: 'roles' }[field] as 'members' | 'orgs' | 'roles';
    this.setData({ [`draft.${field}`]: id, [listKey]: rechip(this.data[listKey]), [`errors.${errorKey}`]: '' });
  },
  onDate(
    e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'termStart' | 'termEnd' }>,
  ) {
    const { field } = e.currentTarget.dataset;
    const textKey = field === 'termStart' ? 'startText' : 'endText';
    this.setData({ [`draft.${field}`]: e.detail.value, [textKey]: dateText(e.detail.value), [`errors.${field}`]: '' });
  },

  async onSave() {
    const { draft, saving } = this.data;
    if (saving) return;
    if (!draft.memberId) {
      this.setData(formErrors(FIELDS, { member: '请选择党员' }));
      return;
    }
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      const liaison = await assignLiaison({ pairingId: this.pairingId, ...draft });
      this.setData({ saving: false, assigning: false });
      this.list?.prepend(liaison);
      toast('已选派');
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },

  async onEnd(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const liaison = this.list?.loaded[index];
    if (!liaison) return;
    if (
      !(await confirmAction(
        '结束任职',
        `${liaison.memberName}将不再担任${LIAISON_ROLE_LABELS[liaison.role]}。`,
        '结束任职',
        '暂不结束',
      ))
    )
      return;
    this.setData({ actionError: '' });
    try {
      this.list?.replace(index, await endLiaison(liaison.id));
      toast('已结束');
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },
});
