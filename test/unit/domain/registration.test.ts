import {
  countsOf,
  decideCancellation,
  decideSignUp,
  promotions,
  waitlistPosition,
  type Registration,
  type RegistrationPolicy,
  type RegistrationStatus,
} from '../../../src/domain/registration';

const reg = (memberId: string, status: RegistrationStatus, sequence: number): Registration => ({
  id: `r${sequence}`,
  memberId,
  status,
  sequence,
});
const deadline = new Date('2026-10-07T10:00:00Z');
const policy = (capacity?: number, promotionCutoff = new Date('2026-10-08T04:30:00Z')): RegistrationPolicy => ({
  ...(capacity === undefined ? {} : { capacity }),
  signUpDeadline: deadline,
  promotionCutoff,
});
const before = new Date('2026-10-06T00:00:00Z');

/** Two seats taken, two waiting (listed out of order on purpose), one cancelled. */
const full: Registration[] = [
  reg('ann', 'registered', 1),
  reg('bo', 'cancelled', 2),
  reg('cy', 'registered', 3),
  reg('ed', 'waitlisted', 5),
  reg('di', 'waitlisted', 4),
];

describe('countsOf', () => {
  it('counts each status', () => {
    expect(countsOf(full)).toEqual({ registered: 2, waitlisted: 2, cancelled: 1 });
    expect(countsOf([])).toEqual({ registered: 0, waitlisted: 0, cancelled: 0 });
  });
});

describe('decideSignUp', () => {
  it('registers while a seat is free, with the next sequence', () => {
    expect(decideSignUp(full.slice(0, 2), 'fay', policy(2), before)).toEqual({ outcome: 'registered', sequence: 3 });
  });

  it('registers without limit when there is no capacity', () => {
    expect(decideSignUp(full, 'fay', policy(), before)).toEqual({ outcome: 'registered', sequence: 6 });
  });

  it('waitlists behind those already waiting when full', () => {
    expect(decideSignUp(full, 'fay', policy(2), before)).toEqual({ outcome: 'waitlisted', sequence: 6, position: 3 });
    expect(decideSignUp(full.slice(0, 3), 'fay', policy(2), before)).toEqual({
      outcome: 'waitlisted',
      sequence: 4,
      position: 1,
    });
  });

  it('does not let a newcomer overtake the waitlist when seats were added', () => {
    expect(decideSignUp(full, 'fay', policy(3), before)).toEqual({ outcome: 'waitlisted', sequence: 6, position: 3 });
    expect(decideSignUp(full, 'fay', policy(5), before)).toEqual({ outcome: 'registered', sequence: 6 });
  });

  it('reports an existing registration or waitlist place, even after the deadline', () => {
    expect(decideSignUp(full, 'ann', policy(2), before)).toEqual({
      outcome: 'alreadyRegistered',
      registration: full[0],
      position: null,
    });
    const late = new Date(deadline.getTime() + 1);
    expect(decideSignUp(full, 'ed', policy(2), late)).toEqual({
      outcome: 'alreadyRegistered',
      registration: full[3],
      position: 2,
    });
  });

  it('lets a member who cancelled sign up again', () => {
    expect(decideSignUp(full, 'bo', policy(), before)).toEqual({ outcome: 'registered', sequence: 6 });
  });

  it('accepts up to and including the deadline, then is closed', () => {
    expect(decideSignUp([], 'fay', policy(2), deadline).outcome).toBe('registered');
    expect(decideSignUp([], 'fay', policy(2), new Date(deadline.getTime() + 1))).toEqual({ outcome: 'closed' });
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => decideSignUp([], 'fay', policy(-1), before)).toThrow(RangeError);
    expect(() => decideSignUp([], 'fay', policy(1.5), before)).toThrow(RangeError);
  });
});

describe('waitlistPosition', () => {
  it('orders by sequence, not by list order', () => {
    expect(waitlistPosition(full, 'di')).toBe(1);
    expect(waitlistPosition(full, 'ed')).toBe(2);
    expect(waitlistPosition(full, 'ann')).toBeNull();
  });
});

describe('decideCancellation', () => {
  it('promotes the first waitlisted when a registered member cancels', () => {
    const decision = decideCancellation(full, 'cy', policy(2), before);
    expect(decision).toEqual({ outcome: 'cancelled', registration: full[2], promoted: [full[4]] });
  });

  it('promotes nobody when a waitlisted member cancels', () => {
    expect(decideCancellation(full, 'di', policy(2), before)).toEqual({
      outcome: 'cancelled',
      registration: full[4],
      promoted: [],
    });
  });

  it('promotes nobody after the cut-off, and still does at the cut-off itself', () => {
    const cutoff = new Date('2026-10-08T04:30:00Z');
    expect(decideCancellation(full, 'cy', policy(2, cutoff), new Date(cutoff.getTime() + 1))).toEqual({
      outcome: 'cancelled',
      registration: full[2],
      promoted: [],
    });
    expect(decideCancellation(full, 'cy', policy(2, cutoff), cutoff)).toMatchObject({ promoted: [full[4]] });
  });

  it('fills every free seat in order when capacity was raised', () => {
    expect(decideCancellation(full, 'ann', policy(4), before)).toMatchObject({ promoted: [full[4], full[3]] });
  });

  it('says so when the member has nothing to cancel', () => {
    expect(decideCancellation(full, 'bo', policy(2), before)).toEqual({ outcome: 'notRegistered' });
    expect(decideCancellation(full, 'zed', policy(2), before)).toEqual({ outcome: 'notRegistered' });
  });
});

describe('promotions', () => {
  it('promotes nobody while the event is full', () => {
    expect(promotions(full, policy(2), before)).toEqual([]);
  });

  it('empties the waitlist once capacity is removed', () => {
    expect(promotions(full, policy(), before)).toEqual([full[4], full[3]]);
  });
});
