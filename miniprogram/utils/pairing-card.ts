/** A pairing as a card in the list: partners seen from the member's own organisation. */
import type { PairingSummary } from '../../../../src/contract';
import { PAIRING_KIND_LABELS, PAIRING_STATUS } from '../../../utils/org-labels';
import { termText } from '../../../utils/term';

export interface PairingCard {
  id: string;
  name: string;
  kindText: string;
  statusText: string;
  tagClass: string;
  partners: string;
  term: string;
  /** e.g. `待本支部确认`: the member's side has yet to answer. */
  waiting: string;
}

export function pairingCard(pairing: PairingSummary, ownOrgId: string): PairingCard {
  const status = PAIRING_STATUS[pairing.status];
  const partners = pairing.sides.filter((side) => side.orgId !== ownOrgId).map((side) => side.name);
  const ownPending = pairing.sides.some((side) => side.orgId === ownOrgId && side.status === 'pending');
  return {
    id: pairing.id,
    name: pairing.name,
    kindText: PAIRING_KIND_LABELS[pairing.kind],
    statusText: status.label,
    tagClass: status.tagClass,
    partners: `结对：${partners.join('、')}`,
    term: termText(pairing.termStart, pairing.termEnd),
    waiting: pairing.status === 'proposed' && ownPending ? '待本支部确认' : '',
  };
}
