/**
 * 转接审批 (secretary): transfer requests waiting for this branch's consent, newest first. The
 * source branch decides first, then the target; 不同意 asks for a reason the member will read.
 */
import type { TransferView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { decideTransfer, listTransfersAwaitingMe } from '../../../services/branch';
import { confirmAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDate } from '../../../utils/date';
import { TRANSFER_STATUS } from '../../../utils/org-labels';
import { PagedList, showFirstPage } from '../../../utils/paged-list';
import type { ViewStatus } from '../../../utils/session-view';

interface TransferItem {
  id: string;
  name: string;
  route: string;
  meta: string;
  statusText: string;
  tagClass: string;
  canDecide: boolean;
}

function transferItem(transfer: TransferView): TransferItem {
  const status = TRANSFER_STATUS[transfer.status];
  return {
    id: transfer.id,
    name: transfer.memberName,
    route: `${transfer.from.name} → ${transfer.to.name}`,
    meta: `${formatDate(transfer.createdAt)} · 原因：${transfer.reason}`,
    statusText: status.label,
    tagClass: status.tagClass,
    canDecide: transfer.canDecide,
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    transfers: [] as TransferItem[],
    transfersFooter: PagedList.footer(false, 0),
    actionError: '',
    refuseVisible: false,
    refusing: false,
    refuseError: '',
  },
  list: null as PagedList<TransferView, TransferItem> | null,
  refuseIndex: -1,

  onLoad() {
    this.list = new PagedList(this, 'transfers', (offset) => listTransfersAwaitingMe(offset), transferItem);
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
  load() {
    return this.list ? showFirstPage(this, this.list) : Promise.resolve();
  },

  async onApprove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const transfer = this.list?.loaded[index];
    if (!transfer) return;
    const ok = await confirmAction('同意转接', `同意${transfer.memberName}转接到${transfer.to.name}？`, '同意转接');
    if (!ok) return;
    this.setData({ actionError: '' });
    try {
      this.list?.replace(index, await decideTransfer(transfer.id, true));
      toast('已同意');
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },
  onRefuse(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    this.refuseIndex = e.currentTarget.dataset.index;
    this.setData({ refuseVisible: true, refuseError: '', actionError: '' });
  },
  onRefuseCancel() {
    this.setData({ refuseVisible: false });
  },
  async onRefuseConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const transfer = this.list?.loaded[this.refuseIndex];
    if (!transfer) return;
    this.setData({ refusing: true, refuseError: '' });
    try {
      const decided = await decideTransfer(transfer.id, false, e.detail.reason);
      this.setData({ refusing: false, refuseVisible: false });
      this.list?.replace(this.refuseIndex, decided);
      toast('已处理');
    } catch (err) {
      this.setData({ refusing: false, refuseError: errorMessage(err) });
    }
  },
});
