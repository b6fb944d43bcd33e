/** The detail page's reminder row and share links, from the event and the member's subscriptions. */
import type { EventDetail, SubscriptionView } from '../../../../src/contract';

export interface RemindView {
  /** null: nothing to remind of (a draft, a past or cancelled event), or subscriptions unknown. */
  remind: { title: string; description: string; on: boolean } | null;
  /** Shared to a chat with a card: published and not over. */
  canShare: boolean;
  /** The organisers' reminder page. */
  remindersLink: boolean;
}

export function remindView(event: EventDetail, subscriptions: SubscriptionView | null, now: number): RemindView {
  const live = event.status === 'published' && Date.parse(event.startsAt) > now;
  const start = subscriptions?.templates.find((t) => t.key === 'eventStart');
  let remind: RemindView['remind'] = null;
  if (live && start) {
    const on = start.longTerm || start.credits > 0;
    remind = on
      ? { title: '已开启活动提醒', description: '活动开始前会提醒你，点此查看我的提醒', on }
      : { title: '提醒我', description: start.reason, on };
  }
  return { remind, canShare: live, remindersLink: event.canManage && event.status !== 'draft' };
}
