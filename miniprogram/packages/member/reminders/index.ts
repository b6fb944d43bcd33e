/**
 * 我的提醒: the reminders a member has turned on (credits per kind), the upcoming events they
 * signed up for and whether a reminder will reach them, and a button to turn start reminders on
 * (a tap: WeChat asks only from one).
 */
import type { SubscriptionView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { mySubscriptions } from '../../../services/reminders';
import { syncCareMode } from '../../../utils/care-mode';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { askForReminders, outcomeToast, refreshSubscriptionSettings } from '../../../utils/subscribe';
import { myRemindersView } from './reminders-view';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
  },
  subscriptions: null as SubscriptionView | null,

  onShow() {
    syncCareMode(this);
    refreshSubscriptionSettings();
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      this.show(await mySubscriptions());
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(view: SubscriptionView) {
    this.subscriptions = view;
    setChanged(this, { status: 'ready', ...myRemindersView(view) });
  },

  async onTurnOn() {
    if (!this.subscriptions) return;
    const outcome = await askForReminders(
      ['eventStart', 'eventChanged', 'waitlistPromoted'],
      this.subscriptions.templates,
    );
    void wx.showToast({ title: outcomeToast(outcome), icon: outcome.status === 'accepted' ? 'success' : 'none' });
    if ('view' in outcome) this.show(outcome.view);
  },
  onEvent(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.eventDetail, { id: e.currentTarget.dataset.id }) });
  },
});
