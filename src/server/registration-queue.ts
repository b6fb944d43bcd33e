/**
 * The sign-up queue of an event (see registrations.ts for why there is one): its drain lease,
 * the drain that decides pending requests in arrival order, and the wait of a member whose
 * request someone else is deciding.
 */
import { randomBytes } from 'node:crypto';
import { AppError, type ErrorCode } from '../contract';
import type { EventDoc, RegistrationDoc, RegistrationRequest } from '../db/documents';
import { registrationCutoff } from '../domain/event-lifecycle';
import {
  drainRequests,
  openPlacesOf,
  promotableCount,
  type QueuedRequest,
  type RequestDecision,
} from '../domain/registration';
import type { Database } from './cloud';
import { getDoc, withoutId } from './docs';
import { lockEvent } from './events';
import { isConflict, type Transaction } from './transaction';

/** Requests decided per transaction; a longer queue takes more rounds. */
const DRAIN_BATCH = 50;
/** Batches a lease holder decides before letting go (a queue longer than 40 × 50 waits for the next). */
const MAX_ROUNDS = 40;
/** How often, and how long, a drain waits for a waitlisted sign-up's registration to appear. */
const MAX_STALLS = 5;
const STALL_MS = 40;

export interface RegistrationChange {
  event: EventDoc;
  registration: RegistrationDoc | null;
  /** The registration's waitlist place, when the decision answered now put it there. */
  waitlistPosition?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function isActive(reg: RegistrationDoc | null): reg is RegistrationDoc {
  return reg !== null && (reg.status === 'registered' || reg.status === 'waitlisted');
}

/** How long a drainer may hold the event's queue; a holder that died is replaced after this. */
const LEASE_MS = 10_000;

/** Takes the event's drain lease (one conditional update); the token to release it with, or null. */
export async function takeLease(db: Database, eventId: string): Promise<string | null> {
  const _ = db.command;
  const token = randomBytes(8).toString('hex');
  const now = Date.now();
  const { updated } = await db
    .collection('events')
    .where({ _id: eventId, drainLeaseUntil: _.lt(now).or(_.exists(false)) })
    .update({ drainLeaseUntil: now + LEASE_MS, drainLeaseBy: token });
  return updated === 1 ? token : null;
}

export async function releaseLease(db: Database, eventId: string, token: string): Promise<void> {
  await db.collection('events').where({ _id: eventId, drainLeaseBy: token }).update({ drainLeaseUntil: 0 });
}

/**
 * Holding the lease: drains batch after batch until nothing is pending and no seat can be
 * filled; answers every registration it decided. A conflict (the event edited meanwhile) is
 * retried; the lease is released whatever happens.
 */
async function drainHeld(db: Database, eventId: string, token: string, now: Date): Promise<DrainOutcome> {
  const decided = new Map<string, RegistrationDoc>();
  let event: EventDoc | null = null;
  let released = false;
  let stalls = 0;
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      try {
        const outcome = await drainOnce(db, eventId, token, now);
        event = outcome.event;
        released = outcome.released === true;
        for (const [id, reg] of outcome.decided) decided.set(id, reg);
        // Such a registration follows its claim within a call; the scheduler's recount covers a
        // sign-up that died in between (registration-claims.ts).
        if (outcome.stalled && stalls++ < MAX_STALLS) {
          await sleep(STALL_MS);
          continue;
        }
        if (!outcome.more) break;
      } catch (err) {
        if (!isConflict(err)) throw err;
        await sleep(backoff(round));
      }
    }
  } finally {
    if (!released) await releaseLease(db, eventId, token);
  }
  if (!event) throw new AppError('CONFLICT');
  return { event, decided, more: false };
}

/**
 * Promotes waitlisted members into free seats (after a capacity rise) and decides what is pending.
 * A drainer at work may have looked at the event before the change, so this waits for its turn.
 */
export async function fillFreeSeats(db: Database, eventId: string, now: Date): Promise<void> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const token = await takeLease(db, eventId);
    if (token) {
      await drainHeld(db, eventId, token, now);
      return;
    }
    await sleep(backoff(round));
  }
}

/**
 * The scheduler's backstop: requests left pending for over a minute (their function died before
 * draining, and no one has signed up for that event since) are decided now. Answers how many
 * events it drained.
 */
export async function drainStalePending(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection('registrations')
    .where({ pending: true, 'request.at': _.lt(new Date(now.getTime() - 60_000)) })
    .orderBy('request.at', 'asc')
    .limit(1000)
    .get();
  const events = [...new Set((data as RegistrationDoc[]).map((r) => r.eventId))];
  for (const eventId of events) await fillFreeSeats(db, eventId, now);
  return events.length;
}

/** Polls of a member waiting for the drainer: soon at first, then less often, never in step. */
function backoff(round: number): number {
  return Math.min(300, 40 * round) * (0.75 + Math.random() / 2);
}

/**
 * Waits until the caller's request is decided, draining the queue whenever nobody else is, then
 * answers it: the outcome (with the counts as they were when it was decided), or the refusal.
 */
export async function settled(db: Database, event: EventDoc, id: string, now: Date): Promise<RegistrationChange> {
  const deadline = Date.now() + 2 * LEASE_MS;
  for (let round = 1; Date.now() < deadline; round++) {
    // A drainer at work decides this request too (it drains until the queue is empty), so after
    // the first try only every few rounds look for a free lease: each try is a database call.
    const token = round === 1 || round % 4 === 0 ? await takeLease(db, event._id) : null;
    if (token) {
      const outcome = await drainHeld(db, event._id, token, now);
      const mine = outcome.decided.get(id);
      if (mine) return answer(outcome.event, mine);
    }
    const mine = await getDoc<RegistrationDoc>(db, 'registrations', id);
    if (mine && !mine.pending) return answer({ ...event, ...mine.countsAtDecision }, mine);
    await sleep(backoff(round));
  }
  throw new AppError('CONFLICT');
}

function answer(event: EventDoc, reg: RegistrationDoc): RegistrationChange {
  if (reg.refusal) throw new AppError(reg.refusal satisfies ErrorCode);
  const position = reg.status === 'waitlisted' ? reg.positionAtDecision : null;
  return {
    event,
    registration: reg.status === 'pending' ? null : reg,
    // Known from the decision, so the answer needs no count of the waitlist.
    ...(typeof position === 'number' ? { waitlistPosition: position } : {}),
  };
}

interface DrainOutcome {
  event: EventDoc;
  decided: Map<string, RegistrationDoc>;
  /** True when requests or free seats remain for another round. */
  more: boolean;
  /** True when the round's transaction also let go of the lease (its last round). */
  released?: boolean;
  /** True when seats are free for waitlisted members whose registrations are not written yet. */
  stalled?: boolean;
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

export function policyOf(event: EventDoc) {
  return {
    capacity: event.capacity ?? undefined,
    signUpDeadline: event.signUpDeadline,
    promotionCutoff: registrationCutoff(event),
  };
}

/**
 * One round, by the lease holder: decides up to DRAIN_BATCH pending requests of the event and
 * promotes into free seats, in one transaction. Only the holder decides, so the plain queries
 * (transactions read documents by id only) see every decision made so far. A request a member
 * writes meanwhile on a registration this round writes, or an edit of the event, makes it
 * conflict, and the next round sees it.
 */
async function drainOnce(db: Database, eventId: string, token: string, now: Date): Promise<DrainOutcome> {
  // Read before the transaction begins: a request that arrives after its snapshot would make
  // writing it a conflict. Only the lease holder decides, so nothing read here is decided meanwhile.
  const [seen, live] = await Promise.all([getDoc<EventDoc>(db, 'events', eventId), pendingOf(db, eventId)]);
  if (!seen) throw new AppError('NOT_FOUND', '活动不存在或已被删除');
  // The waitlist's head is read only when seats are free or the queue frees some.
  const freeing = live.filter((r) => r.request?.op !== 'signUp' && isActive(r)).length;
  const headLimit = Math.min(promotableCount(seen, policyOf(seen), now) + freeing, seen.waitlisted, 1000);
  const waiting = await waitlistHead(db, eventId, headLimit);
  // Seats free for a waitlist not yet visible: a sign-up between its claim and its registration.
  if (live.length === 0 && waiting.length === 0)
    return { event: seen, decided: new Map(), more: false, stalled: headLimit > 0 };

  const run = db.runTransaction as unknown as <T>(work: (tx: Transaction) => Promise<T>, times: number) => Promise<T>;
  return run.call<Database, [(tx: Transaction) => Promise<DrainOutcome>, number], Promise<DrainOutcome>>(
    db,
    async (tx: Transaction) => {
      const event = await lockEvent(tx, eventId);

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
        // Marked in this transaction (no extra write): reminders/promotions.ts tells the member.
        const wasWaiting = byId.get(id)?.status === 'waitlisted';
        decided.set(id, {
          ...reg,
          status: 'registered',
          updatedAt: now,
          ...(wasWaiting ? { promotionNotice: 'due' } : {}),
        });
      }
      const countsAtDecision = { registered: result.state.registered, waitlisted: result.state.waitlisted };
      for (const [id, reg] of decided)
        decided.set(id, { ...reg, countsAtDecision, positionAtDecision: result.waitlistPositions.get(id) ?? null });
      const next: EventDoc = { ...event, ...result.state };
      const countsChanged =
        next.registered !== event.registered ||
        next.waitlisted !== event.waitlisted ||
        next.lastSequence !== event.lastSequence;
      const more = live.length === DRAIN_BATCH || promotableCount(result.state, policyOf(event), now) > 0;
      // The last round lets go of the lease in its own write of the event: one call fewer per drain.
      const releasing = !more && countsChanged && event.drainLeaseBy === token;
      // All writes of the round at once: they touch different documents of one transaction.
      await Promise.all([
        ...[...decided.values()].map((reg) => tx.collection('registrations').doc(reg._id).set(withoutId(reg))),
        ...(countsChanged
          ? [
              tx
                .collection('events')
                .doc(eventId)
                .update({
                  ...result.state,
                  openPlaces: openPlacesOf(event.capacity, result.state),
                  ...(releasing ? { drainLeaseUntil: 0 } : {}),
                }),
            ]
          : []),
      ]);
      return { event: next, decided, more, released: releasing };
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
