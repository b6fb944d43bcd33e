/**
 * 难题共解台账: the pairing's shared problems, soonest deadline first, filtered by status, overdue
 * and the responsible side; a side's secretary or committee member adds one.
 */
import type { LedgerItemSummary, PairingDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listLedger } from '../../../services/ledger';
import type { LedgerFilter } from '../../../services/ledger';
import { getPairing } from '../../../services/pairings';
import { syncCareMode } from '../../../utils/care-mode';
import { PagedList } from '../../../utils/paged-list';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';
import { applyChip, ownerChips, statusChips } from './ledger-filters';
import { ledgerRow } from './ledger-row';
import type { LedgerRow } from './ledger-row';

const ALL: LedgerFilter = { status: null, overdue: false, orgId: null };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    statusChips: statusChips(ALL),
    ownerChips: [] as ReturnType<typeof ownerChips>,
    canCreate: false,
    items: [] as LedgerRow[],
    itemsFooter: PagedList.footer(false, 0),
  },
  pairingId: '',
  pairing: null as PairingDetail | null,
  filter: ALL,
  list: null as PagedList<LedgerItemSummary, LedgerRow> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.pairingId = query.pairingId ?? '';
  },
  /** Coming back from an item or the form: its new state shows. */
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

  async load() {
    try {
      const pairing = this.pairing ?? (await getPairing(this.pairingId));
      this.pairing = pairing;
      const filter = this.filter;
      this.list = new PagedList(this, 'items', (offset) => listLedger(this.pairingId, filter, offset), ledgerRow);
      const patch = await this.list.reload();
      if (!patch) return;
      const filtered = filter.status !== null || filter.overdue || filter.orgId !== null;
      this.setData({
        ...patch,
        status: (patch.items as LedgerRow[]).length > 0 ? 'ready' : 'empty',
        emptyText: filtered ? '没有符合条件的难题' : '台账中还没有难题',
        statusChips: statusChips(filter),
        ownerChips: ownerChips(filter, pairing.sides),
        canCreate: pairing.status === 'active' && pairing.canWriteFor.length > 0,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  onChip(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    this.filter = applyChip(this.filter, e.currentTarget.dataset.id);
    this.setData({
      status: 'loading',
      statusChips: statusChips(this.filter),
      ownerChips: ownerChips(this.filter, this.pairing?.sides ?? []),
    });
    void this.load();
  },
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.ledgerItem, { id: e.currentTarget.dataset.id }) });
  },
  onCreate() {
    void wx.navigateTo({ url: withQuery(ROUTES.ledgerEdit, { pairingId: this.pairingId }) });
  },
});
