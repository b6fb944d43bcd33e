/**
 * Invite codes: what makes one usable. Codes are read aloud and typed by older members, so they
 * are case-insensitive and leave out look-alikes (0/O, 1/I/L).
 */
import type { InviteCodeDoc } from '../db/documents';

export type InviteState = 'usable' | 'expired' | 'exhausted' | 'revoked';

export function inviteState(
  invite: Pick<InviteCodeDoc, 'expiresAt' | 'maxUses' | 'usedCount' | 'revokedAt'>,
  now: Date,
): InviteState {
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (invite.usedCount >= invite.maxUses) return 'exhausted';
  return 'usable';
}

/** Upper-case letters and digits without 0/O, 1/I/L: what the join page accepts, read aloud without doubt. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 6;

/** A fresh code from `pick(n)`, a uniform random integer below n (crypto.randomInt in production). */
export function newInviteCode(pick: (n: number) => number): string {
  return Array.from({ length: INVITE_LENGTH }, () => INVITE_ALPHABET[pick(INVITE_ALPHABET.length)]).join('');
}
