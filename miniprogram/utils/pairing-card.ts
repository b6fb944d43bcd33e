/**
 * A pairing as a card in a list: partners seen from the member's own organisation, or every side
 * when a committee office looks at the pairings under its committee.
 */
import type { PairingSummary } from '../../src/contract';
import { PAIRING_KIND_LABELS, PAIRING_STATUS } from './org-labels';
import { termText } from './date';

export interface PairingCard {
  id: string;
  name: string;
  kindText: string;
  statusText: string;
  tagClass: string;
  partners: string;
  term: string;
  /** e.g. `待本支部确认`: the member's side (or, for an office, some side) has yet to answer. */
  waiting: string;
}

/** `ownOrgId` null: no side is the viewer's own (a committee office's view). */
export function pairingCard(pairing: PairingSummary, ownOrgId: string | null): PairingCard {
  const status = PAIRING_STATUS[pairing.status];
  const others = pairing.sides.filter((side) => side.orgId !== ownOrgId).map((side) => side.name);
  const pending = pairing.sides.filter((side) => side.status === 'pending');
  const waitingFor =
    ownOrgId === null
      ? pending.map((side) => side.name).join('、')
      : pending.some((side) => side.orgId === ownOrgId)
        ? '本支部'
        : '';
  return {
    id: pairing.id,
    name: pairing.name,
    kindText: PAIRING_KIND_LABELS[pairing.kind],
    statusText: status.label,
    tagClass: status.tagClass,
    partners: `${ownOrgId === null ? '联建各方' : '结对'}：${others.join('、')}`,
    term: termText(pairing.termStart, pairing.termEnd),
    waiting: pairing.status === 'proposed' && waitingFor ? `待${waitingFor}确认` : '',
  };
}
