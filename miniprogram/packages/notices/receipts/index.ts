/** 已读统计: for the author, read / members per branch of the audience and who has not read it yet. */
import type { NoticeReceipts } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { noticeReceipts } from '../../../services/notices';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';

interface BranchRow {
  branchId: string;
  name: string;
  counts: string;
  className: string;
}

function rows(receipts: NoticeReceipts): BranchRow[] {
  return receipts.branches.map((b) => ({
    branchId: b.branchId,
    name: b.branchName,
    counts: `已读 ${b.read} / ${b.members} 人`,
    className:
      b.branchId === receipts.unread.branchId ? 'row receipts__branch receipts__branch--on' : 'row receipts__branch',
  }));
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    total: '',
    branches: [] as BranchRow[],
    unreadBranch: '',
    unreadText: '',
  },
  noticeId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.noticeId = query.id ?? '';
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onBranch(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void this.load(e.currentTarget.dataset.id);
  },
  async load(branchId?: string) {
    try {
      const receipts = await noticeReceipts(this.noticeId, branchId);
      const read = receipts.branches.reduce((sum, b) => sum + b.read, 0);
      const members = receipts.branches.reduce((sum, b) => sum + b.members, 0);
      const branch = receipts.branches.find((b) => b.branchId === receipts.unread.branchId);
      this.setData({
        status: 'ready',
        total: `共 ${members} 人，已读 ${read} 人，未读 ${members - read} 人`,
        branches: rows(receipts),
        unreadBranch: branch?.branchName ?? '',
        unreadText: receipts.unread.names.length > 0 ? receipts.unread.names.join('、') : '全部已读',
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
