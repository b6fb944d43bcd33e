/** The ledger of shared problems (难题共解台账) of a pairing. */
import type { ActionInput, LedgerItemDetail, LedgerItemSummary, LedgerStatus, Page } from '../../src/contract';
import { callApi } from './api';

export type LedgerCreateInput = ActionInput<'ledger.create'>;
export type LedgerUpdateInput = ActionInput<'ledger.update'>;

export function createLedgerItem(input: LedgerCreateInput): Promise<LedgerItemDetail> {
  return callApi('ledger.create', input);
}

export function updateLedgerItem(input: LedgerUpdateInput): Promise<LedgerItemDetail> {
  return callApi('ledger.update', input);
}

export function getLedgerItem(itemId: string): Promise<LedgerItemDetail> {
  return callApi('ledger.get', { itemId });
}

export interface LedgerFilter {
  status: LedgerStatus | null;
  overdue: boolean;
  /** The responsible side. */
  orgId: string | null;
}

export function listLedger(pairingId: string, filter: LedgerFilter, offset: number): Promise<Page<LedgerItemSummary>> {
  return callApi('ledger.list', {
    pairingId,
    overdue: filter.overdue,
    offset,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.orgId ? { orgId: filter.orgId } : {}),
  });
}

/** A status change or a dated note (or both); dropping needs the reason as the note. */
export function recordProgress(itemId: string, status: LedgerStatus | null, note: string): Promise<LedgerItemDetail> {
  return callApi('ledger.progress', status ? { itemId, status, note } : { itemId, note });
}
