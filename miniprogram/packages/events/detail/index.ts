/**
 * An event: when and where, a countdown, the state-aware sign-up button, 扫码签到 while check-in is
 * open, who is coming by branch, and for its managers the way to the live screen, the printed
 * check-in code, attendance, editing, publishing and cancelling (with a reason).
 */
import type { EventDetail, MemberRole, SubscriptionView } from '../../../../src/contract';
import { CARD_KINDS, contentKey } from '../../../components/share-card/card-content';
import { shareMessage } from '../../../components/share-card/share-image';
import { isLocalMode } from '../../../config/mode';
import { enterFromGroup, mySubscriptions } from '../../../services/reminders';
import { askForReminders, outcomeToast, refreshSubscriptionSettings } from '../../../utils/subscribe';
import { remindView } from './remind-view';
import { errorMessage } from '../../../services/api';
import { printCheckInCode } from '../../../services/check-in';
import { cancelEvent, cancelRegistration, getEvent, publishEvent, signUp } from '../../../services/events';
import { requestLeave, withdrawLeave } from '../../../services/review';
import { markEventsStale } from '../../../store/events-stale';
import { loadMe } from '../../../store/session';
import { syncCareMode } from '../../../utils/care-mode';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { detailView } from './detail-view';
import type { DetailView } from './detail-view';
import type { SignUpTap } from './sign-up-action';

/** The countdown reads in minutes: a tick every 30 s keeps it right without busy updates. */
const TICK_MS = 30 * 1000;

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    busy: false,
    cancelVisible: false,
    cancelError: '',
    remind: null as { on: boolean } | null,
    leaveDialog: { visible: false, saving: false, error: '' },
  },
  eventId: '',
  /** What was last rendered: the handlers act on what the person saw. */
  view: null as DetailView | null,
  event: null as EventDetail | null,
  role: null as MemberRole | null,
  timer: null as number | null,
  subscriptions: null as SubscriptionView | null,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.id ?? '';
    this.attributeGroup(query);
  },
  onShow() {
    syncCareMode(this);
    refreshSubscriptionSettings();
    void this.load();
    this.startTimer();
  },
  /**
   * Opened from a group chat's card: the chat's CloudID goes to the api, which counts a later
   * sign-up for that group. Locally, `localGroup=<chat name>` in the query stands for the chat.
   */
  attributeGroup(query: Record<string, string | undefined>) {
    const report = (cloudID: string) => void enterFromGroup(this.eventId, cloudID).catch(() => undefined);
    if (isLocalMode()) {
      if (query.localGroup) report(`local-group.${query.localGroup}.${Date.now() + 5 * 60_000}`);
      return;
    }
    const options = wx.getEnterOptionsSync?.();
    if (!options?.shareTicket && options?.scene !== 1008) return;
    wx.getGroupEnterInfo?.({ success: (res) => res.cloudID && report(res.cloudID), fail: () => undefined });
  },
  onHide() {
    this.stopTimer();
  },
  onUnload() {
    this.stopTimer();
  },
  onShareAppMessage() {
    const path = withQuery(ROUTES.eventDetail, { id: this.eventId });
    if (!this.event) return { title: '联建活动', path };
    return shareMessage(this.event.title, path, contentKey(CARD_KINDS.event(this.event)));
  },
  onShareTimeline() {
    return { title: this.event?.title ?? '联建活动', query: `id=${this.eventId}` };
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },

  startTimer() {
    this.stopTimer();
    this.timer = setInterval(() => this.render(), TICK_MS) as unknown as number;
  },
  stopTimer() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  },

  async load() {
    try {
      const [event, me, subscriptions] = await Promise.all([
        getEvent(this.eventId),
        loadMe(),
        // Not worth failing the page over: the reminder row just stays hidden.
        mySubscriptions().catch(() => null),
      ]);
      this.event = event;
      this.subscriptions = subscriptions;
      this.role = me.member?.role ?? null;
      wx.setNavigationBarTitle({ title: event.title });
      this.render();
    } catch (err) {
      if (!this.event) this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  /** The view for now: sends only what changed since the last render. */
  render() {
    if (!this.event) return;
    this.view = detailView(this.event, this.role, Date.now());
    setChanged(this, {
      status: 'ready',
      ...this.view,
      ...remindView(this.event, this.subscriptions, Date.now()),
      shareContent: CARD_KINDS.event(this.event),
    });
  },

  onAction() {
    const tap = this.view?.action.tap;
    if (tap) void this.act(tap);
  },
  onSecondary() {
    const secondary = this.view?.action.secondary;
    if (secondary) void this.act(secondary.tap);
  },
  async act(tap: SignUpTap) {
    if (this.data.busy) return;
    if (tap === 'cancel') {
      const mine = this.event?.myRegistration?.status;
      const title = mine === 'waitlisted' ? '取消候补' : '取消报名';
      const { confirm } = await wx.showModal({
        title,
        content: '确定不参加这次活动了吗？',
        confirmText: title,
        cancelText: mine === 'waitlisted' ? '保留候补' : '保留报名',
      });
      if (!confirm) return;
    }
    this.setData({ busy: true });
    try {
      const result = tap === 'signUp' ? await signUp(this.eventId) : await cancelRegistration(this.eventId);
      const mine = result.registration;
      const title =
        tap === 'cancel'
          ? '已取消报名'
          : mine?.status === 'waitlisted'
            ? `已进入候补第 ${mine.waitlistPosition ?? '?'} 位`
            : '报名成功';
      markEventsStale();
      if (tap === 'signUp') this.offerReminders(title, mine?.status === 'waitlisted');
      else void wx.showToast({ title, icon: 'success' });
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
      await this.load();
    } finally {
      this.setData({ busy: false });
    }
  },

  /** After a sign-up: the natural moment to ask, from the modal's tap. */
  offerReminders(title: string, waitlisted: boolean) {
    const templates = this.subscriptions?.templates;
    if (!templates) {
      void wx.showToast({ title, icon: waitlisted ? 'none' : 'success' });
      return;
    }
    wx.showModal({
      title,
      content: waitlisted
        ? '需要在候补转为正式报名时立即告诉你，并在活动开始前提醒你吗？'
        : '需要在活动开始前 1 天和 1 小时提醒你吗？活动改期或取消也会告诉你。',
      confirmText: '提醒我',
      cancelText: '不用了',
      success: ({ confirm }) => {
        if (!confirm) return;
        const keys = waitlisted
          ? (['waitlistPromoted', 'eventStart', 'eventChanged'] as const)
          : (['eventStart', 'eventChanged'] as const);
        void askForReminders([...keys], templates).then((outcome) => this.afterAsk(outcome));
      },
    });
  },
  /** 提醒我 on the page. */
  async onRemind() {
    const templates = this.subscriptions?.templates;
    if (!templates) return;
    if (this.data.remind?.on) {
      void wx.navigateTo({ url: ROUTES.myReminders });
      return;
    }
    this.afterAsk(await askForReminders(['eventStart', 'eventChanged'], templates));
  },
  afterAsk(outcome: Awaited<ReturnType<typeof askForReminders>>) {
    void wx.showToast({ title: outcomeToast(outcome), icon: outcome.status === 'accepted' ? 'success' : 'none' });
    if ('view' in outcome) {
      this.subscriptions = outcome.view;
      this.render();
    }
  },
  onShareCard() {
    void wx.navigateTo({ url: withQuery(ROUTES.share, { kind: 'event', id: this.eventId }) });
  },
  onReminders() {
    void wx.navigateTo({ url: withQuery(ROUTES.eventReminders, { eventId: this.eventId }) });
  },

  onScan() {
    void wx.navigateTo({ url: withQuery(ROUTES.checkIn, { eventId: this.eventId }) });
  },
  onLive() {
    void wx.navigateTo({ url: withQuery(ROUTES.liveCheckIn, { eventId: this.eventId }) });
  },
  onAttendance() {
    void wx.navigateTo({ url: withQuery(ROUTES.attendance, { eventId: this.eventId }) });
  },
  onPosts() {
    void wx.navigateTo({ url: withQuery(ROUTES.postFeed, { eventId: this.eventId }) });
  },

  onAskLeave() {
    this.setData({ leaveDialog: { visible: true, saving: false, error: '' } });
  },
  onLeaveDismiss() {
    this.setData({ 'leaveDialog.visible': false });
  },
  async onLeaveConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    this.setData({ 'leaveDialog.saving': true, 'leaveDialog.error': '' });
    try {
      await requestLeave(this.eventId, e.detail.reason);
      this.setData({ leaveDialog: { visible: false, saving: false, error: '' } });
      markEventsStale();
      void wx.showToast({ title: '已请假', icon: 'success' });
      await this.load();
    } catch (err) {
      this.setData({ 'leaveDialog.saving': false, 'leaveDialog.error': errorMessage(err) });
    }
  },
  async onWithdrawLeave() {
    if (this.data.busy) return;
    const { confirm } = await wx.showModal({
      title: '撤回请假',
      content: '撤回后按正常报名参加，组织者不再看到请假。',
      confirmText: '撤回请假',
      cancelText: '保留请假',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      await withdrawLeave(this.eventId);
      markEventsStale();
      void wx.showToast({ title: '已撤回请假', icon: 'success' });
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
      await this.load();
    } finally {
      this.setData({ busy: false });
    }
  },

  onMinutes() {
    void wx.navigateTo({ url: withQuery(ROUTES.minutes, { eventId: this.eventId }) });
  },
  /** WeChat's image viewer shows the code full size; a long press saves or forwards it for printing. */
  async onPrintCode() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    void wx.showLoading({ title: '生成签到码…', mask: true });
    try {
      const { url } = await printCheckInCode(this.eventId);
      wx.hideLoading();
      void wx.previewImage({ urls: [url], showmenu: true });
    } catch (err) {
      wx.hideLoading();
      void wx.showModal({
        title: '暂不能生成签到码',
        content: errorMessage(err),
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      this.setData({ busy: false });
    }
  },
  onEdit() {
    void wx.navigateTo({ url: withQuery(ROUTES.eventEdit, { id: this.eventId }) });
  },
  async onPublish() {
    if (this.data.busy) return;
    this.setData({ busy: true });
    try {
      this.event = await publishEvent(this.eventId);
      markEventsStale();
      this.render();
      void wx.showToast({ title: '已发布', icon: 'success' });
    } catch (err) {
      void wx.showModal({ title: '暂不能发布', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
    } finally {
      this.setData({ busy: false });
    }
  },

  onCancelEvent() {
    this.setData({ cancelVisible: true, cancelError: '' });
  },
  onCancelDismiss() {
    this.setData({ cancelVisible: false });
  },
  async onCancelConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    this.setData({ busy: true, cancelError: '' });
    try {
      this.event = await cancelEvent(this.eventId, e.detail.reason);
      markEventsStale();
      this.setData({ cancelVisible: false });
      this.render();
      void wx.showToast({ title: '活动已取消', icon: 'success' });
    } catch (err) {
      this.setData({ cancelError: errorMessage(err) });
    } finally {
      this.setData({ busy: false });
    }
  },
});
