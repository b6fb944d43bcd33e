/**
 * Where API calls go.
 *
 * Cloud mode (default): `wx.cloud.callFunction({ name: 'api' })` in the CloudBase environment
 * `cloudEnv` (replace the placeholder with your environment id).
 *
 * Local mode: HTTP to the local cloud's function gateway, acting as the WeChat user `openid`.
 * To develop against `npm start` (the local cloud on port 9100):
 *   1. set `local.enabled` to `true` below (do not commit it; it only takes effect in the 开发版
 *      anyway, see ./mode.ts, so a trial or release build can never reach the local cloud);
 *   2. in WeChat DevTools tick 详情 → 本地设置 → 不校验合法域名 (a personal setting: it lives in
 *      project.private.config.json, see project.private.config.example.json);
 *   3. change `local.openid` to act as another person (`dev-newcomer` has not joined a branch);
 *   4. on a real phone 127.0.0.1 is the phone itself: use the computer's LAN address in `baseUrl`.
 */
export const config = {
  cloudEnv: 'your-cloudbase-env-id',
  local: {
    enabled: false,
    baseUrl: 'http://127.0.0.1:9100',
    openid: 'dev-newcomer',
  },
};
