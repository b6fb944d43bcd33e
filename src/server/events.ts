/** Loading an event with the caller's right to it, and writing it with its audience index. */
import { randomBytes } from 'node:crypto';
import { AppError } from '../contract';
import type { EventAudienceDoc, EventDoc } from '../db/documents';
import { openPlacesOf } from '../domain/registration';
import { addressedTo, canSee, type Actor, type ManageLevel, type OwnerAccess } from '../domain/event-access';
import type { Database } from './cloud';
import { audienceId, getDoc, withoutId, type DocRef } from './docs';
import { ownerAccess } from './owner-access';
import type { Transaction } from './transaction';

/** The event as a document to read beside another (docs.ts getDocPair). */
export const eventRef = (eventId: string): DocRef => ({ collection: 'events', id: eventId });

export function loadEvent(db: Database, eventId: string): Promise<EventDoc | null> {
  return getDoc<EventDoc>(db, 'events', eventId);
}

export interface SeenEvent {
  event: EventDoc;
  access: OwnerAccess;
}

const notFound = () => new AppError('NOT_FOUND', '活动不存在或已被删除');

/**
 * A draft is invisible to all but its managers, and a pairing's events to those outside it;
 * a published event of a known owner that is not addressed to the caller's branch is refused.
 */
function assertSees(event: EventDoc, actor: Actor, access: OwnerAccess): void {
  if (!access.known || (event.status === 'draft' && !access.manages.organiser)) throw notFound();
  if (!canSee(event, actor, access)) throw new AppError('FORBIDDEN', '此活动不面向你所在的支部');
}

/** The event with the caller's standing toward its owner, if the caller may see it. */
export async function seenEvent(db: Database, eventId: string, actor: Actor): Promise<SeenEvent> {
  return seenOf(db, await loadEvent(db, eventId), actor);
}

/** seenEvent for an event already read (with the caller, see handlers/types DocFirstHandler). */
export async function seenOf(db: Database, event: EventDoc | null, actor: Actor): Promise<SeenEvent> {
  if (!event) throw notFound();
  const access = await ownerAccess(db, event.owner, actor);
  assertSees(event, actor, access);
  return { event, access };
}

/**
 * The event if the caller may see it. An event addressed to the caller's branch needs no read of
 * its owner: sign-up and check-in, run by hundreds at once, stay one read.
 */
export async function visibleEvent(db: Database, eventId: string, actor: Actor): Promise<EventDoc> {
  return visibleOf(db, await loadEvent(db, eventId), actor);
}

/** visibleEvent for an event already read (with the caller, see handlers/types DocFirstHandler). */
export async function visibleOf(db: Database, event: EventDoc | null, actor: Actor): Promise<EventDoc> {
  if (!event) throw notFound();
  if (!addressedTo(event, actor)) assertSees(event, actor, await ownerAccess(db, event.owner, actor));
  return event;
}

export async function managedEvent(
  db: Database,
  eventId: string,
  actor: Actor,
  level: ManageLevel,
): Promise<SeenEvent> {
  const seen = await seenEvent(db, eventId, actor);
  if (!seen.access.manages[level]) throw new AppError('FORBIDDEN', '只有主办方的书记或委员可以管理此活动');
  return seen;
}

/**
 * Inside a transaction: the event as it is now, or NOT_FOUND if it vanished. Its first step is a
 * write, so sign-ups claiming a place (plain conditional updates, registration-claims.ts) wait for
 * this transaction instead of making its later write of the event conflict: only a claim made
 * between the transaction's start and that write can.
 */
export async function lockEvent(tx: Transaction, eventId: string): Promise<EventDoc> {
  await tx
    .collection('events')
    .doc(eventId)
    .update({ txLock: randomBytes(6).toString('hex') });
  const { data } = await tx.collection('events').doc(eventId).get();
  if (!data) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  return data as EventDoc;
}

/**
 * Writes the whole event and keeps its per-branch list entries in step (status, times, audience),
 * in the caller's transaction so the list never shows what the event no longer is.
 */
export async function writeEvent(tx: Transaction, event: EventDoc, previousAudience: readonly string[]): Promise<void> {
  // The schemas refuse impossible instants; this keeps any other path from storing one (an
  // Invalid Date is stored as 1970 and fails every view built from it afterwards).
  for (const [field, value] of Object.entries({
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    signUpDeadline: event.signUpDeadline,
  })) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime()))
      throw new AppError('INVALID_INPUT', '时间格式不正确', { details: [{ path: field, message: '时间格式不正确' }] });
  }
  // The one place a whole event is written: its open places follow its capacity and counters.
  const openPlaces = openPlacesOf(event.capacity, event);
  await tx
    .collection('events')
    .doc(event._id)
    .set({ ...withoutId(event), openPlaces });
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
