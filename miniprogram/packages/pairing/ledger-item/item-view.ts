/** What the ledger item page shows, derived from `LedgerItemDetail`. */
import type { LedgerItemDetail, LedgerStatus } from '../../../../src/contract';
import { formatDateTime, formatDay } from '../../../utils/date';
import { LEDGER_STATUS, OVERDUE_TAG } from '../../../utils/org-labels';

export interface ProgressRow {
  key: string;
  when: string;
  by: string;
  statusText: string;
  note: string;
}

/** The status choices of the progress form; `keep` records a note only. */
export type StatusChoice = LedgerStatus | 'keep';
const CHOICES: { choice: StatusChoice; label: string }[] = [
  { choice: 'keep', label: '仅记录进展' },
  { choice: 'inProgress', label: '办理中' },
  { choice: 'resolved', label: '已解决' },
  { choice: 'dropped', label: '放弃办理' },
];

export function statusChoices(chosen: StatusChoice) {
  return CHOICES.map((c) => ({ ...c, className: c.choice === chosen ? 'chip chip--on' : 'chip' }));
}

export function notePlaceholder(choice: StatusChoice): string {
  return choice === 'dropped' ? '请说明放弃办理的原因（必填）' : '今天做了什么、下一步怎么办';
}

export function itemView(item: LedgerItemDetail) {
  const status = LEDGER_STATUS[item.status];
  const open = item.status === 'open' || item.status === 'inProgress';
  const progress: ProgressRow[] = [...item.progress].reverse().map((p, i) => ({
    key: `${p.at}-${i}`,
    when: formatDateTime(p.at),
    by: p.byName,
    statusText: p.status ? `改为“${LEDGER_STATUS[p.status].label}”` : '',
    note: p.note,
  }));
  return {
    title: item.title,
    statusText: status.label,
    tagClass: status.tagClass,
    overdueText: item.overdue ? OVERDUE_TAG.label : '',
    overdueClass: OVERDUE_TAG.tagClass,
    owner: `${item.owner.orgName} · ${item.owner.personName}`,
    raisedBy: item.raisedBy.orgName,
    deadline: formatDay(item.deadline),
    resolvedOn: item.resolvedOn ? formatDay(item.resolvedOn) : '',
    description: item.description,
    measures: item.measures,
    dropReason: item.status === 'dropped' ? item.dropReason : '',
    progress,
    canWrite: item.canWrite && open,
  };
}
