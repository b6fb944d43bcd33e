/**
 * wx.onNeedPrivacyAuthorization as the base library calls it. miniprogram-api-typings 4.1.0
 * declares its listener as `(result: {}) => void`, but WeChat passes `(resolve, eventInfo)`
 * (the same file's own doc comment and the API docs say so): this overload is the real shape.
 */
declare namespace WechatMiniprogram {
  interface PrivacyResolveOption {
    /** 'agree' needs the id of the `open-type="agreePrivacyAuthorization"` button that was tapped. */
    event: 'exposureAuthorization' | 'agree' | 'disagree';
    buttonId?: string;
  }

  interface PrivacyEventInfo {
    /** The API or component that asked, e.g. "getLocation". */
    referrer: string;
  }

  type PrivacyResolve = (option: PrivacyResolveOption) => void;

  interface Wx {
    onNeedPrivacyAuthorization(listener: (resolve: PrivacyResolve, eventInfo: PrivacyEventInfo) => void): void;
  }
}
