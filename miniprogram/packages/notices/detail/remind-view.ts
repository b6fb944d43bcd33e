/**
 * The notice page's reminder row and sharing, from the notice and the member's subscriptions. The
 * row offers 通知未读提醒 (a new notice still unread a day after it was published) to a reader of
 * a published notice: the moment a member is reading notices is the natural one to ask. Only a
 * published notice is shared: a withdrawn, scheduled, checking or rejected one never leaves the
 * page as a card (the server answers those to their author alone).
 */
import type { NoticeDetail, SubscriptionView } from '../../../../src/contract';

export interface NoticeRemindView {
  /** null: not a published notice, or subscriptions unknown. */
  remind: { title: string; description: string; on: boolean } | null;
  canShare: boolean;
}

export function noticeRemindView(notice: NoticeDetail, subscriptions: SubscriptionView | null): NoticeRemindView {
  const published = notice.status === 'published';
  const unread = subscriptions?.templates.find((t) => t.key === 'noticeUnread');
  let remind: NoticeRemindView['remind'] = null;
  if (published && unread) {
    const on = unread.longTerm || unread.credits > 0;
    remind = on
      ? { title: '已开启通知未读提醒', description: '新通知一天未读时会提醒你，点此查看我的提醒', on }
      : { title: '通知未读时提醒我', description: unread.reason, on };
  }
  return { remind, canShare: published };
}
