/**
 * When check-in is accepted for an event: from a configurable time before the start until the
 * end. Arriving after the start still counts as attendance but is recorded as late, which the
 * attendance report shows separately. Works on instants only, so no time zone is involved.
 */
export const DEFAULT_OPENS_BEFORE_MINUTES = 30;

export interface CheckInWindowInput {
  startsAt: Date;
  endsAt: Date;
  opensBeforeMinutes: number;
}

export type CheckInWindowState =
  | { state: 'notOpen'; opensAt: Date }
  /** onTime up to and including the start instant, late after it. */
  | { state: 'open'; timing: 'onTime' | 'late' }
  /** From endsAt on. */
  | { state: 'closed' };

export function checkInOpensAt(input: CheckInWindowInput): Date {
  if (!Number.isFinite(input.opensBeforeMinutes) || input.opensBeforeMinutes < 0) {
    throw new RangeError(`opensBeforeMinutes must be a non-negative number, got ${input.opensBeforeMinutes}`);
  }
  return new Date(input.startsAt.getTime() - input.opensBeforeMinutes * 60_000);
}

export function checkInWindowState(input: CheckInWindowInput, now: Date): CheckInWindowState {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new RangeError('event must end after it starts');
  const opensAt = checkInOpensAt(input);
  const t = now.getTime();
  if (t < opensAt.getTime()) return { state: 'notOpen', opensAt };
  if (t >= input.endsAt.getTime()) return { state: 'closed' };
  return { state: 'open', timing: t <= input.startsAt.getTime() ? 'onTime' : 'late' };
}
