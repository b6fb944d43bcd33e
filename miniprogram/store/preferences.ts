/**
 * Display preferences kept on the phone. 关怀模式 (care mode: larger text and tap targets) is the
 * person's own choice once they have made one in 我的; until then it follows WeChat's font size.
 */
const CARE_MODE_KEY = 'lj.careMode';

/**
 * WeChat's font-size setting as `wx.getAppBaseInfo()` reports it (base library 2.20.1+):
 * `fontSizeScaleFactor` is the scale of 微信字体大小 (1 = standard) and `fontSizeSetting` the size in
 * px (2.23.4+; 17 is standard). Docs: developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html
 * From one step above standard on, care mode is on by default.
 */
const LARGE_SCALE_FACTOR = 1.2;
const LARGE_FONT_SIZE_PX = 20;

/** The choice made in 我的, or null if the person never chose. */
export function careModeChoice(): boolean | null {
  const stored: unknown = wx.getStorageSync(CARE_MODE_KEY);
  return typeof stored === 'boolean' ? stored : null;
}

export function setCareMode(on: boolean): void {
  wx.setStorageSync(CARE_MODE_KEY, on);
}

/** True when WeChat's own font size is set large; false where the platform does not say. */
export function systemPrefersLargeText(): boolean {
  if (typeof wx.getAppBaseInfo !== 'function') return false;
  const { fontSizeScaleFactor, fontSizeSetting } = wx.getAppBaseInfo();
  return (
    (typeof fontSizeScaleFactor === 'number' && fontSizeScaleFactor >= LARGE_SCALE_FACTOR) ||
    (typeof fontSizeSetting === 'number' && fontSizeSetting >= LARGE_FONT_SIZE_PX)
  );
}

/** Whether pages show in care mode now: the person's choice, else the system font size. */
export function isCareMode(): boolean {
  return careModeChoice() ?? systemPrefersLargeText();
}
