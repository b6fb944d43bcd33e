/**
 * What the scanner page offers around the verdict: the location line at the top, and which
 * buttons remain. Once the member is checked in nothing calls them to scan again: 返回活动 leads.
 */
import type { Outcome } from './outcome';

export interface CheckInButtons {
  /** 定位签到: only on a printed code's page, until checked in. */
  locate: boolean;
  scan: boolean;
  scanTheme: 'primary' | 'default';
  backTheme: 'primary' | 'default';
  backVariant: 'base' | 'outline';
}

/**
 * Each path says what it really needs: the printed code checks in by position only; the screen's
 * QR asks for the position when the event wants it, and works without it (the server accepts).
 */
export function locationHint(printed: boolean, eventWantsLocation: boolean): string {
  if (printed) return '用此签到码签到需要获取你的位置；扫描现场屏幕上的二维码签到则不需要';
  return eventWantsLocation ? '此活动会请求获取你的位置以确认你在现场；不允许也可以扫码签到' : '';
}

export function checkInButtons(printed: boolean, outcome: Outcome | null): CheckInButtons {
  if (outcome?.checkedIn)
    return { locate: false, scan: false, scanTheme: 'default', backTheme: 'primary', backVariant: 'base' };
  return {
    locate: printed,
    scan: true,
    scanTheme: printed ? 'default' : 'primary',
    backTheme: 'default',
    backVariant: 'outline',
  };
}
