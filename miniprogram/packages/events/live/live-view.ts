/**
 * The live screen as the room reads it: the event's title, whether scanning counts now, the code
 * only once check-in has opened (before, the time it opens instead), and 已签到 n / 已报名 m.
 */
import type { CheckInCode, CheckInWindowView } from '../../../../src/contract';
import { formatEventMoment, shanghaiDate, shanghaiTime } from '../../../utils/date';

export interface WindowText {
  text: string;
  className: string;
  /** Open: the QR is up and scanning it counts. */
  showCode: boolean;
  /** Closed: nothing to poll for any more. */
  closed: boolean;
}

/** `14:00` today, `5月16日 周六 14:00` on another day (a screen put up the evening before). */
function opensText(opensAt: string, now: number): string {
  const today = shanghaiDate(new Date(now).toISOString());
  return shanghaiDate(opensAt) === today ? shanghaiTime(opensAt) : formatEventMoment(opensAt, now);
}

export function windowText(window: CheckInWindowView, now = Date.now()): WindowText {
  if (window.state === 'notOpen')
    return {
      text: `签到将于 ${opensText(window.opensAt, now)} 开始`,
      className: 'live__window live__window--wait',
      showCode: false,
      closed: false,
    };
  if (window.state === 'closed')
    return {
      text: '活动已结束，签到已关闭',
      className: 'live__window live__window--closed',
      showCode: false,
      closed: true,
    };
  if (window.timing === 'late')
    return {
      text: '活动已开始，现在签到记为迟到',
      className: 'live__window live__window--late',
      showCode: true,
      closed: false,
    };
  return {
    text: '签到进行中，请用联建通扫码',
    className: 'live__window live__window--open',
    showCode: true,
    closed: false,
  };
}

export function liveView(code: CheckInCode, now = Date.now()) {
  const window = windowText(code.window, now);
  return {
    title: code.title,
    windowText: window.text,
    windowClass: window.className,
    showCode: window.showCode,
    closed: window.closed,
    presentText: `${code.present}`,
    registeredText: `已报名 ${code.registered} 人`,
  };
}

export type LiveView = ReturnType<typeof liveView>;
