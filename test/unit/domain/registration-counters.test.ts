import { placeFor, promotableCount } from '../../../src/domain/registration';

const policy = (capacity: number | undefined, cutoff = '2026-03-15T06:30:00Z') => ({
  capacity,
  signUpDeadline: new Date('2026-03-14T16:00:00Z'),
  promotionCutoff: new Date(cutoff),
});
const before = new Date('2026-03-15T06:00:00Z');

describe('sign-up from the event counters', () => {
  it('seats a newcomer only when no one is waiting and a seat is free', () => {
    expect(placeFor({ registered: 99, waitlisted: 0 }, 100)).toBe('registered');
    expect(placeFor({ registered: 100, waitlisted: 0 }, 100)).toBe('waitlisted');
    // A seat freed but not yet handed to the head of the queue is not the newcomer's.
    expect(placeFor({ registered: 99, waitlisted: 1 }, 100)).toBe('waitlisted');
    expect(placeFor({ registered: 5000, waitlisted: 0 }, undefined)).toBe('registered');
  });

  it('promotes as many as there are free seats and people waiting, until the cut-off', () => {
    expect(promotableCount({ registered: 97, waitlisted: 10 }, policy(100), before)).toBe(3);
    expect(promotableCount({ registered: 97, waitlisted: 2 }, policy(100), before)).toBe(2);
    expect(promotableCount({ registered: 100, waitlisted: 10 }, policy(100), before)).toBe(0);
    expect(promotableCount({ registered: 97, waitlisted: 10 }, policy(100), new Date('2026-03-15T06:30:01Z'))).toBe(0);
    expect(() => promotableCount({ registered: 0, waitlisted: 1 }, policy(-1), before)).toThrow(RangeError);
  });
});
