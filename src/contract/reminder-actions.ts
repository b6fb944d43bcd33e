/**
 * Subscriptions (订阅消息 credits), the secretaries' reminder view and send-now, share cards with
 * updatable messages, and group attribution (issue 11).
 */
import { z } from 'zod';
import { eventId } from './event-fields';
import { id, input, noInput, text } from './fields';
import type {
  GroupEnterResult,
  ReminderEventView,
  SendNowResult,
  ShareCardView,
  SubscriptionView,
} from './reminder-models';
import { action, ANY_MEMBER } from './spec';

/** WeChat's template ids: letters, digits, `-` and `_`. */
const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '模板格式不正确' });
const choice = z.enum(['accept', 'reject', 'ban', 'filter']);
/** wx.requestSubscribeMessage takes at most 3 ids per call (the stricter documented limit). */
const oneRequest = z
  .record(templateId, choice)
  .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, { message: '每次最多订阅 3 种提醒' });

export const reminderActions = {
  /** The templates the mini-program may ask for, with reasons, and what the caller will be reminded of. */
  'subscription.mine': action<SubscriptionView>()({ input: () => noInput, roles: ANY_MEMBER }),
  /**
   * The caller's answers to one wx.requestSubscribeMessage (each accept adds a credit), and the
   * 总是保持 choices wx.getSetting({ withSubscriptions: true }) reported.
   */
  'subscription.record': action<SubscriptionView>()({
    input: () =>
      input({
        results: oneRequest,
        keep: z.record(templateId, z.enum(['accept', 'reject'])).optional(),
      }),
    roles: ANY_MEMBER,
  }),
  /** An organiser's view of an event's reminders and of the group chats its sign-ups came from. */
  'reminder.event': action<ReminderEventView>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /** Remind the registered members who hold a credit now; once per event. */
  'reminder.sendNow': action<SendNowResult>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /** Creates the updatable message of a card being shared (an activity id lives 24 h). */
  'share.card': action<ShareCardView>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /**
   * A member opened an event from a group chat's card. The group comes from the platform: the
   * call carries `groupInfo: wx.cloud.CloudID(cloudID)` at the top level, decoded by CloudBase.
   */
  'group.enter': action<GroupEnterResult>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /** An organiser names a group chat (WeChat gives no names), for the per-group counts. */
  'group.name': action<ReminderEventView>()({
    input: () => input({ eventId, groupId: id('群'), name: text('群名称', 20) }),
    roles: ANY_MEMBER,
  }),
} as const;
