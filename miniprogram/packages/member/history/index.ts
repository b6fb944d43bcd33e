/** 组织关系记录: the member's own joins, role changes, transfers and departures, newest first. */
import type { MembershipEventView } from '../../../../src/contract';
import { membershipHistory } from '../../../services/membership';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDate } from '../../../utils/date';
import { MEMBERSHIP_EVENT_LABELS } from '../../../utils/org-labels';
import { PagedList, showFirstPage } from '../../../utils/paged-list';
import { roleLabel } from '../../../utils/role-label';
import type { ViewStatus } from '../../../utils/session-view';

interface HistoryRow {
  key: string;
  title: string;
  branchName: string;
  /** Its own unbroken piece of the line (`.nowrap`). */
  dateText: string;
  detail: string;
}

function historyRow(event: MembershipEventView): HistoryRow {
  const role = event.kind === 'roleChanged' && event.role ? `任${roleLabel(event.role)}` : '';
  const by = event.byName && !event.bySelf ? `经办：${event.byName}` : '';
  const reason = event.reason ? `原因：${event.reason}` : '';
  return {
    key: `${event.at}-${event.kind}-${event.branchId}`,
    title: [MEMBERSHIP_EVENT_LABELS[event.kind], role].filter(Boolean).join(' · '),
    branchName: event.branchName,
    dateText: formatDate(event.at),
    detail: [by, reason].filter(Boolean).join('；'),
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    events: [] as HistoryRow[],
    eventsFooter: PagedList.footer(false, 0),
  },
  list: null as PagedList<MembershipEventView, HistoryRow> | null,

  onLoad() {
    this.list = new PagedList(this, 'events', (offset) => membershipHistory(offset), historyRow);
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onReachBottom() {
    void this.list?.more();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  load() {
    return this.list ? showFirstPage(this, this.list) : Promise.resolve();
  },
});
