import { issueToken, tokenRotatesAt, verifyToken, windowIndex } from '../../../src/domain/checkin-token';

const secret = 'test-secret-0123456789abcdef';
const eventId = 'ev_8d2ab0f3655b4d0b00a1b2c33f7e1d2a';
/** Start of a 30-second window. */
const windowStart = new Date(Math.floor(Date.parse('2026-10-08T06:30:00Z') / 30_000) * 30_000 + 30_000 * 7);
const at = (ms: number): Date => new Date(windowStart.getTime() + ms);

describe('issueToken', () => {
  it('is short, URL-safe and deterministic for a window', () => {
    const token = issueToken(eventId, windowStart, secret);
    expect(token.length).toBeLessThanOrEqual(60);
    expect(encodeURIComponent(token)).toBe(token);
    expect(token).toMatch(/^c2\./);
    expect(issueToken(eventId, at(29_999), secret)).toBe(token);
    expect(issueToken(eventId, at(30_000), secret)).not.toBe(token);
  });

  it('keeps the length bounded for a long event id', () => {
    expect(issueToken('x'.repeat(200), windowStart, secret).length).toBeLessThanOrEqual(60);
  });

  it('refuses a short secret and a bad window length', () => {
    expect(() => issueToken(eventId, windowStart, 'short')).toThrow(RangeError);
    expect(() => issueToken(eventId, windowStart, secret, { windowSeconds: 0 })).toThrow(RangeError);
    expect(() => issueToken('', windowStart, secret)).toThrow(RangeError);
  });

  it('tells the screen when to rotate', () => {
    expect(tokenRotatesAt(at(12_345)).getTime()).toBe(at(30_000).getTime());
    expect(windowIndex(at(30_000))).toBe(windowIndex(windowStart) + 1);
  });
});

describe('verifyToken', () => {
  const token = issueToken(eventId, windowStart, secret);

  it('accepts the current window', () => {
    expect(verifyToken(token, eventId, windowStart, secret)).toEqual({ kind: 'ok', window: windowIndex(windowStart) });
    expect(verifyToken(token, eventId, at(29_999), secret).kind).toBe('ok');
  });

  it('accepts the previous window and expires exactly when the one after starts', () => {
    expect(verifyToken(token, eventId, at(30_000), secret).kind).toBe('ok');
    expect(verifyToken(token, eventId, at(59_999), secret).kind).toBe('ok');
    expect(verifyToken(token, eventId, at(60_000), secret)).toEqual({ kind: 'expired' });
    expect(verifyToken(token, eventId, at(3_600_000), secret)).toEqual({ kind: 'expired' });
  });

  it('gives a code issued in the last millisecond of a window a full next window', () => {
    const late = issueToken(eventId, at(29_999), secret);
    expect(verifyToken(late, eventId, at(59_999), secret).kind).toBe('ok');
    expect(verifyToken(late, eventId, at(60_000), secret).kind).toBe('expired');
  });

  it('rejects a code from a later window than the verifier is in', () => {
    expect(verifyToken(token, eventId, at(-1), secret)).toEqual({ kind: 'notYetValid' });
  });

  it('tells a genuine code for another event apart', () => {
    expect(verifyToken(token, 'ev_other', windowStart, secret)).toEqual({ kind: 'wrongEvent' });
  });

  it('checks the signature before reading anything else: a made-up code is invalid, whatever its tag', () => {
    const [, tag, window] = token.split('.') as [string, string, string, string];
    const madeUp = `c2.AAAAAAAA.${window}.${'A'.repeat(22)}`;
    expect(verifyToken(madeUp, eventId, windowStart, secret)).toEqual({ kind: 'badSignature' });
    // Another event's tag with a made-up signature, and an ancient window: still just invalid.
    const otherTag = issueToken('ev_other', windowStart, secret).split('.')[1]!;
    expect(verifyToken(`c2.${otherTag}.${window}.${'A'.repeat(21) + 'Q'}`, eventId, windowStart, secret)).toEqual({
      kind: 'badSignature',
    });
    expect(verifyToken(`c2.${tag}.0.${'A'.repeat(22)}`, eventId, windowStart, secret)).toEqual({
      kind: 'badSignature',
    });
  });

  it('rejects another secret and any tampering with window or signature', () => {
    expect(verifyToken(token, eventId, windowStart, 'another-secret-0123456789')).toEqual({ kind: 'badSignature' });
    const [version, tag, window, signature] = token.split('.') as [string, string, string, string];
    const shiftedWindow = (parseInt(window, 36) + 1).toString(36);
    expect(verifyToken([version, tag, shiftedWindow, signature].join('.'), eventId, at(30_000), secret)).toEqual({
      kind: 'badSignature',
    });
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(verifyToken([version, tag, window, flipped].join('.'), eventId, windowStart, secret)).toEqual({
      kind: 'badSignature',
    });
  });

  it('is bound to the window length', () => {
    expect(verifyToken(token, eventId, windowStart, secret, { windowSeconds: 60 }).kind).toBe('badSignature');
    const minute = issueToken(eventId, windowStart, secret, { windowSeconds: 60 });
    expect(verifyToken(minute, eventId, at(60_000), secret, { windowSeconds: 60 }).kind).toBe('ok');
  });

  it('calls anything not shaped like a code malformed', () => {
    const [, tag, window, signature] = token.split('.') as [string, string, string, string];
    for (const bad of [
      '',
      'hello',
      `c1.${tag}.${window}.${signature}`,
      `c2.${tag}.0${window}.${signature}`,
      `c2.${tag}.${window}.${signature}=`,
      `c2.${tag}.${window}.${signature}.x`,
      `c2.${tag}.${window.toUpperCase()}.${signature}`,
      `${token} `,
    ]) {
      expect(verifyToken(bad, eventId, windowStart, secret)).toEqual({ kind: 'malformed' });
    }
  });
});
