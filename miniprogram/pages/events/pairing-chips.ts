/** The pairing filter above the 活动 list: 全部, then each active pairing of the member's branch. */
import type { PairingSummary } from '../../../src/contract';

export interface PairingChip {
  /** `''` is 全部. */
  id: string;
  /** For the element id: `pairing-all`, `pairing-<id>`. */
  key: string;
  label: string;
  className: string;
}

/** The chips in order, the chosen one marked; none when the branch is in no pairing. */
export function pairingChips(pairings: readonly Pick<PairingSummary, 'id' | 'name'>[], chosen: string): PairingChip[] {
  if (pairings.length === 0) return [];
  return [{ id: '', name: '全部' }, ...pairings].map(({ id, name }) => ({
    id,
    key: id || 'all',
    label: name,
    className: id === chosen ? 'events__pairing events__pairing--on' : 'events__pairing',
  }));
}
