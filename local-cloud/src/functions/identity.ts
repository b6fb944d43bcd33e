/**
 * Who is calling a function, turned into the environment CloudBase gives an instance for one call.
 * Both SDKs read identity from process.env on every call: node-sdk's `auth().getUserInfo()` takes
 * WX_OPENID / WX_APPID / WX_UNIONID only if listed in WX_CONTEXT_KEYS, and wx-server-sdk's
 * `getWXContext()` maps every `WX_<KEY>` listed there to `<KEY>`, plus ENV (TCB_ENV) and SOURCE
 * (TCB_SOURCE).
 */
export interface CallerIdentity {
  openId?: string;
  appId?: string;
  unionId?: string;
}

/**
 * How the call was triggered, as in getWXContext().SOURCE: `wx_client` for the mini-program,
 * `wx_trigger` for timers, and `<caller source>,scf` for a function calling another function.
 */
export type CallSource = string;

export const CALL_SOURCES = {
  client: 'wx_client',
  timer: 'wx_trigger',
  /**
   * A message push (消息推送) from WeChat. CloudBase's documentation lists no SOURCE value for it,
   * so the local cloud uses its own; the receiving function refuses the sources a caller can
   * produce (client, devtools, HTTP API, another function) rather than expecting this one.
   */
  messagePush: 'wx_message_push',
  functionSuffix: 'scf',
} as const;

export function callEnv(identity: CallerIdentity, source: CallSource, defaultAppId: string): Record<string, string> {
  const env: Record<string, string> = { WX_APPID: identity.appId ?? defaultAppId, TCB_SOURCE: source };
  if (identity.openId) env.WX_OPENID = identity.openId;
  if (identity.unionId) env.WX_UNIONID = identity.unionId;
  env.WX_CONTEXT_KEYS = Object.keys(env)
    .filter((key) => key.startsWith('WX_'))
    .join(',');
  return env;
}
