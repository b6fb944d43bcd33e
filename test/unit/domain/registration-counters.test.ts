import { noPlacesTaken, openPlacesOf, placeFor, promotableCount } from '../../../src/domain/registration';

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

  it('keeps open places so that a claim "while above zero" seats exactly whom placeFor seats', () => {
    for (const capacity of [0, 1, 5, 100])
      for (let registered = 0; registered <= capacity + 2; registered++)
        for (let waitlisted = 0; waitlisted <= 3; waitlisted++) {
          const open = openPlacesOf(capacity, { registered, waitlisted }) as number;
          expect(open > 0).toBe(placeFor({ registered, waitlisted }, capacity) === 'registered');
        }
    // Every claim, seat or waitlist place, takes one open place; promotions take none.
    expect(openPlacesOf(10, { registered: 9, waitlisted: 3 })).toBe(
      openPlacesOf(10, { registered: 10, waitlisted: 2 }),
    );
    expect(openPlacesOf(null, { registered: 5000, waitlisted: 0 })).toBeNull();
    expect(noPlacesTaken(30)).toEqual({ registered: 0, waitlisted: 0, lastSequence: 0, openPlaces: 30 });
  });
});
