/**
 * The ledger of shared problems (难题共解台账): when an item is overdue, and which status changes
 * are allowed. Deadlines are civil dates in Asia/Shanghai: an item due on 3 March is overdue from
 * 00:00 on 4 March Shanghai time, whatever zone the function runs in.
 */
import type { LedgerStatus } from '../contract';
import { shanghaiDateOf, type CivilDate } from './shanghai-time';

export const OPEN_STATUSES: readonly LedgerStatus[] = ['open', 'inProgress'];

export function isClosed(status: LedgerStatus): boolean {
  return !OPEN_STATUSES.includes(status);
}

/** Still to be solved and its deadline lies before today's Shanghai date. */
export function isOverdue(item: { status: LedgerStatus; deadline: CivilDate }, now: Date): boolean {
  return !isClosed(item.status) && item.deadline < shanghaiDateOf(now);
}

/**
 * Closed items stay closed ("not let go until solved" means resolving, not reopening quietly);
 * anything open may move to any other status.
 */
export function canMoveTo(from: LedgerStatus, to: LedgerStatus): boolean {
  return !isClosed(from) && from !== to;
}
