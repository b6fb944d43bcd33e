import {
  careModeChoice,
  isCareMode,
  setCareMode,
  systemPrefersLargeText,
} from '../../../miniprogram/store/preferences';

function wechatFontScale(fontSizeScaleFactor: number, fontSizeSetting = 17): void {
  const info = wx.getAppBaseInfo();
  jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ ...info, fontSizeScaleFactor, fontSizeSetting });
}

describe('preferences: 关怀模式', () => {
  it('is off with no choice and a standard WeChat font', () => {
    wechatFontScale(1);
    expect(careModeChoice()).toBeNull();
    expect(isCareMode()).toBe(false);
  });

  it('follows a large WeChat font until the person chooses', () => {
    wechatFontScale(1.4, 23);
    expect(systemPrefersLargeText()).toBe(true);
    expect(isCareMode()).toBe(true);
    setCareMode(false);
    expect(isCareMode()).toBe(false);
  });

  it('keeps the choice in storage', () => {
    setCareMode(true);
    expect(wx.getStorageSync('lj.careMode')).toBe(true);
    expect(careModeChoice()).toBe(true);
  });

  it('reads the font size in px where no scale factor is given', () => {
    jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({ fontSizeSetting: 20 } as WechatMiniprogram.AppBaseInfo);
    expect(systemPrefersLargeText()).toBe(true);
  });
});
