/**
 * A sign-up that decides itself: one conditional update of the event claims a seat or a waitlist
 * place and answers the event as it left it (`updateAndReturn`, CloudBase's findAndModify), so the
 * member learns their sequence, place and counts at once; then their registration is written.
 * Conditional updates of one document are serialised by the database without aborting anyone, so
 * five hundred members claiming at once all succeed, each with the next sequence.
 *
 * A seat can be claimed only while `openPlaces` (capacity − registered − waitlisted) is above
 * zero: seats freed while people wait belong to them, so a newcomer never overtakes the waitlist.
 * Cancellations, releases and promotions still go through the queue (registration-queue.ts),
 * whose drain writes the event first in its transaction (lockEvent), so claims wait for it.
 *
 * Two writes, so two ways to end between them, both mended here:
 * - the member already has a registration (a double tap, or signing up again after cancelling):
 *   the claim is handed back, and the standing registration answers or takes the request. Taps
 *   at once may answer differently for a moment: if a tap's waitlist place is written before the
 *   tap that claimed the last seat, the first answers the waitlist, and the seat handed back
 *   promotes the member at once (registration-claims.test.ts, five taps);
 * - the function died after claiming: the counters hold a place nobody has. Each claim marks the
 *   event `countsToCheck`; the scheduler recounts such events once their last claim is older than
 *   any function can run (`repairClaimedCounts`), under the queue's lease.
 */
import type { EventDoc, RegistrationDoc } from '../db/documents';
import { openPlacesOf, promotableCount } from '../domain/registration';
import type { Database } from './cloud';
import { getDoc } from './docs';
import { fillFreeSeats, policyOf, releaseLease, takeLease } from './registration-queue';

export interface Claim {
  status: 'registered' | 'waitlisted';
  sequence: number;
  /** When the claim was made, by the database's clock: the order members see. */
  at: Date;
  /** The event's counters right after the claim. */
  counts: { registered: number; waitlisted: number };
  /** 1-based place on the waitlist: everyone waiting claimed before. */
  waitlistPosition: number | null;
  event: EventDoc;
}

/** Longer than any function runs (api: 20 s), so a claim this old will never be written. */
const CLAIM_SETTLED_MS = 60_000;

/** What a claim needs to know of the event: only which attempt to make first depends on it. */
export type PlaceHint = Pick<EventDoc, '_id' | 'capacity' | 'openPlaces'>;

/**
 * Claims a place for `claimant` in the event: a seat if one is open, else a waitlist place. The
 * update's conditions are the whole check (published, addressed to the claimant's branch, sign-up
 * not closed, the capacity `hint` names), so a stale hint costs at most a failed attempt. Null
 * when no place could be claimed that way: the caller reads the event and lets it say why, or
 * queues what only the queue decides.
 */
export async function claimPlace(
  db: Database,
  hint: PlaceHint,
  claimant: { branchId: string },
  now: Date,
): Promise<Claim | null> {
  const _ = db.command;
  const unlimited = hint.capacity === null;
  const base = {
    _id: hint._id,
    status: 'published',
    audience: claimant.branchId,
    signUpDeadline: _.gte(now),
    capacity: hint.capacity,
  };
  const stamp = { lastSequence: _.inc(1), lastClaimAt: db.serverDate(), countsToCheck: true };
  const attempt = async (status: Claim['status']): Promise<Claim | null> => {
    const where = unlimited ? base : { ...base, openPlaces: status === 'registered' ? _.gt(0) : _.lte(0) };
    const counter = status === 'registered' ? { registered: _.inc(1) } : { waitlisted: _.inc(1) };
    const { doc } = (await db
      .collection('events')
      .where(where)
      .updateAndReturn({ ...stamp, ...counter, ...(unlimited ? {} : { openPlaces: _.inc(-1) }) })) as {
      doc?: EventDoc | null;
    };
    if (!doc) return null;
    const after = { ...doc, _id: hint._id };
    remember(after);
    return {
      status,
      sequence: after.lastSequence,
      at: after.lastClaimAt as Date,
      counts: { registered: after.registered, waitlisted: after.waitlisted },
      waitlistPosition: status === 'waitlisted' ? after.waitlisted : null,
      event: after,
    };
  };
  // Try first where the hint points; the other only if the event changed since.
  const first: Claim['status'] = unlimited || (hint.openPlaces ?? 0) > 0 ? 'registered' : 'waitlisted';
  const claim = await attempt(first);
  if (claim || unlimited) return claim;
  return attempt(first === 'registered' ? 'waitlisted' : 'registered');
}

/**
 * The events this function instance has lately seen sign-ups for, as their last claim (or read)
 * left them. A hint only: it spares a warm instance the read of the event before claiming (the
 * claim's conditions decide), and which attempt to make first.
 */
const hints = new Map<string, PlaceHint>();
const MAX_HINTS = 200;

export function remember(event: PlaceHint): void {
  hints.delete(event._id);
  hints.set(event._id, { _id: event._id, capacity: event.capacity, openPlaces: event.openPlaces });
  if (hints.size > MAX_HINTS) hints.delete(hints.keys().next().value as string);
}

export function placeHint(eventId: string): PlaceHint | null {
  return hints.get(eventId) ?? null;
}

/**
 * Gives a claimed place back (the member turned out to have a registration already); answers the
 * event as that left it.
 */
export async function giveBack(db: Database, claim: Claim, now: Date): Promise<EventDoc> {
  const _ = db.command;
  const counter = claim.status === 'registered' ? { registered: _.inc(-1) } : { waitlisted: _.inc(-1) };
  const { doc } = (await db
    .collection('events')
    .where({ _id: claim.event._id })
    .updateAndReturn({ ...counter, ...(claim.event.capacity === null ? {} : { openPlaces: _.inc(1) }) })) as {
    doc?: EventDoc | null;
  };
  if (!doc) return claim.event;
  const after = { ...doc, _id: claim.event._id };
  // A seat handed back while people wait is theirs.
  if (promotableCount(after, policyOf(after), now) > 0) await fillFreeSeats(db, after._id, now);
  return after;
}

/**
 * The scheduler's check of events whose sign-ups claimed places: recounts the registrations of
 * each event whose last claim is settled and sets the counters to what they show, mending places
 * claimed by functions that died before writing the registration. Answers how many it mended.
 */
export async function repairClaimedCounts(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const settledBefore = new Date(now.getTime() - CLAIM_SETTLED_MS);
  const { data } = await db
    .collection('events')
    .where({ countsToCheck: true, lastClaimAt: _.lt(settledBefore) })
    .limit(100)
    .get();
  let mended = 0;
  for (const { _id } of data as EventDoc[]) if (await recount(db, _id, settledBefore, now)) mended += 1;
  return mended;
}

/** Under the lease, so no drain moves the counters while they are counted. */
async function recount(db: Database, eventId: string, settledBefore: Date, now: Date): Promise<boolean> {
  const token = await takeLease(db, eventId);
  if (!token) return false;
  let released = false;
  let mended = false;
  let promote = false;
  try {
    const event = await getDoc<EventDoc>(db, 'events', eventId);
    if (!event || !event.lastClaimAt || event.lastClaimAt.getTime() >= settledBefore.getTime()) return false;
    const count = async (status: RegistrationDoc['status']) =>
      (await db.collection('registrations').where({ eventId, status }).count()).total;
    const [registered, waitlisted] = await Promise.all([count('registered'), count('waitlisted')]);
    mended = registered !== event.registered || waitlisted !== event.waitlisted;
    // Conditional on no claim since the read (a claim bumps lastSequence) and on the same capacity.
    const { updated } = await db
      .collection('events')
      .where({ _id: eventId, lastSequence: event.lastSequence, capacity: event.capacity, drainLeaseBy: token })
      .update({
        registered,
        waitlisted,
        openPlaces: openPlacesOf(event.capacity, { registered, waitlisted }),
        countsToCheck: false,
        drainLeaseUntil: 0,
      });
    released = updated === 1;
    if (!released) return false;
    // Mended or not, seats may be free for a waitlist that a drain could not see yet.
    if (promotableCount({ registered, waitlisted }, policyOf(event), now) > 0) promote = true;
  } finally {
    if (!released) await releaseLease(db, eventId, token);
  }
  if (promote) await fillFreeSeats(db, eventId, now);
  return mended;
}
