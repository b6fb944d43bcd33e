/**
 * Which transport the API client uses. Local mode (HTTP to the local cloud, with a made-up openid
 * in a header) exists for WeChat DevTools only: the `local.enabled` switch lives in a committed
 * file and could ship switched on by mistake, so it only counts in the 开发版 ('develop'). A trial
 * (体验版) or release (正式版) build always talks to CloudBase, whatever the file says.
 */
import { config } from './index';

type EnvVersion = WechatMiniprogram.MiniProgram['envVersion'];

/** The running build's version; unknown counts as release, the safe side. */
export function envVersion(): EnvVersion {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion ?? 'release';
  } catch {
    return 'release';
  }
}

let warned = false;

export function isLocalMode(): boolean {
  if (!config.local.enabled) return false;
  const version = envVersion();
  if (version === 'develop') return true;
  if (!warned) {
    warned = true;
    console.error(`[config] local.enabled is ignored in a ${version} build: calls go to CloudBase`);
  }
  return false;
}
