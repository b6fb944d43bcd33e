/**
 * The consent rule of a pairing: one side proposes, every other side answers. It becomes active
 * when all have accepted and is refused as soon as one refuses, so nobody is paired without
 * consent.
 */
import type { PairingStatus, SideStatus } from '../contract';

/** The sorted organisation ids: equal for the same set of organisations, whatever the order. */
export function memberKey(orgIds: readonly string[]): string {
  return [...orgIds].sort().join('+');
}

export function statusAfterAnswers(sides: readonly { status: SideStatus }[]): PairingStatus {
  if (sides.some((side) => side.status === 'refused')) return 'refused';
  if (sides.every((side) => side.status === 'proposer' || side.status === 'accepted')) return 'active';
  return 'proposed';
}

/** Lists, liaisons and the ledger are kept while the pairing is active. */
export function isWritable(status: PairingStatus): boolean {
  return status === 'active';
}
