/**
 * Add a shared problem to the ledger, or edit one: what it is, the responsible side and person,
 * the measures and the deadline. The server's field messages appear on the fields.
 */
import type { PairingDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { createLedgerItem, getLedgerItem, updateLedgerItem } from '../../../services/ledger';
import { getPairing } from '../../../services/pairings';
import { toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { ROUTES, withQuery } from '../../../utils/routes';
import { formatDay } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';
import { FIELD_OF, FIELDS, localIssues, NEW_ITEM, valuesOf } from './ledger-form';
import type { LedgerValues } from './ledger-form';

interface SideChip {
  orgId: string;
  name: string;
  className: string;
}

const sideChips = (pairing: PairingDetail, chosen: string, only?: readonly string[]): SideChip[] =>
  pairing.sides
    .filter((s) => !only || only.includes(s.orgId))
    .map((s) => ({ orgId: s.orgId, name: s.name, className: s.orgId === chosen ? 'chip chip--on' : 'chip' }));

const dateText = (date: string): string => (date ? formatDay(date) : '请选择');

type TextField = 'title' | 'description' | 'ownerName' | 'measures';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    values: NEW_ITEM,
    owners: [] as SideChip[],
    raisers: [] as SideChip[],
    deadlineText: dateText(''),
    saving: false,
    submitText: '保存',
    ...formErrors(FIELDS),
  },
  itemId: '',
  pairingId: '',
  pairing: null as PairingDetail | null,
  raisedBy: '',

  onLoad(query: Record<string, string | undefined>) {
    this.itemId = query.id ?? '';
    this.pairingId = query.pairingId ?? '';
    if (this.itemId) wx.setNavigationBarTitle({ title: '编辑难题' });
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },

  async load() {
    try {
      const item = this.itemId ? await getLedgerItem(this.itemId) : null;
      if (item) this.pairingId = item.pairingId;
      const pairing = await getPairing(this.pairingId);
      this.pairing = pairing;
      const values = item ? valuesOf(item) : NEW_ITEM;
      this.raisedBy = pairing.canWriteFor[0] ?? '';
      this.setData({
        status: 'ready',
        values,
        owners: sideChips(pairing, values.ownerOrgId),
        // Who raises it: asked only of someone writing for several sides, and only when adding.
        raisers: !item && pairing.canWriteFor.length > 1 ? sideChips(pairing, this.raisedBy, pairing.canWriteFor) : [],
        deadlineText: dateText(values.deadline),
        submitText: item ? '保存修改' : '加入台账',
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onText(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
    const { field } = e.currentTarget.dataset;
    this.setData({ [`values.${field}`]: e.detail.value, [`errors.${field}`]: '', [`statuses.${field}`]: 'default' });
  },
  onOwner(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { org: string }>) {
    const { org } = e.currentTarget.dataset;
    if (!this.pairing) return;
    this.setData({ 'values.ownerOrgId': org, owners: sideChips(this.pairing, org), 'errors.owner': '' });
  },
  onRaiser(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { org: string }>) {
    if (!this.pairing) return;
    this.raisedBy = e.currentTarget.dataset.org;
    this.setData({ raisers: sideChips(this.pairing, this.raisedBy, this.pairing.canWriteFor), 'errors.raisedBy': '' });
  },
  onDeadline(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ 'values.deadline': e.detail.value, deadlineText: dateText(e.detail.value), 'errors.deadline': '' });
  },

  async onSubmit() {
    if (this.data.saving) return;
    const values: LedgerValues = this.data.values;
    const issues = localIssues(values);
    if (Object.keys(issues).length > 0) {
      this.setData(formErrors(FIELDS, issues));
      return;
    }
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      if (this.itemId) {
        await updateLedgerItem({ itemId: this.itemId, ...values });
        this.setData({ saving: false });
        toast('已保存');
        void wx.navigateBack();
        return;
      }
      const raised = this.data.raisers.length > 0 ? { raisedByOrgId: this.raisedBy } : {};
      const item = await createLedgerItem({ pairingId: this.pairingId, ...raised, ...values });
      this.setData({ saving: false });
      toast('已加入台账');
      void wx.redirectTo({ url: withQuery(ROUTES.ledgerItem, { id: item.id }) });
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },
});
