/**
 * 扫码签到: opens the camera as soon as the event is known, reads the live screen's QR
 * (utils/check-in-code), adds the position only when the event asks for it and the member allows
 * it, and shows the server's verdict in words: 签到成功, 迟到, 已签到, or its Chinese error.
 */
import { errorMessage } from '../../../services/api';
import { scanCheckIn } from '../../../services/check-in';
import { getEvent } from '../../../services/events';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { decodeCheckInCode } from '../../../utils/check-in-code';
import type { ViewStatus } from '../../../utils/session-view';
import { currentPosition, scanQrText } from './device';
import { errorOutcome, NOT_A_CHECK_IN_CODE, resultOutcome } from './outcome';
import type { Outcome } from './outcome';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    title: '',
    locationHint: '',
    working: false,
    outcome: null as Outcome | null,
    outcomeClass: '',
  },
  eventId: '',
  wantsLocation: false,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.eventId ?? '';
    void this.load(true);
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load(false);
  },
  onScan() {
    void this.scan();
  },
  onBack() {
    void wx.navigateBack();
  },

  async load(scanAfter: boolean) {
    try {
      const event = await getEvent(this.eventId);
      this.wantsLocation = event.place.requireLocation && event.place.location !== null;
      this.setData({
        status: 'ready',
        title: event.title,
        locationHint: this.wantsLocation ? '此活动需要确认你在现场，签到时会请求获取位置；不允许也可以扫码签到' : '',
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
      return;
    }
    if (scanAfter) void this.scan();
  },

  async scan() {
    if (this.data.working) return;
    const text = await scanQrText();
    if (text === null) return; // closed the camera: the page offers 扫码签到 again
    const code = decodeCheckInCode(text);
    if (!code) {
      this.show(NOT_A_CHECK_IN_CODE);
      return;
    }
    this.setData({ working: true, outcome: null });
    const location = this.wantsLocation ? await currentPosition() : null;
    try {
      // The page's event, not the code's: the server tells a code for another event apart.
      const result = await scanCheckIn(this.eventId, code.token, location);
      markEventsStale();
      this.show(resultOutcome(result));
    } catch (err) {
      this.show(errorOutcome(errorMessage(err)));
    }
  },

  show(outcome: Outcome) {
    this.setData({ working: false, outcome, outcomeClass: `check-in__outcome check-in__outcome--${outcome.tone}` });
  },
});
