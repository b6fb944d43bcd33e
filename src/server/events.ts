/** Loading an event with the caller's right to it, and writing it with its audience index. */
import { AppError } from '../contract';
import type { EventAudienceDoc, EventDoc } from '../db/documents';
import { canSee, manages, type Actor, type ManageLevel } from '../domain/event-access';
import type { Database } from './cloud';
import { audienceId, getDoc, withoutId } from './docs';
import type { Transaction } from './transaction';

export function loadEvent(db: Database, eventId: string): Promise<EventDoc | null> {
  return getDoc<EventDoc>(db, 'events', eventId);
}

/** The event if the caller may see it; a draft is invisible to all but its managers. */
export async function visibleEvent(db: Database, eventId: string, actor: Actor): Promise<EventDoc> {
  const event = await loadEvent(db, eventId);
  if (!event || (event.status === 'draft' && !manages(event.owner, actor, 'organiser')))
    throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  if (!canSee(event, actor)) throw new AppError('FORBIDDEN', '此活动不面向你所在的支部');
  return event;
}

export async function managedEvent(db: Database, eventId: string, actor: Actor, level: ManageLevel): Promise<EventDoc> {
  const event = await visibleEvent(db, eventId, actor);
  if (!manages(event.owner, actor, level)) throw new AppError('FORBIDDEN', '只有主办支部的书记或委员可以管理此活动');
  return event;
}

/** Inside a transaction: the event as it is now, or NOT_FOUND if it vanished. */
export async function lockEvent(tx: Transaction, eventId: string): Promise<EventDoc> {
  const { data } = await tx.collection('events').doc(eventId).get();
  if (!data) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  return data as EventDoc;
}

/**
 * Writes the whole event and keeps its per-branch list entries in step (status, times, audience),
 * in the caller's transaction so the list never shows what the event no longer is.
 */
export async function writeEvent(tx: Transaction, event: EventDoc, previousAudience: readonly string[]): Promise<void> {
  await tx.collection('events').doc(event._id).set(withoutId(event));
  for (const branchId of event.audience) {
    const entry: Omit<EventAudienceDoc, '_id'> = {
      eventId: event._id,
      branchId,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    };
    await tx.collection('eventAudiences').doc(audienceId(event._id, branchId)).set(entry);
  }
  for (const branchId of previousAudience.filter((id) => !event.audience.includes(id))) {
    await tx.collection('eventAudiences').doc(audienceId(event._id, branchId)).remove();
  }
}
