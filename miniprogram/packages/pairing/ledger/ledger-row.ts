/** A ledger item as a row of the list. */
import type { LedgerItemSummary } from '../../../../src/contract';
import { LEDGER_STATUS, OVERDUE_TAG } from '../../../utils/org-labels';
import { formatDay } from '../../../utils/date';

export interface LedgerRow {
  id: string;
  title: string;
  statusText: string;
  tagClass: string;
  overdueText: string;
  overdueClass: string;
  owner: string;
  meta: string;
}

export function ledgerRow(item: LedgerItemSummary): LedgerRow {
  const status = LEDGER_STATUS[item.status];
  return {
    id: item.id,
    title: item.title,
    statusText: status.label,
    tagClass: status.tagClass,
    overdueText: item.overdue ? OVERDUE_TAG.label : '',
    overdueClass: OVERDUE_TAG.tagClass,
    owner: `责任：${item.owner.orgName} ${item.owner.personName}`,
    meta: `期限 ${formatDay(item.deadline)} · ${item.raisedBy.orgName}提出`,
  };
}
