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
