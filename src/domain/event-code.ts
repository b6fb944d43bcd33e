/**
 * The short code a printed check-in code carries: a mini-program code's scene holds at most 32
 * visible characters, too few for `eventId=` and an id, so the scene names a code that the server
 * maps to the event. Same readable alphabet as invite codes; 31^8 codes make a clash rare.
 */
import { INVITE_ALPHABET } from './invite';

export const EVENT_CODE_LENGTH = 8;
/** What the scene says: `e=` keeps it recognisable beside other scenes, 10 characters in all. */
export const EVENT_CODE_SCENE_PREFIX = 'e=';

/** A fresh code from `pick(n)`, a uniform random integer below n (crypto.randomInt in production). */
export function newEventCode(pick: (n: number) => number): string {
  return Array.from({ length: EVENT_CODE_LENGTH }, () => INVITE_ALPHABET[pick(INVITE_ALPHABET.length)]).join('');
}

export function eventCodeScene(code: string): string {
  return `${EVENT_CODE_SCENE_PREFIX}${code}`;
}
