/** What the member reads after a scan: the server's verdict, or why nothing was sent. */
import type { CheckInResult } from '../../../../src/contract';
import { shanghaiTime } from '../../../utils/date';

export interface Outcome {
  tone: 'success' | 'warning' | 'error';
  icon: string;
  title: string;
  detail: string;
  /** The member is checked in now: the page stops offering to scan. */
  checkedIn: boolean;
}

export function resultOutcome(result: CheckInResult): Outcome {
  const at = shanghaiTime(result.at);
  if (result.alreadyCheckedIn)
    return {
      tone: 'success',
      icon: 'check-circle',
      title: '已签到',
      detail: `你在 ${at} 已经签到，无需重复签到`,
      checkedIn: true,
    };
  if (result.timing === 'late')
    return {
      tone: 'warning',
      icon: 'time',
      title: '签到成功，记为迟到',
      detail: `签到时间 ${at}，活动已经开始`,
      checkedIn: true,
    };
  return { tone: 'success', icon: 'check-circle', title: '签到成功', detail: `签到时间 ${at}`, checkedIn: true };
}

export function errorOutcome(message: string): Outcome {
  return { tone: 'error', icon: 'error-circle', title: '签到没有成功', detail: message, checkedIn: false };
}

/** A QR that is not a Lianjian check-in code (another app's, a link, a torn photo). */
export const NOT_A_CHECK_IN_CODE = errorOutcome('这不是联建通的签到码，请扫描现场屏幕上的签到二维码');

/** The printed code checks the position only: without it the member scans the secretary's screen. */
export const LOCATION_REFUSED = errorOutcome(
  '没有获取到你的位置。此签到码需要获取你的位置才能签到，请点“定位签到”并允许；也可以点“扫码签到”，扫描书记手机或现场屏幕上的签到二维码，扫码不需要位置',
);

/** A page opened with a scene that is not a printed check-in code. */
export const NOT_A_PRINTED_CODE = '这不是有效的活动签到码，请扫描现场屏幕上的签到二维码';
