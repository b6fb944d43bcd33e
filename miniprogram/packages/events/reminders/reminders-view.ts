/** What the organiser's reminder page shows, from the api's ReminderEventView. */
import type { ReminderEventView, ReminderMemberRow } from '../../../../src/contract';
import { formatDateTime } from '../../../utils/date';

const STATE_TEXT: Record<ReminderMemberRow['state'], string> = {
  sent: '已提醒',
  noCredit: '未订阅，无法提醒',
  refused: '微信拒收（未订阅）',
  bug: '发送失败',
  failed: '发送失败',
  retry: '稍后重试',
  claimed: '发送中',
  none: '尚未提醒',
};

export interface MemberLine {
  memberId: string;
  name: string;
  stateText: string;
  stateClass: string;
  detail: string;
}

export interface GroupLine {
  groupId: string;
  name: string;
  named: boolean;
  countText: string;
}

export interface RemindersPageView {
  title: string;
  summary: string;
  kinds: { kind: string; label: string; text: string }[];
  members: MemberLine[];
  groups: GroupLine[];
  sendNowLabel: string;
  sendNowDisabled: boolean;
  sendNowHint: string;
}

export function remindersView(view: ReminderEventView): RemindersPageView {
  const reached = view.members.filter((m) => m.state === 'sent').length;
  const unreachable = view.members.filter((m) => m.state === 'noCredit' || m.state === 'refused').length;
  return {
    title: view.title,
    summary: `报名 ${view.members.length} 人 · 已提醒 ${reached} 人 · 无法提醒 ${unreachable} 人`,
    kinds: view.kinds.map((k) => ({
      kind: k.kind,
      label: k.label,
      text: `已发 ${k.sent} · 未订阅 ${k.noCredit + k.refused}${k.failed ? ` · 失败 ${k.failed}` : ''}${k.pending ? ` · 待发 ${k.pending}` : ''}`,
    })),
    members: view.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      stateText: STATE_TEXT[m.state],
      stateClass: `member__state member__state--${m.state}`,
      detail: m.at ? formatDateTime(m.at) : m.hasCredit ? '已订阅，可立即提醒' : '未订阅提醒',
    })),
    groups: view.groups.map((g, i) => ({
      groupId: g.groupId,
      name: g.name ?? `未命名的群 ${i + 1}`,
      named: g.name !== null,
      countText: `打开 ${g.visits} 人 · 报名 ${g.signUps} 人`,
    })),
    sendNowLabel: view.withCredit > 0 ? `立即提醒 ${view.withCredit} 人` : '立即提醒',
    sendNowDisabled: view.withCredit === 0,
    sendNowHint:
      view.withCredit > 0
        ? '只发给已订阅提醒的党员，每人只发一次'
        : view.sentNow
          ? '已订阅的党员都已提醒过'
          : '暂无已订阅提醒的党员：请他们在活动页点“提醒我”',
  };
}
