/**
 * The privacy consent popup (see utils/privacy.ts). Put `<privacy-popup />` on every page that
 * collects a position, a chosen file or the member's real name, or writes the clipboard: it
 * opens when WeChat pauses a privacy API (or `requirePrivacy()` asks) for a person who has not
 * agreed yet, links to the privacy guide, and answers WeChat with the person's choice. The agree button must be WeChat's
 * own `open-type="agreePrivacyAuthorization"` button: the base library checks it was tapped.
 */
import { addPrivacyHandler, openPrivacyGuide, privacyPurpose } from '../../utils/privacy';
import { ROUTES } from '../../utils/routes';

const AGREE_BUTTON_ID = 'privacy-agree';

interface PopupState {
  resolve?: WechatMiniprogram.PrivacyResolve;
  removeHandler?: () => void;
}

Component({
  properties: {
    /** What the page collects, when WeChat names no API (e.g. the real name typed in a form). */
    purpose: { type: String, value: '使用需要你个人信息的功能' },
  },
  data: {
    visible: false,
    shownPurpose: '',
  },
  lifetimes: {
    attached() {
      const state = this as unknown as PopupState;
      state.removeHandler = addPrivacyHandler((resolve, eventInfo) => {
        state.resolve?.({ event: 'disagree' }); // a second request replaces an unanswered one
        state.resolve = resolve;
        resolve({ event: 'exposureAuthorization' }); // tells WeChat the popup is on screen
        this.setData({ visible: true, shownPurpose: privacyPurpose(eventInfo?.referrer, this.data.purpose) });
      });
    },
    detached() {
      const state = this as unknown as PopupState;
      state.removeHandler?.();
      state.resolve?.({ event: 'disagree' }); // never leave WeChat's call pending
      state.resolve = undefined;
    },
  },
  methods: {
    answer(option: WechatMiniprogram.PrivacyResolveOption) {
      const state = this as unknown as PopupState;
      state.resolve?.(option);
      state.resolve = undefined;
      this.setData({ visible: false });
    },
    onAgree() {
      this.answer({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    },
    onDisagree() {
      this.answer({ event: 'disagree' });
    },
    onOpenGuide() {
      openPrivacyGuide(ROUTES.privacy);
    },
    /** Taps inside the panel must not reach the overlay. */
    noop() {},
  },
});
