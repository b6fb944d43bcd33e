/**
 * WeChat's privacy consent, stubbed the way the base library behaves (simulate's wx has none of
 * it): `wx.onNeedPrivacyAuthorization` keeps the one listener, `request(referrer)` plays a privacy
 * API pausing for a person who has not agreed, and `wx.requirePrivacyAuthorize` asks through the
 * same listener until someone answers 'agree'. The listener must be installed inside the page's
 * module registry (`beforeLoad`), as app.ts installs it in the app's.
 */
import type * as PrivacyModule from '../../../miniprogram/utils/privacy';
import { MINIPROGRAM_ROOT } from './load';

type Listener = (resolve: WechatMiniprogram.PrivacyResolve, info: WechatMiniprogram.PrivacyEventInfo) => void;

export interface PrivacyStub {
  /** Pass as `load(path, { beforeLoad })`. */
  beforeLoad(): void;
  /** A privacy API (e.g. 'getLocation') asking; the mock records how the app answered. */
  request(referrer: string): jest.Mock;
  openPrivacyContract: jest.Mock;
}

export function stubPrivacy(): PrivacyStub {
  let listener: Listener | undefined;
  let agreed = false;
  const request = (referrer: string): jest.Mock => {
    const resolve = jest.fn((option: WechatMiniprogram.PrivacyResolveOption) => {
      if (option.event === 'agree') agreed = true;
    });
    if (!listener) throw new Error('no onNeedPrivacyAuthorization listener installed');
    listener(resolve, { referrer });
    return resolve;
  };
  const openPrivacyContract = jest.fn();
  Object.assign(wx, {
    onNeedPrivacyAuthorization: jest.fn((l: Listener) => {
      listener = l;
    }),
    openPrivacyContract,
    requirePrivacyAuthorize: jest.fn((options: { success?: () => void; fail?: () => void }) => {
      if (agreed) return options.success?.();
      const resolve = request('requirePrivacyAuthorize');
      // The base library continues the paused call once the app answers.
      resolve.mockImplementation((option: WechatMiniprogram.PrivacyResolveOption) => {
        if (option.event === 'agree') {
          agreed = true;
          options.success?.();
        } else if (option.event === 'disagree') options.fail?.();
      });
    }),
  });
  return {
    beforeLoad: () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(`${MINIPROGRAM_ROOT}/utils/privacy`) as typeof PrivacyModule).installPrivacyListener();
    },
    request,
    openPrivacyContract,
  };
}
