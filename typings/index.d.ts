/**
 * Globals of the mini-program. The app keeps no globalData: the signed-in person lives in
 * miniprogram/store/session.ts (a module is one instance for every page and subpackage).
 */
interface IAppOption {
  onLaunch(): void;
}
