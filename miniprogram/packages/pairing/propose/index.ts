/**
 * 发起联建 (secretary): name, form (1:1 pairing or alliance), partner organisation(s) from the
 * directory, term. The partners' secretaries then accept or refuse; the new pairing opens.
 */
import type { PairingKind } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { proposePairing } from '../../../services/pairings';
import { loadMe } from '../../../store/session';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors } from '../../../utils/field-errors';
import { PAIRING_KIND_LABELS } from '../../../utils/org-labels';
import { ROUTES, withQuery } from '../../../utils/routes';
import { pickerDateText, todayInShanghai } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';
import type { ChosenOrg } from '../../../components/org-picker/index';
import { FIELDS, localIssues, proposeErrors } from './propose-form';
import type { ProposeValues } from './propose-form';

const kindChips = (chosen: PairingKind) =>
  (['pairing', 'alliance'] as const).map((kind) => ({
    kind,
    label: PAIRING_KIND_LABELS[kind],
    className: kind === chosen ? 'chip chip--on' : 'chip',
  }));

const dateText = (date: string): string => pickerDateText(date);
const pickClass = (date: string): string => (date ? 'pick' : 'pick pick--empty');

const NEW: ProposeValues = { name: '', kind: 'pairing', partners: [], termStart: '', termEnd: '' };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    ownBranchId: '',
    values: NEW,
    kinds: kindChips('pairing'),
    startText: dateText(''),
    endText: dateText(''),
    startClass: pickClass(''),
    endClass: pickClass(''),
    today: '',
    /** The end can be picked from the start on (today until a start is chosen). */
    endMin: '',
    multiple: false,
    saving: false,
    ...formErrors(FIELDS),
  },

  onLoad() {
    const today = todayInShanghai();
    this.setData({ today, endMin: today });
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
      const { member } = await loadMe();
      this.setData({ status: 'ready', ownBranchId: member?.branch.id ?? '' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ 'values.name': e.detail.value, 'errors.name': '', 'statuses.name': 'default' });
  },
  onKind(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { kind: PairingKind }>) {
    const { kind } = e.currentTarget.dataset;
    this.setData({
      'values.kind': kind,
      kinds: kindChips(kind),
      multiple: kind === 'alliance',
      'errors.kind': '',
      'errors.partners': '',
    });
  },
  onPartners(e: WechatMiniprogram.CustomEvent<{ orgs: ChosenOrg[] }>) {
    this.setData({ 'values.partners': e.detail.orgs, 'errors.partners': '' });
  },
  onDate(
    e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'termStart' | 'termEnd' }>,
  ) {
    const { field } = e.currentTarget.dataset;
    const date = e.detail.value;
    const label =
      field === 'termStart'
        ? { startText: dateText(date), startClass: pickClass(date), endMin: date }
        : { endText: dateText(date), endClass: pickClass(date) };
    this.setData({ [`values.${field}`]: date, [`errors.${field}`]: '', ...label });
  },

  async onSubmit() {
    if (this.data.saving) return;
    const values = this.data.values;
    const issues = localIssues(values);
    if (Object.keys(issues).length > 0) {
      this.setData(formErrors(FIELDS, issues));
      return;
    }
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      const pairing = await proposePairing({
        name: values.name,
        kind: values.kind,
        partnerIds: values.partners.map((p) => p.id),
        termStart: values.termStart,
        termEnd: values.termEnd,
      });
      this.setData({ saving: false });
      void wx.showToast({ title: '已发出邀请', icon: 'success' });
      void wx.redirectTo({ url: withQuery(ROUTES.pairingDetail, { id: pairing.id }) });
    } catch (err) {
      this.setData({ saving: false, ...proposeErrors(err) });
    }
  },
});
