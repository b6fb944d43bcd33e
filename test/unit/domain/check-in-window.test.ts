import { checkInWindowState, DEFAULT_OPENS_BEFORE_MINUTES } from '../../../src/domain/check-in-window';

const startsAt = new Date('2026-10-08T06:30:00Z');
const endsAt = new Date('2026-10-08T08:30:00Z');
const input = { startsAt, endsAt, opensBeforeMinutes: DEFAULT_OPENS_BEFORE_MINUTES };
const at = (iso: string): Date => new Date(iso);

describe('checkInWindowState', () => {
  it('is not open until the configured minutes before the start', () => {
    expect(checkInWindowState(input, at('2026-10-08T05:59:59.999Z'))).toEqual({
      state: 'notOpen',
      opensAt: at('2026-10-08T06:00:00Z'),
    });
    expect(checkInWindowState(input, at('2026-10-08T06:00:00Z'))).toEqual({ state: 'open', timing: 'onTime' });
  });

  it('counts the start instant as on time and anything after as late', () => {
    expect(checkInWindowState(input, startsAt)).toEqual({ state: 'open', timing: 'onTime' });
    expect(checkInWindowState(input, at('2026-10-08T06:30:00.001Z'))).toEqual({ state: 'open', timing: 'late' });
    expect(checkInWindowState(input, at('2026-10-08T08:29:59.999Z'))).toEqual({ state: 'open', timing: 'late' });
  });

  it('closes at the end', () => {
    expect(checkInWindowState(input, endsAt)).toEqual({ state: 'closed' });
    expect(checkInWindowState(input, at('2026-10-09T00:00:00Z'))).toEqual({ state: 'closed' });
  });

  it('uses the configured opening', () => {
    const early = { ...input, opensBeforeMinutes: 120 };
    expect(checkInWindowState(early, at('2026-10-08T04:30:00Z'))).toEqual({ state: 'open', timing: 'onTime' });
    const atStart = { ...input, opensBeforeMinutes: 0 };
    expect(checkInWindowState(atStart, at('2026-10-08T06:29:59.999Z')).state).toBe('notOpen');
    expect(checkInWindowState(atStart, startsAt)).toEqual({ state: 'open', timing: 'onTime' });
  });

  it('rejects an event that does not end after it starts, or a negative opening', () => {
    expect(() => checkInWindowState({ ...input, endsAt: startsAt }, startsAt)).toThrow(RangeError);
    expect(() => checkInWindowState({ ...input, opensBeforeMinutes: -5 }, startsAt)).toThrow(RangeError);
  });
});
