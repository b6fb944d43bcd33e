/**
 * 联建协议 (a side's lead): goals, contacts per side, term, signed date and attachments. Files
 * are uploaded to cloud storage first (cloud mode only: the local cloud has no upload route);
 * the server's field messages appear on the fields.
 */
import type { PairingDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { canUpload, chooseFiles, uploadAgreementFile } from '../../../services/files';
import { getPairing, setAgreement } from '../../../services/pairings';
import { toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors } from '../../../utils/field-errors';
import { formatDay, pickerDateText } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';
import { agreementErrors, FIELDS, inputOf, newKey, valuesOf } from './agreement-form';
import type { AgreementValues, ContactRow } from './agreement-form';

const MAX_CONTACTS = 20;
const MAX_FILES = 9;
const dateText = (date: string): string => (date ? formatDay(date) : '未签订');

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    values: null as AgreementValues | null,
    sideNames: [] as string[],
    startText: '',
    endText: '',
    signedText: '',
    uploadable: canUpload(),
    uploading: false,
    saving: false,
    ...formErrors(FIELDS),
  },
  pairing: null as PairingDetail | null,

  onLoad(query: Record<string, string | undefined>) {
    void this.load(query.pairingId ?? '');
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load(this.pairing?.id ?? '');
  },
  async load(pairingId: string) {
    try {
      const pairing = await getPairing(pairingId);
      this.pairing = pairing;
      const values = valuesOf(pairing);
      this.setData({
        status: 'ready',
        values,
        sideNames: pairing.sides.map((s) => s.name),
        startText: pickerDateText(values.termStart),
        endText: pickerDateText(values.termEnd),
        signedText: dateText(values.signedOn),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onGoals(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ 'values.goals': e.detail.value, 'errors.goals': '' });
  },
  onDate(
    e: WechatMiniprogram.CustomEvent<
      { value: string },
      Record<string, never>,
      { field: 'termStart' | 'termEnd' | 'signedOn' }
    >,
  ) {
    const { field } = e.currentTarget.dataset;
    const date = e.detail.value;
    const textKey = { termStart: 'startText', termEnd: 'endText', signedOn: 'signedText' }[field];
    this.setData({
      [`values.${field}`]: date,
      [textKey]: field === 'signedOn' ? dateText(date) : pickerDateText(date),
      [`errors.${field}`]: '',
    });
  },
  onClearSigned() {
    this.setData({ 'values.signedOn': '', signedText: dateText('') });
  },

  onAddContact() {
    const contacts = this.data.values?.contacts ?? [];
    if (contacts.length >= MAX_CONTACTS) return;
    const row: ContactRow = { key: newKey(), orgIndex: 0, orgName: this.data.sideNames[0] ?? '', name: '', phone: '' };
    this.setData({ [`values.contacts[${contacts.length}]`]: row, 'errors.contacts': '' });
  },
  onRemoveContact(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const contacts = (this.data.values?.contacts ?? []).filter((_, i) => i !== e.currentTarget.dataset.index);
    this.setData({ 'values.contacts': contacts });
  },
  onContactOrg(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
    const orgIndex = Number(e.detail.value);
    const { index } = e.currentTarget.dataset;
    this.setData({
      [`values.contacts[${index}].orgIndex`]: orgIndex,
      [`values.contacts[${index}].orgName`]: this.data.sideNames[orgIndex] ?? '',
    });
  },
  onContactText(
    e: WechatMiniprogram.CustomEvent<
      { value: string },
      Record<string, never>,
      { index: number; field: 'name' | 'phone' }
    >,
  ) {
    const { index, field } = e.currentTarget.dataset;
    this.setData({ [`values.contacts[${index}].${field}`]: e.detail.value, 'errors.contacts': '' });
  },

  async onUpload() {
    const values = this.data.values;
    const pairing = this.pairing;
    if (!values || !pairing || this.data.uploading) return;
    const room = MAX_FILES - values.attachments.length;
    if (room <= 0) return;
    const files = await chooseFiles(room);
    if (files.length === 0) return;
    this.setData({ uploading: true, 'errors.attachments': '' });
    try {
      const uploaded = [];
      for (const file of files)
        uploaded.push({
          fileID: await uploadAgreementFile(file.path, file.name),
          name: file.name.slice(0, 60),
        });
      this.setData({ uploading: false, 'values.attachments': [...values.attachments, ...uploaded] });
    } catch {
      this.setData({ uploading: false, 'errors.attachments': '上传失败，请检查网络后重试' });
    }
  },
  onRemoveFile(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const attachments = (this.data.values?.attachments ?? []).filter((_, i) => i !== e.currentTarget.dataset.index);
    this.setData({ 'values.attachments': attachments });
  },

  async onSubmit() {
    const { values, saving } = this.data;
    if (!values || !this.pairing || saving) return;
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      await setAgreement(inputOf(this.pairing, values));
      this.setData({ saving: false });
      toast('已保存');
      void wx.navigateBack();
    } catch (err) {
      this.setData({ saving: false, ...agreementErrors(err) });
    }
  },
});
