import { drainRequests, type QueueEvent, type QueuedRequest } from '../../../src/domain/registration';

const start = new Date('2026-10-08T06:00:00Z');
const now = new Date('2026-10-07T02:00:00Z');
const event = (capacity: number | undefined, status: QueueEvent['status'] = 'published'): QueueEvent => ({
  status,
  capacity,
  signUpDeadline: new Date('2026-10-07T10:00:00Z'),
  cutoff: start,
});
let clock = 0;
const req = (id: string, op: QueuedRequest['op'], status: QueuedRequest['status'] = 'pending'): QueuedRequest => ({
  id,
  op,
  at: new Date(now.getTime() + ++clock),
  status,
});

describe('drainRequests', () => {
  it('places sign-ups in arrival order: seats first, then the waitlist, each with the next sequence', () => {
    const result = drainRequests(
      event(2),
      { registered: 1, waitlisted: 0, lastSequence: 4 },
      [req('a', 'signUp'), req('b', 'signUp'), req('c', 'signUp', 'cancelled')],
      [],
      now,
    );
    expect(result.decisions).toEqual([
      expect.objectContaining({ id: 'a', outcome: 'placed', status: 'registered', sequence: 5 }),
      expect.objectContaining({ id: 'b', outcome: 'placed', status: 'waitlisted', sequence: 6 }),
      expect.objectContaining({ id: 'c', outcome: 'placed', status: 'waitlisted', sequence: 7 }),
    ]);
    expect(result.state).toEqual({ registered: 2, waitlisted: 2, lastSequence: 7 });
    expect(result.promoted).toEqual([]);
    expect(result.waitlistPositions).toEqual(
      new Map([
        ['b', 1],
        ['c', 2],
      ]),
    );
  });

  it('gives those it puts on the waitlist their place behind those already waiting, after promotions', () => {
    const result = drainRequests(
      event(3),
      { registered: 3, waitlisted: 3, lastSequence: 6 },
      [req('r1', 'cancel', 'registered'), req('x', 'signUp'), req('w2', 'cancel', 'waitlisted'), req('y', 'signUp')],
      ['w1', 'w2', 'w3'],
      now,
    );
    // r1's seat goes to w1; w2 leaves; w3 waits first, then x and y.
    expect(result.promoted).toEqual(['w1']);
    expect(result.state).toEqual({ registered: 3, waitlisted: 3, lastSequence: 8 });
    expect(result.waitlistPositions).toEqual(
      new Map([
        ['x', 2],
        ['y', 3],
      ]),
    );
  });

  it('a cancellation frees a seat for the head of the waitlist, never for a newcomer in the same batch', () => {
    const result = drainRequests(
      event(2),
      { registered: 2, waitlisted: 2, lastSequence: 4 },
      [req('r1', 'cancel', 'registered'), req('new', 'signUp')],
      ['w1', 'w2'],
      now,
    );
    expect(result.decisions).toEqual([
      { id: 'r1', outcome: 'cancelled' },
      expect.objectContaining({ id: 'new', status: 'waitlisted', sequence: 5 }),
    ]);
    expect(result.promoted).toEqual(['w1']);
    expect(result.state).toEqual({ registered: 2, waitlisted: 2, lastSequence: 5 });
  });

  it('a waitlisted member leaving promotes nobody; one at the head is skipped when a seat frees', () => {
    const result = drainRequests(
      event(2),
      { registered: 2, waitlisted: 2, lastSequence: 4 },
      [req('w1', 'release', 'waitlisted'), req('r1', 'cancel', 'registered')],
      ['w1', 'w2'],
      now,
    );
    expect(result.promoted).toEqual(['w2']);
    expect(result.state).toEqual({ registered: 2, waitlisted: 0, lastSequence: 4 });
  });

  it('a batch newcomer on the waitlist is promoted when the head runs out', () => {
    const result = drainRequests(
      event(1),
      { registered: 1, waitlisted: 0, lastSequence: 1 },
      [req('late', 'signUp'), req('r1', 'cancel', 'registered')],
      [],
      now,
    );
    expect(result.promoted).toEqual(['late']);
    expect(result.state).toEqual({ registered: 1, waitlisted: 0, lastSequence: 2 });
  });

  it('refuses what no longer applies and repeats nothing', () => {
    const cancelled = drainRequests(
      event(5, 'cancelled'),
      { registered: 0, waitlisted: 0, lastSequence: 0 },
      [req('a', 'signUp')],
      [],
      now,
    );
    expect(cancelled.decisions).toEqual([{ id: 'a', outcome: 'refused', refusal: 'EVENT_CANCELLED' }]);
    const result = drainRequests(
      event(5),
      { registered: 1, waitlisted: 0, lastSequence: 1 },
      [req('a', 'signUp', 'registered'), req('b', 'cancel', 'cancelled')],
      [],
      now,
    );
    expect(result.decisions).toEqual([
      { id: 'a', outcome: 'unchanged' },
      { id: 'b', outcome: 'refused', refusal: 'NOT_REGISTERED' },
    ]);
    expect(result.state).toEqual({ registered: 1, waitlisted: 0, lastSequence: 1 });
  });

  it('after the start a freed seat stays empty', () => {
    const result = drainRequests(
      event(1),
      { registered: 1, waitlisted: 1, lastSequence: 2 },
      [req('r1', 'release', 'registered')],
      ['w1'],
      new Date(start.getTime() + 1),
    );
    expect(result.promoted).toEqual([]);
    expect(result.state).toEqual({ registered: 0, waitlisted: 1, lastSequence: 2 });
  });

  it('an unlimited event seats everyone', () => {
    const result = drainRequests(
      event(undefined),
      { registered: 500, waitlisted: 0, lastSequence: 500 },
      [req('a', 'signUp')],
      [],
      now,
    );
    expect(result.decisions[0]).toMatchObject({ status: 'registered', sequence: 501 });
  });
});
