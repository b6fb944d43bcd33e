/**
 * Sign-up, cancellation, release and waitlist promotion, built for CloudBase's transactions, which
 * do not wait: two transactions that write the same document conflict and one is aborted. On the
 * morning of a theme day hundreds of members act on one event at once, so no member runs a
 * transaction over the event. Instead:
 *
 * 1. A first sign-up claims its place with one conditional update of the event, which the
 *    database serialises without aborting anyone, and then writes the registration it decided
 *    (registration-claims.ts). Nobody waits for anybody.
 * 2. Everything else that moves places (a cancellation, a secretary's release, leaving the
 *    branch, and a sign-up a claim cannot decide) writes a request on the member's own
 *    registration (`${eventId}_${openid}`, so one per member by construction), stamped with the
 *    database's clock. The queue is drained by one writer at a time, holding a lease on the
 *    event: it decides the pending requests in arrival order (domain/registration.ts
 *    drainRequests), a batch per transaction that writes their outcomes, the counters and the
 *    promotions from the head of the waitlist. The requester waits for its own decision, and
 *    takes the lease itself if it is free (registration-queue.ts).
 *
 * Nobody is answered CONFLICT merely because others acted at the same moment. A request whose
 * function died before draining is decided by the next drain or the scheduler's sweep, and a
 * claim whose function died before its registration by the scheduler's recount: nothing is left
 * half-done for longer than that.
 */
import { AppError } from '../contract';
import type { EventDoc, RegistrationDoc, RegistrationRequest } from '../db/documents';
import type { Actor } from '../domain/event-access';
import { registrationCutoff, signUpOpen } from '../domain/event-lifecycle';
import type { RequestOp } from '../domain/registration';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite, registrationId } from './docs';
import { claimPlace, giveBack, placeHint, remember, type Claim } from './registration-claims';
import { isActive, settled, type RegistrationChange } from './registration-queue';

export { repairClaimedCounts } from './registration-claims';
export { drainStalePending, fillFreeSeats, type RegistrationChange } from './registration-queue';

export interface Requester {
  openid: string;
  name: string;
}

function assertOpenFor(event: EventDoc): void {
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (event.status !== 'published') throw new AppError('NOT_FOUND', '活动尚未发布');
}

function requestOf(db: Database, op: RequestOp, by: Requester, reason: string | null): RegistrationRequest {
  // serverDate: one clock for every function instance, so arrival order is the database's.
  return { op, at: db.serverDate() as unknown as Date, by: by.openid, byName: by.name, reason };
}

/**
 * Writes `op` as the registration's pending request. Returns false when another request of the
 * same member is already waiting (a double tap): the caller just waits for it to be decided.
 */
async function writeRequest(
  db: Database,
  reg: RegistrationDoc,
  request: RegistrationRequest,
  now: Date,
): Promise<boolean> {
  const _ = db.command;
  // Conditional on nothing pending, so two taps cannot both write a request.
  const { updated } = await db
    .collection('registrations')
    .where({ _id: reg._id, pending: _.neq(true) })
    .update({ pending: true, request, refusal: null, updatedAt: now });
  return updated === 1;
}

/** The member's first registration for the event; false when they already have one. */
async function insertRegistration(db: Database, fresh: RegistrationDoc): Promise<boolean> {
  try {
    await db.collection('registrations').add(fresh);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

function firstRegistration(db: Database, eventId: string, actor: Actor, name: string, now: Date): RegistrationDoc {
  return {
    _id: registrationId(eventId, actor.openid),
    eventId,
    memberId: actor.openid,
    branchId: actor.branchId,
    name,
    status: 'pending',
    sequence: 0,
    signedUpAt: now,
    updatedAt: now,
    pending: true,
    request: requestOf(db, 'signUp', { openid: actor.openid, name }, null),
    refusal: null,
    released: null,
  };
}

/**
 * A sign-up by a warm instance that has seen the event lately: it claims without reading the
 * event first (the claim checks what the read would). Null when there is no hint or the claim
 * failed: the caller then reads the event and signs up with it (`signUp`).
 */
export async function signUpByHint(
  db: Database,
  eventId: string,
  actor: Actor,
  name: string,
  now: Date,
): Promise<RegistrationChange | null> {
  const hint = placeHint(eventId);
  const claim = hint ? await claimPlace(db, hint, actor, now) : null;
  if (!claim) return null;
  const fresh = firstRegistration(db, eventId, actor, name, now);
  return placeOrHandBack(db, fresh, claim, now);
}

/** Sign up for a seat or a waitlist place; signing up again answers the standing registration. */
export async function signUp(
  db: Database,
  event: EventDoc,
  actor: Actor,
  name: string,
  now: Date,
): Promise<RegistrationChange> {
  assertOpenFor(event);
  remember(event);
  const fresh = firstRegistration(db, event._id, actor, name, now);
  // Most sign-ups are a member's first for the event: a claim, then the registration it decided.
  const claim = signUpOpen(event, now) ? await claimPlace(db, event, actor, now) : null;
  if (!claim) return afterFailedClaim(db, event, fresh, now);
  return placeOrHandBack(db, fresh, claim, now);
}

/** The registration a claim decided, or, when the member already has one, the claim handed back. */
async function placeOrHandBack(
  db: Database,
  fresh: RegistrationDoc,
  claim: Claim,
  now: Date,
): Promise<RegistrationChange> {
  return (await placeClaimed(db, fresh, claim)) ?? afterFailedClaim(db, await giveBack(db, claim, now), fresh, now);
}

/** What a claim cannot decide: a standing registration, or a change only the queue decides. */
async function afterFailedClaim(
  db: Database,
  event: EventDoc,
  fresh: RegistrationDoc,
  now: Date,
): Promise<RegistrationChange> {
  const existing = await getDoc<RegistrationDoc>(db, 'registrations', fresh._id);
  // A double tap, or a retry on a weak network, answers the first sign-up.
  if (isActive(existing) && !existing.pending) return { event, registration: existing };
  if (!signUpOpen(event, now)) throw new AppError('SIGNUP_CLOSED');
  if (existing) await writeRequest(db, existing, fresh.request as RegistrationRequest, now);
  else await insertRegistration(db, fresh);
  return settled(db, event, fresh._id, now);
}

/**
 * Writes the registration a claim decided: a first one, or a cancelled one taken up again. Null
 * when the member has a registration that is not cancelled (the claim is then handed back).
 */
async function placeClaimed(db: Database, fresh: RegistrationDoc, claim: Claim): Promise<RegistrationChange | null> {
  const placed: RegistrationDoc = {
    ...fresh,
    status: claim.status,
    sequence: claim.sequence,
    signedUpAt: claim.at,
    pending: false,
    request: null,
    countsAtDecision: claim.counts,
    positionAtDecision: claim.waitlistPosition,
  };
  const answer = {
    event: claim.event,
    registration: placed,
    ...(claim.waitlistPosition === null ? {} : { waitlistPosition: claim.waitlistPosition }),
  };
  if (await insertRegistration(db, placed)) return answer;
  const _ = db.command;
  const { _id, ...fields } = placed;
  const { updated } = await db
    .collection('registrations')
    .where({ _id, status: 'cancelled', pending: _.neq(true) })
    .update({ ...fields, released: null, promotionNotice: _.remove() });
  return updated === 1 ? answer : null;
}

/** Cancels the caller's registration; the seat goes to the next in line. */
export async function cancelRegistration(
  db: Database,
  event: EventDoc,
  actor: Actor,
  now: Date,
): Promise<RegistrationChange> {
  if (now.getTime() >= registrationCutoff(event).getTime()) throw new AppError('REGISTRATION_LOCKED');
  const id = registrationId(event._id, actor.openid);
  const existing = await getDoc<RegistrationDoc>(db, 'registrations', id);
  if (!isActive(existing)) throw new AppError('NOT_REGISTERED');
  const by = { openid: actor.openid, name: existing.name };
  await writeRequest(db, existing, requestOf(db, 'cancel', by, null), now);
  return settled(db, event, id, now);
}

/**
 * A secretary releases a member's place, with a reason kept on the registration; also used when a
 * member leaves, is removed or transfers away (their future places go to the next in line).
 */
export async function releaseRegistration(
  db: Database,
  eventId: string,
  memberId: string,
  by: Requester,
  reason: string,
  now: Date,
): Promise<RegistrationChange> {
  const id = registrationId(eventId, memberId);
  const [event, existing] = await Promise.all([
    getDoc<EventDoc>(db, 'events', eventId),
    getDoc<RegistrationDoc>(db, 'registrations', id),
  ]);
  if (!event) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  if (!isActive(existing)) throw new AppError('NOT_REGISTERED', '此成员没有报名此活动');
  return requestRelease(db, event, existing, by, reason, now);
}

async function requestRelease(
  db: Database,
  event: EventDoc,
  reg: RegistrationDoc,
  by: Requester,
  reason: string,
  now: Date,
): Promise<RegistrationChange> {
  await writeRequest(db, reg, requestOf(db, 'release', by, reason), now);
  return settled(db, event, reg._id, now);
}

/** Releases every place `memberId` holds in events that have not started yet. */
export async function releaseFuturePlaces(
  db: Database,
  memberId: string,
  by: Requester,
  reason: string,
  now: Date,
): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection('registrations')
    .where({ memberId, status: _.in(['registered', 'waitlisted']) })
    .limit(1000)
    .get();
  let released = 0;
  for (const reg of data as RegistrationDoc[]) {
    const event = await getDoc<EventDoc>(db, 'events', reg.eventId);
    if (!event || event.startsAt.getTime() <= now.getTime()) continue;
    await requestRelease(db, event, reg, by, reason, now);
    released += 1;
  }
  return released;
}
