/** What the event page shows, derived from the event, the viewer's role and the time now. */
import type { EventDetail, MemberRole } from '../../../../src/contract';
import { formatDuration, formatEventMoment, formatEventTime } from '../../../utils/date';
import { countsText, statusLabel } from '../../../utils/event-view';
import { signUpAction } from './sign-up-action';

export interface ComingRow {
  id: string;
  branchName: string;
  countText: string;
  namesText: string;
}

export interface ManageLinks {
  live: boolean;
  attendance: boolean;
  edit: boolean;
  publish: boolean;
  cancel: boolean;
  /** The printed code checks the position, so only an event that requires it has one. */
  printCode: boolean;
}

/** `距开始还有 3天5小时`, `活动进行中`, or '' once over or called off. */
export function countdownText(event: Pick<EventDetail, 'status' | 'startsAt' | 'endsAt'>, now: number): string {
  if (event.status === 'cancelled' || event.status === 'draft') return '';
  const startsIn = Date.parse(event.startsAt) - now;
  if (startsIn > 0) return `距开始还有 ${formatDuration(startsIn)}`;
  return now < Date.parse(event.endsAt) ? '活动进行中' : '';
}

/** Whether the member can scan the code now, or when they will be able to. */
function checkIn(event: EventDetail, now: number): { open: boolean; hint: string } {
  if (event.status !== 'published' || event.myCheckIn) return { open: false, hint: '' };
  if (now < Date.parse(event.checkInOpensAt))
    return { open: false, hint: `签到将于 ${formatEventMoment(event.checkInOpensAt, now)} 开放` };
  return { open: now < Date.parse(event.endsAt), hint: '' };
}

/** 请假 for a member registered (or waitlisted) for an event not started yet; its state once asked. */
export interface LeaveView {
  onLeave: boolean;
  reason: string;
  canAsk: boolean;
  canWithdraw: boolean;
  hint: string;
}

export function leaveView(event: EventDetail, now: number): LeaveView | null {
  const before = event.status === 'published' && now < Date.parse(event.startsAt);
  const mine = event.myRegistration?.status;
  const leave = event.myLeave?.status === 'requested' ? event.myLeave : null;
  if (leave)
    return {
      onLeave: true,
      reason: leave.reason,
      canAsk: false,
      canWithdraw: before,
      hint: before ? '能参加了可以撤回请假' : '活动已开始，请假不能再撤回',
    };
  if (!before || (mine !== 'registered' && mine !== 'waitlisted')) return null;
  return { onLeave: false, reason: '', canAsk: true, canWithdraw: false, hint: '' };
}

function comingRows(event: EventDetail): ComingRow[] {
  return event.coming.map(({ branch, registered, names }) => ({
    id: branch.id,
    branchName: branch.name,
    countText: `${registered} 人`,
    namesText: registered > names.length ? `${names.join('、')} 等 ${registered} 人` : names.join('、') || '暂无报名',
  }));
}

function manageLinks(event: EventDetail, role: MemberRole | null): ManageLinks | null {
  if (!event.canManage) return null;
  const open = event.status === 'draft' || event.status === 'published';
  return {
    live: event.status === 'published',
    attendance: event.status === 'published' || event.status === 'finished',
    edit: open,
    publish: event.status === 'draft',
    // Cancelling is the secretary's decision (the contract's event.cancel).
    cancel: open && role === 'secretary',
    printCode: event.status !== 'cancelled' && event.place.requireLocation && event.place.location !== null,
  };
}

export function detailView(event: EventDetail, role: MemberRole | null, now: number) {
  const action = signUpAction(event, now);
  const check = checkIn(event, now);
  return {
    title: event.title,
    form: event.form,
    statusText: statusLabel(event.status),
    theme: event.theme || '学习主题待定',
    timeText: formatEventTime(event.startsAt, event.endsAt, now),
    placeName: event.place.name || '地点待定',
    ownerName: event.ownerName,
    organisersText: event.organisers.join('、'),
    countdown: countdownText(event, now),
    countsText: countsText(event.counts),
    action,
    actionDisabled: action.tap === null,
    checkInOpen: check.open,
    checkInHint: check.hint,
    // The screen's QR asks for the position and works without it (the printed code is another page).
    checkInLocationHint: event.place.requireLocation ? '签到时会请求获取你的位置，不允许也可以扫码签到' : '',
    leave: leaveView(event, now),
    coming: comingRows(event),
    manage: manageLinks(event, role),
  };
}

export type DetailView = ReturnType<typeof detailView>;
