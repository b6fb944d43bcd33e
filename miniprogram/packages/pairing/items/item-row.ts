/**
 * A resource or need as a row, with what the caller may do with it (from the pairing's
 * `canWriteFor`, while it is active): a partner's side 认领 an open need; the side that took it on
 * reports it done (报告已完成) and the side that raised it confirms it met (确认已满足), which is
 * when it counts; the side offering a resource puts it to a partner's open need (用于对方需求,
 * the same pairingItem.match naming the resource).
 */
import type { PairingItemView } from '../../../../src/contract';
import { formatDate } from '../../../utils/date';

export interface ItemRow {
  id: string;
  title: string;
  meta: string;
  detail: string;
  statusText: string;
  tagClass: string;
  canMatch: boolean;
  /** The label of the one pairingItem.meet button the caller gets, or '' for none. */
  meetLabel: string;
  canOffer: boolean;
  hasActions: boolean;
}

/** The side the caller takes a need on for: one they write for that did not raise it. */
export function takingSide(item: PairingItemView, writes: readonly string[]): string | null {
  return writes.find((orgId) => orgId !== item.orgId) ?? null;
}

export function itemRow(item: PairingItemView, writes: readonly string[], active: boolean): ItemRow {
  const row = { id: item.id, title: item.title, meta: item.orgName, detail: item.detail };
  if (item.kind === 'resource') {
    const canOffer = active && writes.includes(item.orgId);
    return { ...row, statusText: '', tagClass: '', canMatch: false, meetLabel: '', canOffer, hasActions: canOffer };
  }
  const by = item.matchedBy?.orgName ?? '';
  const status =
    item.status === 'open'
      ? { statusText: '待认领', tagClass: 'tag tag--warn' }
      : item.status === 'matched'
        ? { statusText: item.metReportedAt ? '已完成，待确认' : '已认领', tagClass: 'tag tag--active' }
        : {
            statusText: item.metAt ? `已满足 ${formatDate(item.metAt)}` : '已满足',
            tagClass: 'tag tag--done',
          };
  if (by) row.meta = `${item.orgName}提出 · ${by}认领`;
  const canMatch = active && item.status === 'open' && takingSide(item, writes) !== null;
  const taken = active && item.status === 'matched';
  const meetLabel =
    taken && writes.includes(item.orgId)
      ? '确认已满足'
      : taken && !item.metReportedAt && item.matchedBy && writes.includes(item.matchedBy.orgId)
        ? '报告已完成'
        : '';
  return { ...row, ...status, canMatch, meetLabel, canOffer: false, hasActions: canMatch || meetLabel !== '' };
}
