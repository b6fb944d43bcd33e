/**
 * 转接组织关系: choose the target branch from the directory and give a reason; the request then
 * waits for this branch's secretary and the target's. Below, the member's requests and their state.
 */
import type { TransferView } from '../../../../src/contract';
import { requestTransfer, listMyTransfers } from '../../../services/membership';
import { loadMe } from '../../../store/session';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDate } from '../../../utils/date';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { TRANSFER_STATUS } from '../../../utils/org-labels';
import { PagedList } from '../../../utils/paged-list';
import { NOT_JOINED } from '../../../utils/session-view';
import type { ViewStatus } from '../../../utils/session-view';
import { errorMessage } from '../../../services/api';
import { toast } from '../../../utils/ask';
import type { ChosenOrg } from '../../../components/org-picker/index';

const FIELDS = ['target', 'reason'] as const;
const FIELD_OF = { toBranchId: 'target', reason: 'reason' } as const;

interface TransferRow {
  id: string;
  route: string;
  statusText: string;
  tagClass: string;
  meta: string;
}

function transferRow(transfer: TransferView): TransferRow {
  const status = TRANSFER_STATUS[transfer.status];
  const refused = transfer.refuseReason ? `；未同意原因：${transfer.refuseReason}` : '';
  return {
    id: transfer.id,
    route: `${transfer.from.name} → ${transfer.to.name}`,
    statusText: status.label,
    tagClass: status.tagClass,
    meta: `${formatDate(transfer.createdAt)} · ${transfer.reason}${refused}`,
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    ownBranchId: '',
    target: null as ChosenOrg | null,
    reason: '',
    submitting: false,
    ...formErrors(FIELDS),
    requests: [] as TransferRow[],
    requestsFooter: PagedList.footer(false, 0),
  },
  list: null as PagedList<TransferView, TransferRow> | null,

  onLoad() {
    this.list = new PagedList(this, 'requests', (offset) => listMyTransfers(offset), transferRow);
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onMore() {
    void this.list?.more();
  },

  async load() {
    try {
      const { member } = await loadMe();
      if (!member) {
        this.setData({ ...NOT_JOINED, actionText: '' });
        return;
      }
      const patch = await this.list?.reload();
      // The form is there even with no requests yet: the list below says so itself.
      if (patch) this.setData({ ...patch, ownBranchId: member.branch.id, status: 'ready' });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onTarget(e: WechatMiniprogram.CustomEvent<{ orgs: ChosenOrg[] }>) {
    this.setData({ target: e.detail.orgs[0] ?? null, 'errors.target': '', formError: '' });
  },
  onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ reason: e.detail.value, 'errors.reason': '', 'statuses.reason': 'default', formError: '' });
  },

  async onSubmit() {
    const { target, reason, submitting } = this.data;
    if (submitting) return;
    if (!target) {
      this.setData(formErrors(FIELDS, { target: '请选择转入的支部' }));
      return;
    }
    this.setData({ submitting: true, ...formErrors(FIELDS) });
    try {
      const transfer = await requestTransfer(target.id, reason);
      this.setData({ submitting: false, reason: '' });
      this.list?.prepend(transfer);
      toast('已提交申请');
    } catch (err) {
      this.setData({ submitting: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },
});
