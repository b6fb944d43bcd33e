/**
 * 扫码签到: opens the camera as soon as the event is known, reads the live screen's QR
 * (utils/check-in-code), adds the position only when the event asks for it and the member allows
 * it, and shows the server's verdict in words: 签到成功, 迟到, 已签到, or its Chinese error.
 * Opened from a printed code (`scene`), it resolves the event and checks in by position instead;
 * refusing the position leaves the screen's QR as the way in.
 */
import { errorMessage } from '../../../services/api';
import { checkInByLocation, eventOfPrintedCode, scanCheckIn } from '../../../services/check-in';
import { getEvent } from '../../../services/events';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { decodeCheckInCode, printedCodeFromScene } from '../../../utils/check-in-code';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';
import { checkInButtons, locationHint } from './check-in-view';
import type { CheckInButtons } from './check-in-view';
import { currentPosition, scanQrText } from './device';
import { errorOutcome, LOCATION_REFUSED, NOT_A_CHECK_IN_CODE, NOT_A_PRINTED_CODE, resultOutcome } from './outcome';
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
    /** Opened from a printed code: the position checks in, the camera is the fallback. */
    printed: false,
    buttons: checkInButtons(false, null) as CheckInButtons,
  },
  eventId: '',
  /** The printed code's short code, until it is resolved to `eventId`. */
  printedCode: null as string | null,
  wantsLocation: false,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.eventId ?? '';
    if (query.scene !== undefined) {
      this.printedCode = printedCodeFromScene(query.scene);
      this.setData({ printed: true, buttons: checkInButtons(true, null) });
    }
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
  onLocate() {
    void this.checkInHere();
  },
  onBack() {
    // Opened from a printed code, the scanner is the first page: there is nothing to go back to.
    if (getCurrentPages().length > 1) void wx.navigateBack();
    else void wx.redirectTo({ url: withQuery(ROUTES.eventDetail, { id: this.eventId }) });
  },

  async load(actAfter: boolean) {
    if (this.data.printed && !this.eventId && !this.printedCode) {
      this.setData({ status: 'error', errorMessage: NOT_A_PRINTED_CODE });
      return;
    }
    try {
      if (this.printedCode && !this.eventId) this.eventId = await eventOfPrintedCode(this.printedCode);
      const event = await getEvent(this.eventId);
      this.wantsLocation = event.place.requireLocation && event.place.location !== null;
      this.setData({
        status: 'ready',
        title: event.title,
        locationHint: locationHint(this.data.printed, this.wantsLocation),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
      return;
    }
    if (!actAfter) return;
    if (this.data.printed) void this.checkInHere();
    else void this.scan();
  },

  /** The printed code's check-in: the position is the only proof, so a refusal sends nothing. */
  async checkInHere() {
    if (this.data.working) return;
    this.setData({ working: true, outcome: null });
    const location = await currentPosition();
    if (!location) {
      this.show(LOCATION_REFUSED);
      return;
    }
    try {
      const result = await checkInByLocation(this.eventId, location);
      markEventsStale();
      this.show(resultOutcome(result));
    } catch (err) {
      this.show(errorOutcome(errorMessage(err)));
    }
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
    this.setData({
      working: false,
      outcome,
      outcomeClass: `check-in__outcome check-in__outcome--${outcome.tone}`,
      buttons: checkInButtons(this.data.printed, outcome),
    });
  },
});
