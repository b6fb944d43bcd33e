/**
 * What the QR on the secretary's live check-in screen says, written and read only here:
 * `lianjian-checkin:<eventId>:<token>`. The token is the server's rotating code (`c1.…`, no colon);
 * the event id lets the scanner tell a code for another event before asking the server. Anything
 * else a person may scan (another app's QR, a link, garbage) reads as null. The server still
 * checks the token; this only extracts it.
 *
 * A printed code (checkin.printCode) is a mini-program code instead: it opens the scanner page
 * with `scene` = `e=` and the event's 8-character short code, which the server resolves.
 */
import { decodeFully } from './decode-uri';

const PREFIX = 'lianjian-checkin';
/** Event ids and tokens as the contract allows them: no colon, no whitespace. */
const PAYLOAD = /^lianjian-checkin:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9._-]{1,100})$/;
/** Longer than any payload we write: no need to run a regex over a scanned novel. */
const MAX_LENGTH = 200;

export interface CheckInCode {
  eventId: string;
  token: string;
}

export function encodeCheckInCode({ eventId, token }: CheckInCode): string {
  return `${PREFIX}:${eventId}:${token}`;
}

export function decodeCheckInCode(raw: unknown): CheckInCode | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text.length > MAX_LENGTH) return null;
  const match = PAYLOAD.exec(text);
  if (!match) return null;
  const [, eventId, token] = match as unknown as [string, string, string];
  return { eventId, token };
}

/** `e=` and the short code (src/domain/event-code.ts), after decoding however the platform passed it. */
const PRINTED_SCENE = /^e=([A-Za-z0-9]{8})$/;

/** The printed code's short code (upper case) from the page's `scene`, or null. */
export function printedCodeFromScene(scene: string | undefined): string | null {
  if (!scene) return null;
  const match = PRINTED_SCENE.exec(decodeFully(scene.trim()));
  return match?.[1] ? match[1].toUpperCase() : null;
}
