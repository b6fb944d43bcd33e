/**
 * Updatable messages (动态消息) of shared event cards: an activity id is created when a member
 * shares the card (it lives 24 h), and each scheduler firing brings live cards up to date —
 * state 0 with the current n / limit when the counts changed, state 1 once the event started.
 */
import type { ShareCardView } from '../../contract/reminder-models';
import type { EventDoc } from '../../db/documents';
import type { ShareActivityDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { getDoc } from '../docs';
import { describeError, log } from '../log';
import { wechatOpenApi } from '../wechat';
import { EVENT_PAGE } from '../reminders/kinds';

/** Which build the card opens once started: as the function's MINIPROGRAM_STATE (formal by default). */
function versionType(): 'develop' | 'trial' | 'release' {
  const state = process.env.MINIPROGRAM_STATE;
  return state === 'developer' ? 'develop' : state === 'trial' ? 'trial' : 'release';
}

/** What the card's "n / limit" shows for an event without a cap: its sign-ups. */
const roomLimitOf = (event: EventDoc): number => event.capacity ?? Math.max(event.registered, 1);

export async function createShareCard(
  db: Database,
  event: EventDoc,
  openid: string,
  now: Date,
): Promise<ShareCardView> {
  const view = { eventId: event._id, memberCount: event.registered, roomLimit: roomLimitOf(event) };
  try {
    const res = (await wechatOpenApi().updatableMessage.createActivityId({ openid } as never)) as {
      activityId: string;
      expirationTime: number;
    };
    const expiresAt = new Date(res.expirationTime * 1000);
    const doc: Omit<ShareActivityDoc, '_id'> = {
      eventId: event._id,
      activityId: res.activityId,
      expiresAt,
      state: 0,
      memberCount: view.memberCount,
      roomLimit: view.roomLimit,
      createdBy: openid,
      updatedAt: now,
    };
    await db.collection('shareActivities').doc(`${event._id}_${res.activityId}`).set(doc);
    return { ...view, activityId: res.activityId, expiresAt: expiresAt.toISOString() };
  } catch (err) {
    // The card is still shared, as a plain card: nothing a member must act on.
    log('failed', { action: 'share.card', eventId: event._id, ...describeError(err) });
    return { ...view, activityId: null, expiresAt: null };
  }
}

async function setMessage(
  activityId: string,
  targetState: 0 | 1,
  parameters: { name: string; value: string }[],
): Promise<void> {
  await wechatOpenApi().updatableMessage.setUpdatableMsg({
    activityId,
    targetState,
    templateInfo: { parameterList: parameters },
  } as never);
}

/** Brings every live card up to date; answers how many were updated. */
export async function refreshShareCards(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection('shareActivities')
    .where({ state: 0, expiresAt: _.gt(now) })
    .limit(1000)
    .get();
  const events = new Map<string, EventDoc | null>();
  let updated = 0;
  for (const activity of data as ShareActivityDoc[]) {
    if (!events.has(activity.eventId))
      events.set(activity.eventId, await getDoc<EventDoc>(db, 'events', activity.eventId));
    const event = events.get(activity.eventId);
    if (!event) continue;
    const id = `${activity.eventId}_${activity.activityId}`;
    try {
      if (event.startsAt.getTime() <= now.getTime() || event.status === 'cancelled') {
        await setMessage(activity.activityId, 1, [
          { name: 'path', value: `${EVENT_PAGE}?id=${event._id}` },
          { name: 'version_type', value: versionType() },
        ]);
        await db.collection('shareActivities').doc(id).update({ state: 1, updatedAt: now });
        updated += 1;
      } else if (activity.memberCount !== event.registered || activity.roomLimit !== roomLimitOf(event)) {
        await setMessage(activity.activityId, 0, [
          { name: 'member_count', value: String(event.registered) },
          { name: 'room_limit', value: String(roomLimitOf(event)) },
        ]);
        await db
          .collection('shareActivities')
          .doc(id)
          .update({ memberCount: event.registered, roomLimit: roomLimitOf(event), updatedAt: now });
        updated += 1;
      }
    } catch (err) {
      log('failed', { action: 'share.refresh', activity: id, ...describeError(err) });
    }
  }
  return updated;
}
