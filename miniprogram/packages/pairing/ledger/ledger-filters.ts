/** The ledger's filters as chips: status, overdue only, and the responsible side. */
import type { LedgerStatus, PairingSideView } from '../../../../src/contract';
import type { LedgerFilter } from '../../../services/ledger';
import { LEDGER_STATUS } from '../../../utils/org-labels';

export interface FilterChip {
  /** `status:open`, `overdue`, `org:<id>`; `status:` and `org:` are 全部. */
  id: string;
  label: string;
  className: string;
}

const chip = (id: string, label: string, on: boolean): FilterChip => ({
  id,
  label,
  className: on ? 'chip chip--on' : 'chip',
});

export function statusChips(filter: LedgerFilter): FilterChip[] {
  const statuses = Object.keys(LEDGER_STATUS) as LedgerStatus[];
  return [
    chip('status:', '全部', filter.status === null && !filter.overdue),
    ...statuses.map((s) => chip(`status:${s}`, LEDGER_STATUS[s].label, filter.status === s)),
    chip('overdue', '已逾期', filter.overdue),
  ];
}

export function ownerChips(filter: LedgerFilter, sides: readonly PairingSideView[]): FilterChip[] {
  return [
    chip('org:', '各方', filter.orgId === null),
    ...sides.map((side) => chip(`org:${side.orgId}`, side.name, filter.orgId === side.orgId)),
  ];
}

/** The filter after tapping a chip. Overdue items are open or in progress, so it clears status. */
export function applyChip(filter: LedgerFilter, id: string): LedgerFilter {
  if (id === 'overdue') return { ...filter, status: null, overdue: !filter.overdue };
  if (id.startsWith('status:')) {
    const status = id.slice('status:'.length);
    return { ...filter, status: status ? (status as LedgerStatus) : null, overdue: false };
  }
  const orgId = id.slice('org:'.length);
  return { ...filter, orgId: orgId || null };
}
