import { NOT_JOINED, showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { ROUTES } from '../../utils/routes';
import { syncCareMode } from '../../utils/care-mode';
import { setChanged } from '../../utils/set-changed';
import { currentMe } from '../../store/session';
import { listPairings } from '../../services/pairings';
import { errorMessage } from '../../services/api';
import { homeOverview, requestLeave } from '../../services/review';
import { toast } from '../../utils/ask';
import { withQuery } from '../../utils/routes';
import { nextEventView, tasksView } from './next-event';
import type { NextEventView } from './next-event';

/** Big labelled shortcuts to the other tabs: easier to find than the tab bar's small icons. */
const SHORTCUTS = [
  { url: ROUTES.events, icon: 'calendar', label: '活动报名', hint: '主题党日、联建活动' },
  { url: ROUTES.study, icon: 'book', label: '学习打卡', hint: '每日学习，坚持打卡' },
  { url: ROUTES.posts, icon: 'image', label: '活动风采', hint: '照片与心得' },
  { url: ROUTES.mine, icon: 'user', label: '我的支部', hint: '组织关系与设置' },
];

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    greeting: '',
    branchName: '',
    committeeName: '',
    shortcuts: SHORTCUTS,
    /** The branch is in at least one pairing: 我的联建 gets its own entry. */
    hasPairings: false,
    /** home.overview: 'loading' until it answers; its failure leaves the rest of the page usable. */
    overviewStatus: 'loading' as 'loading' | 'ready' | 'error',
    overviewError: '',
    next: null as NextEventView | null,
    tasks: [] as ReturnType<typeof tasksView>,
    /** Leaders and committee offices: entries to the review pages. */
    reviewLinks: [] as { id: string; label: string; url: string }[],
    leave: { visible: false, saving: false, error: '' },
  },
  /** The branch whose pairings were looked up: once per branch, not on every tab switch. */
  pairingsFor: '',
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    void this.load();
  },
  onShortcut(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.switchTab({ url: e.currentTarget.dataset.url });
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  onPairings() {
    void wx.navigateTo({ url: ROUTES.pairings });
  },
  async load() {
    await this.showMember();
    const me = currentMe();
    const branchId = me?.member?.branch.id;
    if (!branchId) return;
    this.setReviewLinks();
    await Promise.all([this.loadOverview(), branchId !== this.pairingsFor ? this.checkPairings(branchId) : null]);
  },
  async loadOverview() {
    try {
      const overview = await homeOverview();
      setChanged(this, {
        overviewStatus: 'ready',
        next: overview.next ? nextEventView(overview.next) : null,
        tasks: tasksView(overview),
      });
    } catch (err) {
      setChanged(this, { overviewStatus: 'error', overviewError: errorMessage(err) });
    }
  },
  setReviewLinks() {
    const me = currentMe();
    const member = me?.member;
    if (!member) return;
    const links: { id: string; label: string; url: string }[] = [
      { id: 'records', label: '我的记录', url: ROUTES.myRecords },
    ];
    if (member.role !== 'member') {
      links.push({ id: 'cadence', label: '三会一课', url: ROUTES.cadence });
      links.push({ id: 'review', label: '述职评议', url: ROUTES.reviewDashboard });
      links.push({ id: 'contact', label: '我的联系点', url: ROUTES.contactPoints });
    }
    for (const office of me?.offices ?? []) {
      links.push({
        id: `cadence-${office.id}`,
        label: '各支部三会一课',
        url: withQuery(ROUTES.cadence, { committeeId: office.id }),
      });
      links.push({
        id: `review-${office.id}`,
        label: '党委评议看板',
        url: withQuery(ROUTES.reviewDashboard, { kind: 'committee', id: office.id }),
      });
      links.push({
        id: `contact-${office.id}`,
        label: '联系点履职',
        url: withQuery(ROUTES.contactPoints, { committeeId: office.id }),
      });
    }
    setChanged(this, { reviewLinks: links });
  },
  onNextEvent() {
    const next = this.data.next;
    if (next) void wx.navigateTo({ url: withQuery(ROUTES.eventDetail, { id: next.id }) });
  },
  onCheckIn() {
    const next = this.data.next;
    if (next) void wx.navigateTo({ url: withQuery(ROUTES.checkIn, { eventId: next.id }) });
  },
  onAskLeave() {
    this.setData({ leave: { visible: true, saving: false, error: '' } });
  },
  onLeaveCancel() {
    this.setData({ 'leave.visible': false });
  },
  async onLeaveConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const next = this.data.next;
    if (!next) return;
    this.setData({ 'leave.saving': true, 'leave.error': '' });
    try {
      await requestLeave(next.id, e.detail.reason);
      this.setData({ leave: { visible: false, saving: false, error: '' } });
      toast('已请假');
      void this.loadOverview();
    } catch (err) {
      this.setData({ 'leave.saving': false, 'leave.error': errorMessage(err) });
    }
  },
  onTask(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.url });
  },
  async checkPairings(branchId: string) {
    this.pairingsFor = branchId;
    try {
      const { items } = await listPairings(null, 0, 1);
      setChanged(this, { hasPairings: items.length > 0 });
    } catch {
      // Only an extra entry: without it 我的 still leads to the pairings. The next show retries.
      this.pairingsFor = '';
    }
  },
  showMember() {
    return showSession(this, (member) =>
      member
        ? {
            status: 'ready',
            greeting: `你好，${member.name}`,
            branchName: member.branch.name,
            committeeName: member.branch.committeeName,
          }
        : NOT_JOINED,
    );
  },
});
