/** The line above the live QR: whether scanning it counts now, and how. */
import type { CheckInWindowView } from '../../../../src/contract';
import { shanghaiTime } from '../../../utils/date';

export interface WindowText {
  text: string;
  className: string;
  /** Closed: no code to show any more. */
  closed: boolean;
}

export function windowText(window: CheckInWindowView): WindowText {
  if (window.state === 'notOpen')
    return {
      text: `签到将于 ${shanghaiTime(window.opensAt)} 开始，届时扫码有效`,
      className: 'live__window live__window--wait',
      closed: false,
    };
  if (window.state === 'closed')
    return { text: '活动已结束，签到已关闭', className: 'live__window live__window--closed', closed: true };
  if (window.timing === 'late')
    return { text: '活动已开始，现在签到记为迟到', className: 'live__window live__window--late', closed: false };
  return { text: '签到进行中，请用联建通扫码', className: 'live__window live__window--open', closed: false };
}
