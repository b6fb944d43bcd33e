/**
 * What a manager may do with one member, as the labels of an action sheet. A secretary names
 * committee members, hands over the role and removes members; a committee office that is not
 * the secretary names committee members and appoints the secretary. The secretary's own row
 * has no actions (handing over is done from the successor's row).
 */
import type { MemberRow } from '../../../../src/contract';

export type MemberAction = 'makeCommitteeMember' | 'makeMember' | 'handOver' | 'appointSecretary' | 'remove';

export const ACTION_LABELS: Record<MemberAction, string> = {
  makeCommitteeMember: '设为支部委员',
  makeMember: '设为普通党员',
  handOver: '移交书记职务给他',
  appointSecretary: '任命为支部书记',
  remove: '移出支部',
};

export interface Manager {
  isSecretary: boolean;
  canManage: boolean;
}

export function memberActions(row: MemberRow, manager: Manager): MemberAction[] {
  if (!manager.canManage || row.role === 'secretary') return [];
  const roleChange: MemberAction = row.role === 'committeeMember' ? 'makeMember' : 'makeCommitteeMember';
  return manager.isSecretary ? [roleChange, 'handOver', 'remove'] : [roleChange, 'appointSecretary'];
}
