/**
 * Applies 关怀模式 to a page or the tab bar: each binds `careClass` on its root view, and app.wxss
 * `.care-mode` enlarges every type and tap-target token below it. Pages call `syncCareMode` on
 * show, so a change made in 我的 reaches every page the next time it appears.
 */
import { isCareMode } from '../store/preferences';

export const CARE_CLASS = 'care-mode';

interface CareModeView {
  data: { careClass: string };
  setData(data: { careClass: string }): void;
}

/** Sets `careClass` from the current preference; no setData when nothing changed. */
export function syncCareMode(view: CareModeView): void {
  const careClass = isCareMode() ? CARE_CLASS : '';
  if (view.data.careClass !== careClass) view.setData({ careClass });
}

interface WithTabBar {
  getTabBar?: () => unknown;
}

/** The custom tab bar of the page shown now, so a change in 我的 applies to it at once. */
export function syncTabBarCareMode(page: WithTabBar): void {
  const bar = typeof page.getTabBar === 'function' ? page.getTabBar() : null;
  const apply = (bar as { applyCareMode?: () => void } | null)?.applyCareMode;
  if (typeof apply === 'function') apply.call(bar);
}
