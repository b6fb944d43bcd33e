/**
 * Rotating check-in codes for the QR on the secretary's screen. A code is only good for the
 * window it was issued in and the one before it, so a photo of the screen sent to someone at home
 * stops working within a minute, while a member who scans just as the code rotates still gets in.
 * Format (URL-safe, ~41 chars): `c2.<event tag>.<window, base36>.<signature>` where the tag is a
 * short hash of the event id and the signature is HMAC-SHA256 over version, tag, window length
 * and window index, truncated to 128 bits. The signature is checked before any part of the code
 * is interpreted, so a made-up code is only ever "invalid", never "another event's"; a genuine
 * code of another event is then told apart by its tag. The code does not carry the event id
 * itself: the scanning page knows which event it is for.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_WINDOW_SECONDS = 30;
/** Shorter secrets make the truncated HMAC guessable offline from observed codes. */
export const MIN_SECRET_BYTES = 16;

const VERSION = 'c2';
const TAG_BYTES = 6;
const SIGNATURE_BYTES = 16;
const TOKEN = /^c2\.([A-Za-z0-9_-]{8})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})$/;

export interface CheckinTokenOptions {
  windowSeconds?: number;
}

export type TokenVerification =
  | { kind: 'ok'; window: number }
  | { kind: 'malformed' }
  | { kind: 'wrongEvent' }
  | { kind: 'badSignature' }
  | { kind: 'expired' }
  /** Signed for a later window than now: the issuing clock is ahead of the verifying one. */
  | { kind: 'notYetValid' };

function windowSecondsOf(options: CheckinTokenOptions): number {
  const seconds = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new RangeError(`window must be a positive whole number of seconds, got ${seconds}`);
  return seconds;
}

function assertSecret(secret: string | Buffer): void {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    throw new RangeError(`check-in secret must be at least ${MIN_SECRET_BYTES} bytes`);
}

export function windowIndex(now: Date, windowSeconds = DEFAULT_WINDOW_SECONDS): number {
  return Math.floor(now.getTime() / (windowSeconds * 1000));
}

function eventTag(eventId: string): string {
  return createHash('sha256').update(eventId, 'utf8').digest().subarray(0, TAG_BYTES).toString('base64url');
}

function sign(tag: string, window: number, windowSeconds: number, secret: string | Buffer): Buffer {
  return createHmac('sha256', secret)
    .update(`${VERSION}|${tag}|${windowSeconds}|${window}`, 'utf8')
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function issueToken(
  eventId: string,
  now: Date,
  secret: string | Buffer,
  options: CheckinTokenOptions = {},
): string {
  assertSecret(secret);
  if (eventId.length === 0) throw new RangeError('event id is empty');
  const windowSeconds = windowSecondsOf(options);
  const window = windowIndex(now, windowSeconds);
  const tag = eventTag(eventId);
  const signature = sign(tag, window, windowSeconds, secret).toString('base64url');
  return `${VERSION}.${tag}.${window.toString(36)}.${signature}`;
}

/** Instant the current code stops being issued, for the screen's refresh timer. */
export function tokenRotatesAt(now: Date, options: CheckinTokenOptions = {}): Date {
  const windowSeconds = windowSecondsOf(options);
  return new Date((windowIndex(now, windowSeconds) + 1) * windowSeconds * 1000);
}

export function verifyToken(
  token: string,
  expectedEventId: string,
  now: Date,
  secret: string | Buffer,
  options: CheckinTokenOptions = {},
): TokenVerification {
  assertSecret(secret);
  const windowSeconds = windowSecondsOf(options);
  const match = TOKEN.exec(token);
  if (!match) return { kind: 'malformed' };
  const [, tag, windowText, signatureText] = match as unknown as [string, string, string, string];
  const window = parseInt(windowText, 36);
  const signature = Buffer.from(signatureText, 'base64url');
  // Only the canonical spelling is accepted, so one code has exactly one text form.
  if (window.toString(36) !== windowText || signature.toString('base64url') !== signatureText)
    return { kind: 'malformed' };
  if (!timingSafeEqual(signature, sign(tag, window, windowSeconds, secret))) return { kind: 'badSignature' };
  if (tag !== eventTag(expectedEventId)) return { kind: 'wrongEvent' };
  const current = windowIndex(now, windowSeconds);
  if (window > current) return { kind: 'notYetValid' };
  if (window < current - 1) return { kind: 'expired' };
  return { kind: 'ok', window };
}
