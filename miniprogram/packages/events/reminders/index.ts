/**
 * 活动提醒 (organisers): for one event, who was reminded and who could not be (no credit), a
 * send-now to those with a credit (once each), and the group chats its sign-ups came from, which
 * the organiser names (WeChat gives no group names). Query: `eventId`.
 */
import type { ReminderEventView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { eventReminders, nameGroup, sendRemindersNow } from '../../../services/reminders';
import { syncCareMode } from '../../../utils/care-mode';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { remindersView } from './reminders-view';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    busy: false,
    nameVisible: false,
    nameError: '',
  },
  eventId: '',
  naming: '',

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.eventId ?? '';
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      this.show(await eventReminders(this.eventId));
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(view: ReminderEventView) {
    setChanged(this, { status: 'ready', ...remindersView(view) });
  },

  async onSendNow() {
    if (this.data.busy) return;
    const confirm = await new Promise<boolean>((resolve) => {
      wx.showModal({
        title: '立即提醒',
        content: '将给已订阅提醒、尚未收到本次提醒的党员各发一条活动提醒。',
        confirmText: '发送',
        cancelText: '暂不发送',
        success: (res) => resolve(res.confirm),
        fail: () => resolve(false),
      });
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const result = await sendRemindersNow(this.eventId);
      void wx.showToast({ title: `已提醒 ${result.sent} 人`, icon: 'success' });
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },

  onNameGroup(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    this.naming = e.currentTarget.dataset.id;
    this.setData({ nameVisible: true, nameError: '' });
  },
  onNameDismiss() {
    this.setData({ nameVisible: false });
  },
  async onNameConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    this.setData({ busy: true, nameError: '' });
    try {
      this.show(await nameGroup(this.eventId, this.naming, e.detail.reason));
      this.setData({ nameVisible: false });
    } catch (err) {
      this.setData({ nameError: errorMessage(err) });
    } finally {
      this.setData({ busy: false });
    }
  },
});
