/**
 * Sign-up, cancellation and waitlist promotion. Each change is one transaction over the event
 * (which holds the counters and the last sequence) and the registrations it touches, so the
 * counters never disagree with the registrations and arrival order is the order transactions took
 * the event's lock. Registration ids are `${eventId}_${openid}`: one per member, by construction.
 * The transactions lock the event first, then registrations, so they cannot deadlock each other.
 */
import { AppError } from '../contract';
import type { EventDoc, RegistrationDoc } from '../db/documents';
import type { Actor } from '../domain/event-access';
import { registrationCutoff, signUpOpen } from '../domain/event-lifecycle';
import { placeFor, promotableCount, type RegistrationPolicy, type SeatCounts } from '../domain/registration';
import type { Database } from './cloud';
import { getDocInTx, registrationId, withoutId } from './docs';
import { lockEvent } from './events';
import { inTransaction, type Transaction } from './transaction';

/** Waitlisted members promoted per transaction; more free seats (a raised capacity) take more rounds. */
const PROMOTION_BATCH = 10;
const MAX_STALE_RETRIES = 8;

export interface RegistrationChange {
  event: EventDoc;
  registration: RegistrationDoc | null;
}

function policyOf(event: EventDoc): RegistrationPolicy {
  return {
    capacity: event.capacity ?? undefined,
    signUpDeadline: event.signUpDeadline,
    promotionCutoff: registrationCutoff(event),
  };
}

function assertOpenFor(event: EventDoc): void {
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (event.status !== 'published') throw new AppError('NOT_FOUND', '活动尚未发布');
}

export async function signUp(
  db: Database,
  eventId: string,
  actor: Actor,
  name: string,
  now: Date,
): Promise<RegistrationChange> {
  return inTransaction(db, async (tx) => {
    const event = await lockEvent(tx, eventId);
    assertOpenFor(event);
    const id = registrationId(eventId, actor.openid);
    const existing = await getDocInTx<RegistrationDoc>(tx, 'registrations', id);
    // Signing up twice (a double tap, a retry on a weak network) answers the first sign-up.
    if (existing && existing.status !== 'cancelled') return { event, registration: existing };
    if (!signUpOpen(event, now)) throw new AppError('SIGNUP_CLOSED');

    const status = placeFor(event, event.capacity ?? undefined);
    const registration: RegistrationDoc = {
      _id: id,
      eventId,
      memberId: actor.openid,
      branchId: actor.branchId,
      name,
      status,
      sequence: event.lastSequence + 1,
      signedUpAt: now,
      updatedAt: now,
    };
    const next: EventDoc = { ...event, lastSequence: registration.sequence, [status]: event[status] + 1 };
    await tx.collection('registrations').doc(id).set(withoutId(registration));
    await tx
      .collection('events')
      .doc(eventId)
      .update({ lastSequence: next.lastSequence, registered: next.registered, waitlisted: next.waitlisted });
    return { event: next, registration };
  });
}

/** Thrown inside a transaction when the waitlist read before it has moved on: read again, retry. */
class StaleWaitlist extends Error {}

async function waitlistHead(db: Database, eventId: string): Promise<RegistrationDoc[]> {
  const { data } = await db
    .collection('registrations')
    .where({ eventId, status: 'waitlisted' })
    .orderBy('sequence', 'asc')
    .limit(PROMOTION_BATCH)
    .get();
  return data as RegistrationDoc[];
}

/**
 * Inside the caller's transaction: promotes the first waitlisted members into the free seats.
 * `head` was read before the transaction; each is re-read under its lock, and since later
 * arrivals only ever get later sequences, a head still waitlisted is still the head.
 */
async function promoteHead(
  tx: Transaction,
  event: EventDoc,
  counts: SeatCounts,
  head: readonly RegistrationDoc[],
  now: Date,
): Promise<{ counts: SeatCounts; promoted: number }> {
  const wanted = Math.min(promotableCount(counts, policyOf(event), now), PROMOTION_BATCH);
  if (wanted === 0) return { counts, promoted: 0 };
  if (head.length < wanted) throw new StaleWaitlist();
  for (const candidate of head.slice(0, wanted)) {
    const current = await getDocInTx<RegistrationDoc>(tx, 'registrations', candidate._id);
    if (!current || current.status !== 'waitlisted') throw new StaleWaitlist();
    await tx.collection('registrations').doc(candidate._id).update({ status: 'registered', updatedAt: now });
  }
  return {
    counts: { registered: counts.registered + wanted, waitlisted: counts.waitlisted - wanted },
    promoted: wanted,
  };
}

async function retryOnStale<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StaleWaitlist)) throw err;
      if (attempt >= MAX_STALE_RETRIES) throw new AppError('CONFLICT', undefined, { cause: err });
    }
  }
}

/** Cancels the caller's registration and, in the same transaction, gives the seat to the next in line. */
export async function cancelRegistration(
  db: Database,
  eventId: string,
  actor: Actor,
  now: Date,
): Promise<RegistrationChange> {
  const change = await retryOnStale(async () => {
    const head = (await waitlistHead(db, eventId)).filter((r) => r.memberId !== actor.openid);
    return inTransaction(db, async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (now.getTime() >= registrationCutoff(event).getTime()) throw new AppError('REGISTRATION_LOCKED');
      const id = registrationId(eventId, actor.openid);
      const existing = await getDocInTx<RegistrationDoc>(tx, 'registrations', id);
      if (!existing || existing.status === 'cancelled') throw new AppError('NOT_REGISTERED');

      const freed: SeatCounts = {
        registered: event.registered - (existing.status === 'registered' ? 1 : 0),
        waitlisted: event.waitlisted - (existing.status === 'waitlisted' ? 1 : 0),
      };
      const registration: RegistrationDoc = { ...existing, status: 'cancelled', updatedAt: now };
      await tx.collection('registrations').doc(id).update({ status: 'cancelled', updatedAt: now });
      const { counts, promoted } = await promoteHead(tx, event, freed, head, now);
      await tx.collection('events').doc(eventId).update(counts);
      return { change: { event: { ...event, ...counts }, registration }, promoted };
    });
  });
  if (change.promoted === PROMOTION_BATCH) await fillFreeSeats(db, eventId, now);
  return change.change;
}

/** Promotes waitlisted members until the seats are full or the waitlist is empty (after a capacity rise). */
export async function fillFreeSeats(db: Database, eventId: string, now: Date): Promise<void> {
  for (;;) {
    const promoted = await retryOnStale(async () => {
      const head = await waitlistHead(db, eventId);
      return inTransaction(db, async (tx) => {
        const event = await lockEvent(tx, eventId);
        const result = await promoteHead(tx, event, event, head, now);
        if (result.promoted > 0) await tx.collection('events').doc(eventId).update(result.counts);
        return result.promoted;
      });
    });
    if (promoted < PROMOTION_BATCH) return;
  }
}
