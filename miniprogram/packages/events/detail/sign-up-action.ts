/**
 * The one big button of the event page, from the event and the member's own state: what it says,
 * what a tap does (sign up, cancel) or that it only informs (disabled), and a line under it.
 */
import type { EventDetail } from '../../../../src/contract';
import { formatEventMoment, shanghaiTime } from '../../../utils/date';

export type SignUpTap = 'signUp' | 'cancel';

export interface SignUpAction {
  label: string;
  /** What a tap does; null shows the button disabled. */
  tap: SignUpTap | null;
  /** `outline` for a step back (取消报名), `base` otherwise. */
  variant: 'base' | 'outline';
  hint: string;
  /** A second, quieter way out for someone on the waitlist. */
  secondary: { label: string; tap: SignUpTap } | null;
  /** Checked in: shown as a settled green state, not as a (disabled) button to press. */
  done: boolean;
}

const info = (label: string, hint = ''): SignUpAction => ({
  label,
  tap: null,
  variant: 'base',
  hint,
  secondary: null,
  done: false,
});

function releasedLine(released: { byName: string; reason: string }): string {
  return `你的名额已由${released.byName}释放：${released.reason}`;
}

export function signUpAction(event: EventDetail, now: number): SignUpAction {
  const beforeStart = now < Date.parse(event.startsAt);
  if (event.status === 'cancelled')
    return info('活动已取消', event.cancelReason ? `取消原因：${event.cancelReason}` : '');
  if (event.myCheckIn) {
    const late = event.myCheckIn.timing === 'late' ? '（迟到）' : '';
    return { ...info('已签到', `签到时间 ${shanghaiTime(event.myCheckIn.at)}${late}`), done: true };
  }
  if (event.status === 'finished') return info('活动已结束');
  if (event.status === 'draft') return info('活动尚未发布', '发布后党员才能报名');

  const mine = event.myRegistration;
  if (mine?.status === 'registered')
    return beforeStart
      ? { ...info('取消报名', '你已报名，活动开始前可以取消'), tap: 'cancel', variant: 'outline' }
      : info('已报名', '请按时到场签到');
  if (mine?.status === 'waitlisted')
    return {
      ...info(`候补中第 ${mine.waitlistPosition ?? '?'} 位`, '有人取消报名时，按候补顺序自动递补'),
      secondary: beforeStart ? { label: '取消候补', tap: 'cancel' } : null,
    };

  // A place an organiser gave back: say who and why, so the member is not left guessing.
  const released = mine?.status === 'cancelled' && mine.released ? releasedLine(mine.released) : '';
  if (!event.signUpOpen) return info('报名已截止', released);
  const deadline = `${released ? `${released}。` : ''}报名截止：${formatEventMoment(event.signUpDeadline, now)}`;
  if (event.counts.remaining === 0)
    return { ...info('报名候补', `名额已满，报名后进入候补。${deadline}`), tap: 'signUp' };
  return { ...info('报名', deadline), tap: 'signUp' };
}
