/**
 * WeChat's privacy consent (用户隐私保护指引). Before a privacy API (getLocation,
 * chooseLocation, chooseMessageFile, setClipboardData…) runs for a person who has not agreed
 * yet, the base library pauses it and calls the one `wx.onNeedPrivacyAuthorization` listener; the call goes on only after
 * `resolve({ event: 'agree', buttonId })` following a tap on an `open-type="agreePrivacyAuthorization"`
 * button. The listener is registered once (app launch: registering again replaces it) and hands
 * each request to the privacy popup of the page on top, which is the last one attached: popups
 * register here when they attach and leave when their page unloads.
 */
type Resolve = WechatMiniprogram.PrivacyResolve;
type EventInfo = WechatMiniprogram.PrivacyEventInfo;
export type PrivacyHandler = (resolve: Resolve, eventInfo: EventInfo) => void;

const handlers: PrivacyHandler[] = [];

/** Base library ≥ 2.32.3; older clients enforce nothing and have none of these APIs. */
const supported = (): boolean => typeof wx.onNeedPrivacyAuthorization === 'function';

export function installPrivacyListener(): void {
  if (!supported()) return;
  const listener: PrivacyHandler = (resolve, eventInfo) => {
    const top = handlers[handlers.length - 1];
    if (top) return top(resolve, eventInfo);
    // A page that calls a privacy API must carry <privacy-popup />: fail the call, visibly in the log.
    console.error(`[privacy] no privacy-popup on this page for ${eventInfo?.referrer ?? 'a privacy API'}`);
    resolve({ event: 'disagree' });
  };
  wx.onNeedPrivacyAuthorization(listener);
}

/** Registers a popup; answers the function that removes it. */
export function addPrivacyHandler(handler: PrivacyHandler): () => void {
  handlers.push(handler);
  return () => {
    const at = handlers.lastIndexOf(handler);
    if (at >= 0) handlers.splice(at, 1);
  };
}

/**
 * Consent before collecting something no privacy API guards (the real name typed into a form):
 * `wx.requirePrivacyAuthorize` raises the same popup when the person has not agreed yet.
 * Resolves true when they agreed (now or before), false when they declined.
 */
export function requirePrivacy(): Promise<boolean> {
  if (typeof wx.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

/** WeChat's page of our privacy guide (as filled in on mp.weixin.qq.com); the in-app page if it cannot open. */
export function openPrivacyGuide(fallbackUrl: string): void {
  const fallback = () => void wx.navigateTo({ url: fallbackUrl });
  if (typeof wx.openPrivacyContract !== 'function') return fallback();
  wx.openPrivacyContract({ fail: fallback });
}

/** What each privacy API is for, in the words of the popup. */
const PURPOSES: Record<string, string> = {
  getLocation: '签到时确认你在活动地点附近',
  chooseLocation: '在地图上选择活动的签到地点',
  chooseMessageFile: '从聊天中选择要上传的协议文件',
  setClipboardData: '把邀请信息复制到剪贴板',
};

export function privacyPurpose(referrer: string | undefined, fallback: string): string {
  return (referrer && PURPOSES[referrer]) || fallback;
}
