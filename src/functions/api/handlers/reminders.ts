/** subscription.*, reminder.*, share.card, group.*: credits, the reminder view, share cards, group attribution. */
import { AppError } from '../../../contract';
import type { EventDoc } from '../../../db/documents';
import { recordAnswers } from '../../../server/reminders/credits';
import { runClock } from '../../../server/reminders/engine';
import { notifyPromotions } from '../../../server/reminders/promotions';
import { eventReminderView, sendNow as sendNowFor, subscriptionView } from '../../../server/reminders/views';
import { managedEvent, visibleEvent } from '../../../server/events';
import type { Database } from '../../../server/cloud';
import { createShareCard } from '../../../server/share/cards';
import { nameGroup, recordVisit } from '../../../server/share/groups';
import { actorOf } from './actor';
import type { HandlerContext, HandlerTable } from './types';

async function organisedEvent(ctx: HandlerContext, eventId: string): Promise<EventDoc> {
  return (await managedEvent(ctx.db, eventId, actorOf(ctx), 'organiser')).event;
}

/** After a change that may have freed a seat: the promoted are told now (see reminders/promotions.ts). */
export async function tellPromoted(db: Database, eventId: string, now: Date): Promise<void> {
  await notifyPromotions(db, eventId, runClock(now));
}

export const reminderHandlers: Pick<
  HandlerTable,
  | 'subscription.mine'
  | 'subscription.record'
  | 'reminder.event'
  | 'reminder.sendNow'
  | 'share.card'
  | 'group.enter'
  | 'group.name'
> = {
  'subscription.mine': async (_input, ctx) => subscriptionView(ctx.db, ctx.openid, ctx.now),
  'subscription.record': async ({ results, keep }, ctx) => {
    await recordAnswers(ctx.db, ctx.openid, results, keep ?? {}, ctx.now);
    return subscriptionView(ctx.db, ctx.openid, ctx.now);
  },
  'reminder.event': async ({ eventId }, ctx) => eventReminderView(ctx.db, await organisedEvent(ctx, eventId)),
  'reminder.sendNow': async ({ eventId }, ctx) => {
    const event = await organisedEvent(ctx, eventId);
    if (event.status !== 'published') throw new AppError('EVENT_NOT_EDITABLE', '活动未发布或已取消，不能发送提醒');
    if (event.startsAt.getTime() <= ctx.now.getTime())
      throw new AppError('EVENT_NOT_EDITABLE', '活动已开始，不能再发送提醒');
    return sendNowFor(ctx.db, event, ctx.openid, runClock(ctx.now));
  },
  'share.card': async ({ eventId }, ctx) => {
    const event = await visibleEvent(ctx.db, eventId, actorOf(ctx));
    return createShareCard(ctx.db, event, ctx.openid, ctx.now);
  },
  'group.enter': async ({ eventId }, ctx) => {
    const event = await visibleEvent(ctx.db, eventId, actorOf(ctx));
    if (!ctx.opengid) return { attributed: false };
    return { attributed: await recordVisit(ctx.db, event._id, ctx.openid, ctx.opengid, ctx.now) };
  },
  'group.name': async ({ eventId, groupId, name }, ctx) => {
    const event = await organisedEvent(ctx, eventId);
    await nameGroup(ctx.db, event, groupId, name, ctx.openid, ctx.now);
    return eventReminderView(ctx.db, event);
  },
};
