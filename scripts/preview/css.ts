/**
 * WXSS → CSS a desktop Chromium renders like a 375 px wide iPhone X in WeChat: rpx at 0.5 px
 * (750 rpx = the screen width), `page` → `body`, `:host` → the host tag, vh of the page area under
 * the navigation bar, the safe-area insets of that phone, and no remote fonts (the preview works
 * offline; icons come from the font the app ships, styles/icon-font.wxss, not TDesign's CDN face).
 */
export const VIEWPORT = { width: 375, height: 812, statusBar: 44, navigationBar: 44, safeAreaBottom: 34 };

/** Height of the page area between the navigation bar and the bottom of the screen. */
export const PAGE_HEIGHT = VIEWPORT.height - VIEWPORT.statusBar - VIEWPORT.navigationBar;

const round = (n: number): string => String(Math.round(n * 1000) / 1000);

export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx\b/gi, (_m, n: string) => `${round((Number(n) * VIEWPORT.width) / 750)}px`);
}

/** Selector rewrites, applied before simulate prefixes class names: `page` → body, `:host` → tag. */
export function browserSelectors(wxss: string, hostTag: string): string {
  return wxss.replace(/(^|})([^{}@]+)\{/g, (_m, before: string, selectors: string) => {
    const rewritten = selectors
      .split(',')
      .map((s) => s.replace(/(^|[\s>+~])page(?![-\w])/g, '$1body').replace(/:host(?![-\w])/g, hostTag))
      .join(',');
    return `${before}${rewritten}{`;
  });
}

/** Units and features that depend on the device or the network. */
export function deviceCss(css: string): string {
  return css
    .replace(/(-?\d*\.?\d+)vh\b/g, (_m, n: string) => `${round((Number(n) * PAGE_HEIGHT) / 100)}px`)
    .replace(/(?:env|constant)\(\s*safe-area-inset-bottom\s*(?:,[^)]*)?\)/g, `${VIEWPORT.safeAreaBottom}px`)
    .replace(/(?:env|constant)\(\s*safe-area-inset-(?:top|left|right)\s*(?:,[^)]*)?\)/g, '0px')
    .replace(/@font-face\s*\{[^}]*url\(\s*['"]?https?:[^}]*\}/g, '');
}

/**
 * What WeChat's built-in components and system font give for free, for the preview only: block
 * views, an input that shows its value, PingFang SC as Noto Sans CJK SC.
 */
export const BASE_CSS = `
@font-face { font-family: 'PingFang SC'; src: local('Noto Sans CJK SC'), local('NotoSansCJKsc-Regular'); font-weight: 400; }
@font-face { font-family: 'PingFang SC'; src: local('Noto Sans CJK SC Bold'), local('NotoSansCJKsc-Bold'); font-weight: 600 900; }
@font-face { font-family: 'PingFangSC-Regular'; src: local('Noto Sans CJK SC'); }
html, body { margin: 0; padding: 0; }
body { width: ${VIEWPORT.width}px; height: ${VIEWPORT.height}px; overflow: hidden; -webkit-font-smoothing: antialiased; }
main, state-view { display: inline; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-textarea, wx-button, wx-navigator { display: block; }
wx-text, wx-label { display: inline; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; }
wx-button { position: relative; box-sizing: border-box; text-align: center; overflow: hidden; }
wx-button::after { content: ' '; position: absolute; top: 0; left: 0; width: 200%; height: 200%; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 10px; transform: scale(0.5); transform-origin: 0 0; pointer-events: none; }
[hidden] { display: none !important; }
input.wx-input { display: block; width: 100%; border: 0; outline: 0; margin: 0; padding: 0; background: transparent;
  font: inherit; color: inherit; min-height: 1.4em; }
input.wx-input::placeholder { color: var(--td-text-color-placeholder, #a3a3a3); }
`;

/** The status bar, navigation bar (title, back arrow off the tab pages, WeChat's capsule) and frame. */
export const CHROME_CSS = `
.wx-status { position: fixed; top: 0; left: 0; right: 0; height: ${VIEWPORT.statusBar}px; display: flex;
  align-items: center; padding: 0 24px; font: 600 15px/1 'PingFang SC', sans-serif; box-sizing: border-box; }
.wx-nav { position: fixed; top: ${VIEWPORT.statusBar}px; left: 0; right: 0; height: ${VIEWPORT.navigationBar}px;
  display: flex; align-items: center; justify-content: center; font: 600 17px/1 'PingFang SC', sans-serif; }
.wx-nav__back { position: absolute; left: 12px; top: 8px; width: 28px; height: 28px; font: 400 28px/28px sans-serif; }
.wx-nav__capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, 0.12); border-radius: 16px; background: rgba(255, 255, 255, 0.6); }
.wx-nav__capsule::before { content: '• • •'; position: absolute; left: 12px; top: 7px; font: 700 12px/16px sans-serif; letter-spacing: 1px; }
.wx-nav__capsule::after { content: ''; position: absolute; right: 12px; top: 7px; width: 16px; height: 16px;
  box-sizing: border-box; border: 2px solid currentColor; border-radius: 50%; }
.wx-frame { position: absolute; top: ${VIEWPORT.statusBar + VIEWPORT.navigationBar}px; left: 0; right: 0;
  height: ${PAGE_HEIGHT}px; overflow: hidden; }
`;
