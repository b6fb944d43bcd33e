/**
 * The secretary's live check-in screen, projected in the room: the event's title, the rotating code
 * as a big QR once check-in is open (before, the time it opens), redrawn by itself when the server
 * says it rotates (`rotatesAt`), and 已签到 n / 已报名 m, polled every few seconds. The screen stays
 * on while shown; every timer stops when the page hides or closes.
 */
import type { CheckInCode } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getCheckInCode } from '../../../services/check-in';
import { syncCareMode } from '../../../utils/care-mode';
import { encodeCheckInCode } from '../../../utils/check-in-code';
import { shanghaiTime } from '../../../utils/date';
import { drawQr, qrModules } from './qr-canvas';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { liveView } from './live-view';

/** How often the present count is fetched; the same call brings a fresh code if it rotated. */
const POLL_MS = 5000;
/** A clock running ahead of the server must not turn the rotation timer into a busy loop. */
const MIN_ROTATION_DELAY_MS = 1000;

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    title: '',
    presentText: '',
    registeredText: '',
    windowText: '',
    windowClass: '',
    showCode: false,
    closed: false,
    updatedText: '',
    /** A failed poll: the last code stays up (it is valid one more window) while we retry. */
    warning: '',
  },
  eventId: '',
  token: '',
  rotationTimer: null as number | null,
  pollTimer: null as number | null,
  inFlight: false,
  active: false,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.eventId ?? '';
  },
  onShow() {
    syncCareMode(this);
    this.active = true;
    void wx.setKeepScreenOn({ keepScreenOn: true });
    this.pollTimer = setInterval(() => void this.refresh(), POLL_MS) as unknown as number;
    void this.refresh();
  },
  onHide() {
    this.stop();
  },
  onUnload() {
    this.stop();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.refresh();
  },

  stop() {
    this.active = false;
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    if (this.rotationTimer !== null) clearTimeout(this.rotationTimer);
    this.pollTimer = null;
    this.rotationTimer = null;
    void wx.setKeepScreenOn({ keepScreenOn: false });
  },

  async refresh() {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const code = await getCheckInCode(this.eventId);
      if (this.active) this.apply(code);
    } catch (err) {
      if (this.data.status !== 'ready') this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else setChanged(this, { warning: `${errorMessage(err)}，正在重试…` });
    } finally {
      this.inFlight = false;
    }
  },

  apply(code: CheckInCode) {
    const view = liveView(code);
    setChanged(this, { status: 'ready', ...view, warning: '' });
    if (view.closed) {
      this.stop();
      return;
    }
    this.scheduleRotation(code);
    if (!view.showCode) {
      // No code before check-in opens; the first one is drawn when it does.
      this.token = '';
      return;
    }
    if (code.token === this.token) return;
    this.token = code.token;
    const text = encodeCheckInCode({ eventId: this.eventId, token: code.token });
    const updatedText = `二维码 ${shanghaiTime(new Date().toISOString(), true)} 更新，每 ${code.windowSeconds} 秒自动更换`;
    // Drawn once the view holds the canvas (it appears with status 'ready', set just before).
    this.setData({ updatedText }, () => this.draw(text));
  },

  scheduleRotation(code: CheckInCode) {
    if (this.rotationTimer !== null) clearTimeout(this.rotationTimer);
    const due = Date.parse(code.rotatesAt) - Date.now();
    const delay = Math.min(Math.max(due, MIN_ROTATION_DELAY_MS), code.windowSeconds * 1000);
    this.rotationTimer = setTimeout(() => {
      this.rotationTimer = null;
      void this.refresh();
    }, delay) as unknown as number;
  },

  draw(text: string) {
    this.createSelectorQuery()
      .select('#qr')
      .fields({ node: true, size: true })
      .exec((res: { node?: WechatMiniprogram.Canvas; width?: number }[]) => {
        const found = res[0];
        if (!found?.node || !found.width) return;
        const pixelRatio = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : 2;
        drawQr(found.node, qrModules(text), found.width, pixelRatio);
      });
  },
});
