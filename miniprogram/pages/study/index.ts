/**
 * 学习: today's check-in (a plan item or free), the streak and minutes, and this month's plans of
 * the branch and its pairings with what the member has studied. Secretaries get their tools here.
 * No page counts points at a member or asks for a daily quota.
 */
import type { MemberProfile, StudyTodayView } from '../../../src/contract';
import { errorMessage } from '../../services/api';
import { getStudyToday } from '../../services/study';
import { currentMe, loadMe } from '../../store/session';
import { syncCareMode } from '../../utils/care-mode';
import { ROUTES, withQuery } from '../../utils/routes';
import { setChanged } from '../../utils/set-changed';
import { NOT_JOINED, type ViewStatus } from '../../utils/session-view';
import { planBlocks, todayCard } from './study-view';

const MANAGERS: readonly MemberProfile['role'][] = ['secretary', 'committeeMember'];

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    card: null as ReturnType<typeof todayCard> | null,
    plans: [] as ReturnType<typeof planBlocks>,
    manages: false,
    secretary: false,
  },
  view: null as StudyTodayView | null,

  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onPullDownRefresh() {
    void this.load().finally(() => wx.stopPullDownRefresh());
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },

  async load() {
    if (!currentMe() && !this.view) this.setData({ status: 'loading' });
    try {
      const me = await loadMe();
      if (!me.member) {
        this.setData(NOT_JOINED);
        return;
      }
      this.view = await getStudyToday();
      setChanged(this, {
        status: 'ready',
        card: todayCard(this.view),
        plans: planBlocks(this.view),
        manages: MANAGERS.includes(me.member.role),
        secretary: me.member.role === 'secretary',
      });
    } catch (err) {
      if (!this.view) this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },

  onCheckIn() {
    void wx.navigateTo({ url: ROUTES.studyCheckIn });
  },
  onItem(e: WechatMiniprogram.TouchEvent) {
    void wx.navigateTo({ url: withQuery(ROUTES.studyCheckIn, { itemId: String(e.currentTarget.dataset.id) }) });
  },
  onOpen(e: WechatMiniprogram.TouchEvent) {
    const route = ROUTES[e.currentTarget.dataset.route as keyof typeof ROUTES];
    if (route) void wx.navigateTo({ url: route });
  },
});
