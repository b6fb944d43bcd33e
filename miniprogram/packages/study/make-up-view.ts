/** 补学 rows, shared by the member's request page and the secretary's approvals. */
import type { MakeUpView } from '../../../src/contract';

const STATUS: Record<MakeUpView['status'], string> = {
  pending: '待书记审核',
  approved: '已同意',
  refused: '未同意',
  revoked: '已撤销',
};

export function makeUpRow(item: MakeUpView) {
  const last = item.decisions[item.decisions.length - 1];
  return {
    id: item.id,
    title: `${Number(item.day.slice(5, 7))}月${Number(item.day.slice(8))}日 · ${item.title}`,
    meta: `${item.name} · ${item.minutes} 分钟 · 原因：${item.reason}`,
    status: STATUS[item.status],
    pending: item.status === 'pending',
    approved: item.status === 'approved',
    decision: last && last.action !== 'request' ? `${last.byName}：${last.reason || '（无意见）'}` : '',
  };
}
