/**
 * 我的联建: the pairings of the member's branch, filtered by status, a page at a time; a
 * secretary proposes a new one from here. Opened from 党委管理 with `?scope=committee`: the
 * pairings of the organisations under the caller's committee offices, with every side named.
 */
import type { PairingStatus, PairingSummary } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listCommitteePairings, listPairings } from '../../../services/pairings';
import { loadMe } from '../../../store/session';
import { syncCareMode } from '../../../utils/care-mode';
import { PagedList } from '../../../utils/paged-list';
import { ROUTES, withQuery } from '../../../utils/routes';
import { NOT_JOINED } from '../../../utils/session-view';
import type { ViewStatus } from '../../../utils/session-view';
import { pairingCard } from '../../../utils/pairing-card';
import type { PairingCard } from '../../../utils/pairing-card';

type Filter = PairingStatus | 'all';
const FILTERS: { filter: Filter; label: string }[] = [
  { filter: 'all', label: '全部' },
  { filter: 'proposed', label: '待确认' },
  { filter: 'active', label: '进行中' },
  { filter: 'ended', label: '已结束' },
];

const filterChips = (chosen: Filter) =>
  FILTERS.map((f) => ({ ...f, className: f.filter === chosen ? 'chip chip--on' : 'chip' }));

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    filters: filterChips('all'),
    pairings: [] as PairingCard[],
    pairingsFooter: PagedList.footer(false, 0),
    canPropose: false,
  },
  filter: 'all' as Filter,
  committee: false,
  list: null as PagedList<PairingSummary, PairingCard> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.committee = query.scope === 'committee';
    if (this.committee) void wx.setNavigationBarTitle({ title: '党委联建' });
  },
  /** Coming back after proposing or answering shows the list as it is now. */
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },
  onFilter(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { filter: Filter }>) {
    const { filter } = e.currentTarget.dataset;
    if (filter === this.filter) return;
    this.filter = filter;
    this.setData({ filters: filterChips(filter), status: 'loading' });
    void this.load();
  },
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.pairingDetail, { id: e.currentTarget.dataset.id }) });
  },
  onPropose() {
    void wx.navigateTo({ url: ROUTES.pairingPropose });
  },

  async load() {
    try {
      const { member } = await loadMe();
      if (!member) {
        this.setData({ ...NOT_JOINED, actionText: '' });
        return;
      }
      const status = this.filter === 'all' ? null : this.filter;
      const { committee } = this;
      const ownId = committee ? null : member.branch.id;
      this.list = new PagedList(
        this,
        'pairings',
        (offset) => (committee ? listCommitteePairings(status, offset) : listPairings(status, offset)),
        (p) => pairingCard(p, ownId),
      );
      const patch = await this.list.reload();
      if (!patch) return;
      const canPropose = !committee && member.role === 'secretary';
      const empty = (patch.pairings as PairingCard[]).length === 0;
      const noneText = committee ? '党委下属组织还没有联建' : '本支部还没有联建';
      this.setData({
        ...patch,
        canPropose,
        status: empty ? 'empty' : 'ready',
        emptyText: this.filter === 'all' ? noneText : '没有这种状态的联建',
        emptyHint: canPropose && this.filter === 'all' ? '与村、社区、企业或其他机关支部结对共建' : '',
        actionText: canPropose && this.filter === 'all' ? '发起联建' : '',
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
