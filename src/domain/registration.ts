/**
 * Capacity and waitlist for event sign-up. Order is by a per-event sequence that only grows, so
 * "who was first" never depends on clocks of different function instances. The list-based
 * functions state the rules over all of an event's registrations; the handlers, which cannot read
 * them all inside a transaction, apply the same rules through placeFor and promotableCount over
 * the counters the event keeps.
 * A member has at most one active (registered or waitlisted) registration; cancelled ones stay as
 * history and a member may sign up again after cancelling.
 */
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

export interface Registration {
  id: string;
  memberId: string;
  status: RegistrationStatus;
  sequence: number;
}

export interface RegistrationPolicy {
  /** Seats; undefined means unlimited. */
  capacity?: number;
  /** Sign-up is accepted up to and including this instant. */
  signUpDeadline: Date;
  /**
   * Waitlisted members are promoted up to and including this instant; later, a freed seat stays
   * empty, because someone promoted at the last minute would be counted absent.
   */
  promotionCutoff: Date;
}

export interface RegistrationCounts {
  registered: number;
  waitlisted: number;
  cancelled: number;
}

export type SignUpDecision =
  | { outcome: 'registered'; sequence: number }
  /** position is 1-based among the waitlisted. */
  | { outcome: 'waitlisted'; sequence: number; position: number }
  | { outcome: 'alreadyRegistered'; registration: Registration; position: number | null }
  | { outcome: 'closed' };

export type CancellationDecision =
  | { outcome: 'notRegistered' }
  /** promoted: waitlisted registrations to mark registered, in the order they signed up. */
  | { outcome: 'cancelled'; registration: Registration; promoted: Registration[] };

function assertPolicy(policy: RegistrationPolicy): void {
  const { capacity } = policy;
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 0)) {
    throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  }
}

export function countsOf(registrations: readonly Registration[]): RegistrationCounts {
  const counts: RegistrationCounts = { registered: 0, waitlisted: 0, cancelled: 0 };
  for (const r of registrations) counts[r.status] += 1;
  return counts;
}

function bySequence(a: Registration, b: Registration): number {
  return a.sequence - b.sequence;
}

function waitlistOf(registrations: readonly Registration[]): Registration[] {
  return registrations.filter((r) => r.status === 'waitlisted').sort(bySequence);
}

export function activeRegistrationOf(
  registrations: readonly Registration[],
  memberId: string,
): Registration | undefined {
  return registrations.find((r) => r.memberId === memberId && r.status !== 'cancelled');
}

/** 1-based place in the waitlist, or null when the member is not waitlisted. */
export function waitlistPosition(registrations: readonly Registration[], memberId: string): number | null {
  const index = waitlistOf(registrations).findIndex((r) => r.memberId === memberId);
  return index === -1 ? null : index + 1;
}

export function nextSequence(registrations: readonly Registration[]): number {
  return registrations.reduce((max, r) => Math.max(max, r.sequence), 0) + 1;
}

export function decideSignUp(
  registrations: readonly Registration[],
  memberId: string,
  policy: RegistrationPolicy,
  now: Date,
): SignUpDecision {
  assertPolicy(policy);
  const existing = activeRegistrationOf(registrations, memberId);
  if (existing)
    return {
      outcome: 'alreadyRegistered',
      registration: existing,
      position: waitlistPosition(registrations, memberId),
    };
  if (now.getTime() > policy.signUpDeadline.getTime()) return { outcome: 'closed' };
  const counts = countsOf(registrations);
  const sequence = nextSequence(registrations);
  if (placeFor(counts, policy.capacity) === 'registered') return { outcome: 'registered', sequence };
  return { outcome: 'waitlisted', sequence, position: counts.waitlisted + 1 };
}

/** The two counters an event keeps, enough to place a newcomer without reading every registration. */
export type SeatCounts = Pick<RegistrationCounts, 'registered' | 'waitlisted'>;

/**
 * Where a newcomer goes. Seats held for people already waiting are not free: a newcomer never
 * overtakes the queue, even when a seat is momentarily free before a promotion.
 */
export function placeFor(counts: SeatCounts, capacity: number | undefined): 'registered' | 'waitlisted' {
  return capacity === undefined || counts.registered + counts.waitlisted < capacity ? 'registered' : 'waitlisted';
}

/**
 * Places a newcomer may take as a seat: capacity less everyone registered or waiting (seats free
 * while people wait are theirs). Zero or below sends a newcomer to the waitlist; null: no limit.
 * The event keeps it beside its counters so that one conditional update can claim a place.
 */
export function openPlacesOf(capacity: number | null, counts: SeatCounts): number | null {
  return capacity === null ? null : capacity - counts.registered - counts.waitlisted;
}

/** The counters of an event nobody has signed up for yet. */
export function noPlacesTaken(capacity: number | null): QueueState & { openPlaces: number | null } {
  return { registered: 0, waitlisted: 0, lastSequence: 0, openPlaces: capacity };
}

/** How many of the waitlist's head may be promoted now (0 after the cut-off). */
export function promotableCount(counts: SeatCounts, policy: RegistrationPolicy, now: Date): number {
  assertPolicy(policy);
  if (now.getTime() > policy.promotionCutoff.getTime()) return 0;
  if (policy.capacity === undefined) return counts.waitlisted;
  return Math.max(0, Math.min(counts.waitlisted, policy.capacity - counts.registered));
}

/** Waitlisted registrations that free seats allow to promote now, first come first served. */
export function promotions(
  registrations: readonly Registration[],
  policy: RegistrationPolicy,
  now: Date,
): Registration[] {
  return waitlistOf(registrations).slice(0, promotableCount(countsOf(registrations), policy, now));
}

export function decideCancellation(
  registrations: readonly Registration[],
  memberId: string,
  policy: RegistrationPolicy,
  now: Date,
): CancellationDecision {
  const existing = activeRegistrationOf(registrations, memberId);
  if (!existing) return { outcome: 'notRegistered' };
  const after = registrations.map((r) => (r === existing ? { ...r, status: 'cancelled' as const } : r));
  return { outcome: 'cancelled', registration: existing, promoted: promotions(after, policy, now) };
}

// ── The sign-up queue ─────────────────────────────────────────────────────────
// Members do not write the event's counters themselves: each writes a request on their own
// registration, and whoever drains the event's requests decides them all in arrival order in one
// transaction (see server/registrations.ts). These are the rules that drain applies. Deadlines are
// checked by the requester, with its clock, just before it writes the request; the drain checks
// only what may have changed since (the event cancelled, the place already given up).

export type RequestOp = 'signUp' | 'cancel' | 'release';

/** Why a request was refused; the codes are the contract's error codes of the same meaning. */
export type RequestRefusal = 'EVENT_CANCELLED' | 'NOT_FOUND' | 'NOT_REGISTERED';

export interface QueuedRequest {
  id: string;
  op: RequestOp;
  /** When the request reached the database (its clock, one for every function instance). */
  at: Date;
  /** The registration's status when the request was made; 'pending' for a first sign-up. */
  status: RegistrationStatus | 'pending';
}

export interface QueueState extends SeatCounts {
  lastSequence: number;
}

export interface QueueEvent {
  status: 'draft' | 'published' | 'cancelled';
  capacity: number | undefined;
  signUpDeadline: Date;
  /** The waitlist moves up until this instant (the start). */
  cutoff: Date;
}

export type RequestDecision =
  | { id: string; outcome: 'placed'; status: 'registered' | 'waitlisted'; sequence: number; signedUpAt: Date }
  | { id: string; outcome: 'unchanged' }
  | { id: string; outcome: 'cancelled' }
  | { id: string; outcome: 'refused'; refusal: RequestRefusal };

export interface DrainResult {
  decisions: RequestDecision[];
  /** Waitlisted registrations given a seat, in queue order. */
  promoted: string[];
  /** Places on the waitlist (1 = next in line) of those these requests put on it, once decided. */
  waitlistPositions: Map<string, number>;
  state: QueueState;
}

const ACTIVE = new Set(['registered', 'waitlisted']);

/**
 * Decides `requests` in order, then promotes from the head of the waitlist into free seats.
 * `waitlistHead` is the event's waitlist in sequence order as it stood before these requests
 * (at least as long as the number of seats that can free up, or the whole waitlist).
 */
export function drainRequests(
  event: QueueEvent,
  state: QueueState,
  requests: readonly QueuedRequest[],
  waitlistHead: readonly string[],
  now: Date,
): DrainResult {
  let { registered, waitlisted, lastSequence } = state;
  const decisions: RequestDecision[] = [];
  const leftWaitlist = new Set<string>();
  const joinedWaitlist: string[] = [];
  for (const request of requests) {
    const active = ACTIVE.has(request.status);
    if (request.op === 'signUp') {
      if (active) decisions.push({ id: request.id, outcome: 'unchanged' });
      else if (event.status !== 'published')
        decisions.push({
          id: request.id,
          outcome: 'refused',
          refusal: event.status === 'cancelled' ? 'EVENT_CANCELLED' : 'NOT_FOUND',
        });
      else {
        const status = placeFor({ registered, waitlisted }, event.capacity);
        lastSequence += 1;
        if (status === 'registered') registered += 1;
        else {
          waitlisted += 1;
          joinedWaitlist.push(request.id);
        }
        decisions.push({ id: request.id, outcome: 'placed', status, sequence: lastSequence, signedUpAt: request.at });
      }
      continue;
    }
    if (!active) decisions.push({ id: request.id, outcome: 'refused', refusal: 'NOT_REGISTERED' });
    else {
      if (request.status === 'registered') registered -= 1;
      else {
        waitlisted -= 1;
        leftWaitlist.add(request.id);
      }
      decisions.push({ id: request.id, outcome: 'cancelled' });
    }
  }
  const queue = [...waitlistHead.filter((id) => !leftWaitlist.has(id)), ...joinedWaitlist];
  const policy = { capacity: event.capacity, signUpDeadline: event.signUpDeadline, promotionCutoff: event.cutoff };
  const promoted = queue.slice(0, promotableCount({ registered, waitlisted }, policy, now));
  registered += promoted.length;
  waitlisted -= promoted.length;
  // Those who joined the waitlist now and still wait are its tail, in the order they joined.
  const promotedNow = new Set(promoted);
  const stillWaiting = joinedWaitlist.filter((id) => !promotedNow.has(id));
  const waitlistPositions = new Map(stillWaiting.map((id, i) => [id, waitlisted - stillWaiting.length + i + 1]));
  return { decisions, promoted, waitlistPositions, state: { registered, waitlisted, lastSequence } };
}
