/**
 * An event: when and where, a countdown, the state-aware sign-up button, 扫码签到 while check-in is
 * open, who is coming by branch, and for its managers the way to the live screen, the printed
 * check-in code, attendance, editing, publishing and cancelling (with a reason).
 */
import type { EventDetail, MemberRole } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { printCheckInCode } from '../../../services/check-in';
import { cancelEvent, cancelRegistration, getEvent, publishEvent, signUp } from '../../../services/events';
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
  },
  eventId: '',
  /** What was last rendered: the handlers act on what the person saw. */
  view: null as DetailView | null,
  event: null as EventDetail | null,
  role: null as MemberRole | null,
  timer: null as number | null,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.id ?? '';
  },
  onShow() {
    syncCareMode(this);
    void this.load();
    this.startTimer();
  },
  onHide() {
    this.stopTimer();
  },
  onUnload() {
    this.stopTimer();
  },
  onShareAppMessage() {
    return { title: this.event?.title ?? '联建活动', path: withQuery(ROUTES.eventDetail, { id: this.eventId }) };
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
      const [event, me] = await Promise.all([getEvent(this.eventId), loadMe()]);
      this.event = event;
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
    setChanged(this, { status: 'ready', ...this.view });
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
      void wx.showToast({ title, icon: mine?.status === 'waitlisted' ? 'none' : 'success' });
      markEventsStale();
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
      await this.load();
    } finally {
      this.setData({ busy: false });
    }
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
