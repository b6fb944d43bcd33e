/**
 * 活动: the events addressed to the member's branch, upcoming first (soonest on top) or 往期,
 * optionally only one pairing's (the chip row shows when the branch has active pairings), a page
 * at a time with the server's cursor; more load as the person reaches the bottom.
 * Pages after the first are appended by path (`items[10]`…), so setData carries only new cards.
 */
import type { MemberProfile, PairingSummary } from '../../../src/contract';
import { errorMessage } from '../../services/api';
import { listEvents } from '../../services/events';
import type { EventListQuery } from '../../services/events';
import { listPairings } from '../../services/pairings';
import { currentMe, loadMe } from '../../store/session';
import { takeEventsStale } from '../../store/events-stale';
import { NOT_JOINED } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { eventCard } from '../../utils/event-view';
import type { EventCard } from '../../utils/event-view';
import { ROUTES, withQuery } from '../../utils/routes';
import { syncCareMode } from '../../utils/care-mode';
import { pairingChips } from './pairing-chips';
import type { PairingChip } from './pairing-chips';

type Scope = EventListQuery['scope'];

const EMPTY: Record<NonNullable<Scope>, { emptyText: string; emptyHint: string }> = {
  upcoming: { emptyText: '暂无活动', emptyHint: '支部发布主题党日等活动后会显示在这里，可直接报名' },
  past: { emptyText: '暂无往期活动', emptyHint: '结束的活动会留在这里，方便回看' },
};

const SCOPE_LABELS: Record<NonNullable<Scope>, string> = { upcoming: '即将开始', past: '往期' };

/** The two tabs of the scope switch, the chosen one marked. */
function scopeTabs(chosen: NonNullable<Scope>) {
  return (['upcoming', 'past'] as const).map((scope) => ({
    scope,
    label: SCOPE_LABELS[scope],
    className: scope === chosen ? 'events__scope events__scope--on' : 'events__scope',
  }));
}

/** Said instead of the scope's hint when one pairing is chosen. */
const PAIRING_EMPTY_HINT = '选择“全部”可查看支部的所有活动';

const ORGANISER_ROLES: readonly MemberProfile['role'][] = ['committeeMember', 'secretary'];

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    scope: 'upcoming' as NonNullable<Scope>,
    scopes: scopeTabs('upcoming'),
    /** The chosen pairing's id, `''` for all; kept when the scope switches. */
    pairingId: '',
    pairingChips: [] as PairingChip[],
    /** The scope switch and the calendar are for members; a newcomer sees only the call to join. */
    joined: false,
    canCreate: false,
    items: [] as EventCard[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    /** Shown under the last card once every page is loaded. */
    endText: '',
  },
  /** Whether the list is on screen; after that, showing the tab again reloads only when stale. */
  loaded: false,
  /** Bumped by each load: a newer load makes an older answer irrelevant. */
  generation: 0,
  /** The branch's active pairings behind the chips. */
  pairings: [] as PairingSummary[],

  onShow() {
    syncCareMode(this);
    const joined = Boolean(currentMe()?.member);
    if (takeEventsStale() || !this.loaded || !joined) void this.load();
  },
  onPullDownRefresh() {
    void this.load().then(() => wx.stopPullDownRefresh());
  },
  onReachBottom() {
    void this.loadMore();
  },
  onRetry() {
    void this.load();
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  onScope(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { scope: Scope }>) {
    const { scope } = e.currentTarget.dataset;
    if (!scope || scope === this.data.scope) return;
    this.setData({ scope, scopes: scopeTabs(scope), status: 'loading' });
    void this.load(false);
  },
  onPairing(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { pairing: string }>) {
    const { pairing } = e.currentTarget.dataset;
    if (pairing === this.data.pairingId) return;
    this.setData({ pairingId: pairing, pairingChips: pairingChips(this.pairings, pairing), status: 'loading' });
    void this.load(false);
  },
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.eventDetail, { id: e.currentTarget.dataset.id }) });
  },
  onCreate() {
    void wx.navigateTo({ url: ROUTES.eventEdit });
  },
  onCalendar() {
    void wx.navigateTo({ url: ROUTES.themeDays });
  },

  /** What the list is narrowed to now. */
  listQuery(): EventListQuery {
    const { scope, pairingId } = this.data;
    return pairingId ? { scope, pairingId } : { scope };
  },

  /**
   * The branch's active pairings for the chips. One page is plenty (a branch is in a handful);
   * if it fails the chips stay as they were, since the list itself does not depend on them.
   */
  async activePairings(): Promise<PairingSummary[]> {
    try {
      return (await listPairings('active', 0)).items;
    } catch {
      return this.pairings;
    }
  },

  /**
   * The first page of the current scope and pairing, replacing what is shown (so paging starts
   * again); with `withPairings` the chips are fetched again too (showing the tab, pulling down).
   */
  async load(withPairings = true) {
    this.generation += 1;
    const { generation } = this;
    if (!this.loaded) this.setData({ status: 'loading' });
    try {
      const { member } = await loadMe();
      if (!member) {
        this.loaded = true;
        this.pairings = [];
        this.setData({ ...NOT_JOINED, joined: false, canCreate: false, pairingId: '', pairingChips: [] });
        return;
      }
      const query = this.listQuery();
      const [page, pairings] = await Promise.all([
        listEvents(query, null),
        withPairings ? this.activePairings() : Promise.resolve(this.pairings),
      ]);
      if (generation !== this.generation) return;
      this.pairings = pairings;
      if (query.pairingId && !pairings.some((pairing) => pairing.id === query.pairingId)) {
        // The chosen pairing has ended meanwhile: back to all events.
        this.setData({ pairingId: '', pairingChips: pairingChips(pairings, '') });
        await this.load(false);
        return;
      }
      this.loaded = true;
      const items = page.items.map((event) => eventCard(event));
      const empty = EMPTY[this.data.scope];
      this.setData({
        status: items.length > 0 ? 'ready' : 'empty',
        ...empty,
        emptyHint: query.pairingId ? PAIRING_EMPTY_HINT : empty.emptyHint,
        actionText: '',
        pairingChips: pairingChips(pairings, query.pairingId ?? ''),
        joined: true,
        canCreate: ORGANISER_ROLES.includes(member.role),
        items,
        nextCursor: page.nextCursor,
        moreError: '',
        endText: page.nextCursor ? '' : '没有更多了',
      });
    } catch (err) {
      if (generation !== this.generation) return;
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },

  async loadMore() {
    const { nextCursor, loadingMore, items } = this.data;
    if (!nextCursor || loadingMore || this.data.status !== 'ready') return;
    const { generation } = this;
    this.setData({ loadingMore: true, moreError: '' });
    try {
      const page = await listEvents(this.listQuery(), nextCursor);
      if (generation !== this.generation) return;
      const appended: Record<string, unknown> = {};
      page.items.forEach((event, i) => {
        appended[`items[${items.length + i}]`] = eventCard(event);
      });
      this.setData({
        ...appended,
        nextCursor: page.nextCursor,
        loadingMore: false,
        endText: page.nextCursor ? '' : '没有更多了',
      });
    } catch (err) {
      if (generation !== this.generation) return;
      this.setData({ loadingMore: false, moreError: `${errorMessage(err)}，点此重试` });
    }
  },
});
