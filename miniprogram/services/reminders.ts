/** Subscriptions, reminders, share cards and group attribution (issue 11). */
import type {
  GroupEnterResult,
  ReminderEventView,
  SendNowResult,
  ShareCardView,
  SubscribeChoice,
  SubscriptionView,
} from '../../src/contract';
import { isLocalMode } from '../config/mode';
import { callApi } from './api';

export function mySubscriptions(): Promise<SubscriptionView> {
  return callApi('subscription.mine', {});
}

export function recordSubscriptions(
  results: Record<string, SubscribeChoice>,
  keep: Record<string, 'accept' | 'reject'>,
): Promise<SubscriptionView> {
  return callApi('subscription.record', Object.keys(keep).length > 0 ? { results, keep } : { results });
}

export function eventReminders(eventId: string): Promise<ReminderEventView> {
  return callApi('reminder.event', { eventId });
}

export function sendRemindersNow(eventId: string): Promise<SendNowResult> {
  return callApi('reminder.sendNow', { eventId });
}

export function nameGroup(eventId: string, groupId: string, name: string): Promise<ReminderEventView> {
  return callApi('group.name', { eventId, groupId, name });
}

export function shareCard(eventId: string): Promise<ShareCardView> {
  return callApi('share.card', { eventId });
}

/**
 * The member arrived from a group chat's card: its CloudID travels at the top level of the call
 * (`wx.cloud.CloudID`), where CloudBase replaces it with `{ opengid }`; the local cloud reads
 * `{ cloudID }` the same way.
 */
export function enterFromGroup(eventId: string, cloudID: string): Promise<GroupEnterResult> {
  const groupInfo = isLocalMode() ? { cloudID } : wx.cloud.CloudID(cloudID);
  return callApi('group.enter', { eventId }, { groupInfo });
}
