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
