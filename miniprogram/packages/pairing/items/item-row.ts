/** A resource or need as a row, with what the caller may do with it (from `canWriteFor`). */
import type { PairingItemView } from '../../../../src/contract';
import { formatDateTime } from '../../../utils/date';

export interface ItemRow {
  id: string;
  title: string;
  meta: string;
  detail: string;
  statusText: string;
  tagClass: string;
  canMatch: boolean;
  canMeet: boolean;
  hasActions: boolean;
}

/** The side the caller takes a need on for: one they write for that did not raise it. */
export function takingSide(item: PairingItemView, writes: readonly string[]): string | null {
  return writes.find((orgId) => orgId !== item.orgId) ?? null;
}

export function itemRow(item: PairingItemView, writes: readonly string[], active: boolean): ItemRow {
  const row = { id: item.id, title: item.title, meta: item.orgName, detail: item.detail };
  if (item.kind === 'resource')
    return { ...row, statusText: '', tagClass: '', canMatch: false, canMeet: false, hasActions: false };
  const by = item.matchedBy?.orgName ?? '';
  const status =
    item.status === 'open'
      ? { statusText: '待认领', tagClass: 'tag tag--warn' }
      : item.status === 'matched'
        ? { statusText: '已认领', tagClass: 'tag tag--active' }
        : {
            statusText: `已满足 ${item.metAt ? formatDateTime(item.metAt).split(' ')[0] : ''}`,
            tagClass: 'tag tag--done',
          };
  if (by) row.meta = `${item.orgName}提出 · ${by}认领`;
  const sides = [item.orgId, item.matchedBy?.orgId].filter(Boolean);
  const canMatch = active && item.status === 'open' && takingSide(item, writes) !== null;
  const canMeet = active && item.status === 'matched' && writes.some((orgId) => sides.includes(orgId));
  return { ...row, ...status, canMatch, canMeet, hasActions: canMatch || canMeet };
}
