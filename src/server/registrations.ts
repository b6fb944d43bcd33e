/**
 * Sign-up, cancellation, release and waitlist promotion, built for CloudBase's transactions, which
 * do not wait: two transactions that write the same document conflict and one is aborted. On the
 * morning of a theme day hundreds of members act on one event at once, so no member writes the
 * event's counters. Instead:
 *
 * 1. A member writes a request on their own registration (`${eventId}_${openid}`, so one per
 *    member by construction), stamped with the database's clock (`serverDate`). Requests of
 *    different members never touch the same document.
 * 2. They then drain the event's queue: one transaction reads the event and the oldest pending
 *    requests, decides them all in arrival order (domain/registration.ts drainRequests), writes
 *    their outcomes and the counters, and promotes from the waitlist. Concurrent drains conflict
 *    on the event; the one that commits has decided everyone it saw, so the others, retrying, find
 *    their own request already decided and return it. Nobody is answered CONFLICT merely because
 *    others acted at the same moment.
 *
 * Counters, statuses and sequences change only inside a drain's transaction, so they never
 * disagree, and a request whose function died before draining is decided by the next drain (or
 * the scheduler's sweep): nothing is left half-done. CloudBase transactions support document
 * reads by id, not queries: the queue and the waitlist head are read with plain queries once the
 * drain holds the event (see drainOnce).
 */
import { AppError, type ErrorCode } from '../contract';
import type { EventDoc, RegistrationDoc, RegistrationRequest } from '../db/documents';
import type { Actor } from '../domain/event-access';
import { registrationCutoff, signUpOpen } from '../domain/event-lifecycle';
import {
  drainRequests,
  promotableCount,
  type QueuedRequest,
  type RequestOp,
  type RequestDecision,
} from '../domain/registration';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite, registrationId, withoutId } from './docs';
import { lockEvent } from './events';
import type { Transaction } from './transaction';

/** Requests decided per transaction; a longer queue takes more rounds. */
const DRAIN_BATCH = 50;
/** Rounds a caller drains for before giving up with CONFLICT (each round someone commits). */
const MAX_ROUNDS = 40;
const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

export interface RegistrationChange {
  event: EventDoc;
  registration: RegistrationDoc | null;
}

export interface Requester {
  openid: string;
  name: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === CONFLICT_CODE;
}

function isActive(reg: RegistrationDoc | null): reg is RegistrationDoc {
  return reg !== null && (reg.status === 'registered' || reg.status === 'waitlisted');
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
  reg: RegistrationDoc | null,
  fresh: () => RegistrationDoc,
  request: RegistrationRequest,
  now: Date,
): Promise<boolean> {
  const _ = db.command;
  if (!reg) {
    try {
      await db.collection('registrations').add(fresh());
      return true;
    } catch (err) {
      if (isDuplicateWrite(err)) return false;
      throw err;
    }
  }
  // Conditional on nothing pending, so two taps cannot both write a request.
  const { updated } = await db
    .collection('registrations')
    .where({ _id: reg._id, pending: _.neq(true) })
    .update({ pending: true, request, refusal: null, updatedAt: now });
  return updated === 1;
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
  const id = registrationId(event._id, actor.openid);
  const existing = await getDoc<RegistrationDoc>(db, 'registrations', id);
  // A double tap, or a retry on a weak network, answers the first sign-up.
  if (isActive(existing) && !existing.pending) return { event, registration: existing };
  if (!signUpOpen(event, now)) throw new AppError('SIGNUP_CLOSED');
  const request = requestOf(db, 'signUp', { openid: actor.openid, name }, null);
  await writeRequest(
    db,
    existing,
    () => ({
      _id: id,
      eventId: event._id,
      memberId: actor.openid,
      branchId: actor.branchId,
      name,
      status: 'pending',
      sequence: 0,
      signedUpAt: now,
      updatedAt: now,
      pending: true,
      request,
      refusal: null,
      released: null,
    }),
    request,
    now,
  );
  return settled(db, event._id, id, now);
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
  await writeRequest(db, existing, () => existing, requestOf(db, 'cancel', by, null), now);
  return settled(db, event._id, id, now);
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
  const existing = await getDoc<RegistrationDoc>(db, 'registrations', id);
  if (!isActive(existing)) throw new AppError('NOT_REGISTERED', '此成员没有报名此活动');
  await writeRequest(db, existing, () => existing, requestOf(db, 'release', by, reason), now);
  return settled(db, eventId, id, now);
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
    await releaseRegistration(db, reg.eventId, memberId, by, reason, now);
    released += 1;
  }
  return released;
}

/** Promotes waitlisted members into free seats (after a capacity rise). */
export async function fillFreeSeats(db: Database, eventId: string, now: Date): Promise<void> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    try {
      const outcome = await drainOnce(db, eventId, now);
      if (!outcome.more) return;
    } catch (err) {
      if (!isConflict(err)) throw err;
      await sleep(backoff(round));
    }
  }
}

/** Decides every request still pending on `eventId` (the scheduler's sweep after a crash). */
export const drainEvent = fillFreeSeats;

function backoff(round: number): number {
  return Math.random() * Math.min(50, 5 * round);
}

/**
 * Drains until the caller's request is decided, then answers it: the outcome, or the refusal
 * the queue gave it.
 */
async function settled(db: Database, eventId: string, id: string, now: Date): Promise<RegistrationChange> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    try {
      const outcome = await drainOnce(db, eventId, now);
      const mine = outcome.decided.get(id);
      if (mine) return answer(outcome.event, mine);
    } catch (err) {
      if (!isConflict(err)) throw err;
      await sleep(backoff(round));
    }
    const mine = await getDoc<RegistrationDoc>(db, 'registrations', id);
    if (mine && !mine.pending) {
      const event = await getDoc<EventDoc>(db, 'events', eventId);
      if (!event) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
      return answer(event, mine);
    }
  }
  throw new AppError('CONFLICT');
}

function answer(event: EventDoc, reg: RegistrationDoc): RegistrationChange {
  if (reg.refusal) throw new AppError(reg.refusal satisfies ErrorCode);
  return { event, registration: reg.status === 'pending' ? null : reg };
}

interface DrainOutcome {
  event: EventDoc;
  decided: Map<string, RegistrationDoc>;
  /** True when requests or free seats remain for another round. */
  more: boolean;
}

async function pendingOf(db: Database, eventId: string): Promise<RegistrationDoc[]> {
  const { data } = await db
    .collection('registrations')
    .where({ eventId, pending: true })
    .orderBy('request.at', 'asc')
    .limit(DRAIN_BATCH)
    .get();
  return data as RegistrationDoc[];
}

async function waitlistHead(db: Database, eventId: string, size: number): Promise<RegistrationDoc[]> {
  if (size === 0) return [];
  const { data } = await db
    .collection('registrations')
    .where({ eventId, status: 'waitlisted' })
    .orderBy('sequence', 'asc')
    .limit(size)
    .get();
  return data as RegistrationDoc[];
}

function policyOf(event: EventDoc) {
  return {
    capacity: event.capacity ?? undefined,
    signUpDeadline: event.signUpDeadline,
    promotionCutoff: registrationCutoff(event),
  };
}

/**
 * One round: decides up to DRAIN_BATCH pending requests of the event and promotes into free seats.
 * The transaction writes the event first: a concurrent drain fails right there, before doing any
 * work, and while this one holds the event no other drain can commit, so the plain queries that
 * follow see every decision made so far. A request or cancellation a member writes meanwhile on a
 * registration this drain then writes makes it conflict, and the next round sees it.
 */
async function drainOnce(db: Database, eventId: string, now: Date): Promise<DrainOutcome> {
  const run = db.runTransaction as unknown as <T>(work: (tx: Transaction) => Promise<T>, times: number) => Promise<T>;
  return run.call<Database, [(tx: Transaction) => Promise<DrainOutcome>, number], Promise<DrainOutcome>>(
    db,
    async (tx: Transaction) => {
      await tx.collection('events').doc(eventId).update({ drainedAt: now });
      const event = await lockEvent(tx, eventId);
      const live = await pendingOf(db, eventId);
      // The waitlist's head is read only when seats are free or the queue frees some.
      const freeing = live.filter((r) => r.request?.op !== 'signUp' && isActive(r)).length;
      const headLimit = Math.min(promotableCount(event, policyOf(event), now) + freeing, event.waitlisted, 1000);
      const waiting = await waitlistHead(db, eventId, headLimit);

      const result = drainRequests(
        {
          status: event.status,
          capacity: event.capacity ?? undefined,
          signUpDeadline: event.signUpDeadline,
          cutoff: registrationCutoff(event),
        },
        { registered: event.registered, waitlisted: event.waitlisted, lastSequence: event.lastSequence },
        live.map(
          (r): QueuedRequest => ({
            id: r._id,
            op: (r.request as RegistrationRequest).op,
            at: (r.request as RegistrationRequest).at,
            status: r.status,
          }),
        ),
        waiting.map((r) => r._id),
        now,
      );

      const byId = new Map<string, RegistrationDoc>([
        ...waiting.map((r) => [r._id, r] as const),
        ...live.map((r) => [r._id, r] as const),
      ]);
      const decided = new Map<string, RegistrationDoc>();
      for (const decision of result.decisions) {
        decided.set(decision.id, decide(byId.get(decision.id) as RegistrationDoc, decision, now));
      }
      for (const id of result.promoted) {
        const reg = decided.get(id) ?? (byId.get(id) as RegistrationDoc);
        decided.set(id, { ...reg, status: 'registered', updatedAt: now });
      }
      await Promise.all(
        [...decided.values()].map((reg) => tx.collection('registrations').doc(reg._id).set(withoutId(reg))),
      );
      const next: EventDoc = { ...event, ...result.state };
      if (
        next.registered !== event.registered ||
        next.waitlisted !== event.waitlisted ||
        next.lastSequence !== event.lastSequence
      )
        await tx.collection('events').doc(eventId).update(result.state);
      const more = live.length === DRAIN_BATCH || promotableCount(result.state, policyOf(event), now) > 0;
      return { event: next, decided, more };
    },
    0,
  );
}

/** The registration after the queue's decision on its request. */
function decide(reg: RegistrationDoc, decision: RequestDecision, now: Date): RegistrationDoc {
  const request = reg.request as RegistrationRequest;
  const settledReg = { ...reg, pending: false, request: null, refusal: null, updatedAt: now };
  switch (decision.outcome) {
    case 'placed':
      return {
        ...settledReg,
        status: decision.status,
        sequence: decision.sequence,
        signedUpAt: decision.signedUpAt,
        released: null,
      };
    case 'unchanged':
      return settledReg;
    case 'cancelled':
      return {
        ...settledReg,
        status: 'cancelled',
        released:
          request.op === 'release'
            ? { by: request.by, byName: request.byName, at: now, reason: request.reason ?? '' }
            : null,
      };
    case 'refused':
      return { ...settledReg, refusal: decision.refusal };
  }
}
