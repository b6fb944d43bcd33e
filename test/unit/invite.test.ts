import { INVITE_ALPHABET, inviteState, newInviteCode } from '../../src/domain/invite';

const now = new Date('2026-11-22T08:00:00Z');
const base = { expiresAt: new Date('2026-12-01T00:00:00Z'), maxUses: 3, usedCount: 0, revokedAt: null };

describe('inviteState', () => {
  it('is usable before expiry with uses left', () => {
    expect(inviteState(base, now)).toBe('usable');
    expect(inviteState({ ...base, usedCount: 2 }, now)).toBe('usable');
  });

  it('expires at the expiry instant, not after it', () => {
    expect(inviteState({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(inviteState({ ...base, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('usable');
  });

  it('is exhausted once every use is taken', () => {
    expect(inviteState({ ...base, usedCount: 3 }, now)).toBe('exhausted');
  });

  it('reports revocation before anything else', () => {
    expect(inviteState({ ...base, usedCount: 3, expiresAt: now, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('newInviteCode', () => {
  it('draws six characters from the alphabet without look-alikes', () => {
    let i = 0;
    const code = newInviteCode((n) => (i++ * 7) % n);
    expect(code).toHaveLength(6);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    expect(INVITE_ALPHABET).not.toMatch(/[01ILO]/);
  });
});
