/**
 * Every path the local cloud serves. `/admin` and the storage paths are what the SDKs use; the
 * function gateway is what the mini-program uses in local mode; everything under `/__local` is for
 * tests and developers only.
 */
export const ROUTES = {
  /** JSON (or multipart for wx.openApi) POST from both SDKs, operation named by body.action. */
  admin: '/admin',
  /** POST /functions/<name>: body is the event, answer is the return value. */
  functionsPrefix: '/functions/',
  /** PUT or form POST (upload) / GET, HEAD (temp URL download) of file bytes: /storage/<cloudPath>. */
  storagePrefix: '/storage/',
} as const;

export const ADMIN_PREFIX = '/__local';

export const ADMIN_ROUTES = {
  info: `${ADMIN_PREFIX}/info`,
  reset: `${ADMIN_PREFIX}/reset`,
  outbox: `${ADMIN_PREFIX}/outbox`,
  outboxFailNext: `${ADMIN_PREFIX}/outbox/fail-next`,
  /** POST `{ api, n, errcode?, errmsg?, delayMs? }`: the n-th call of `api` from now fails or waits. */
  outboxFailNth: `${ADMIN_PREFIX}/outbox/fail-nth`,
  /** POST `{ openid, results: { [templateId]: 'accept' } }` (wx.requestSubscribeMessage); GET `?openid=` credits. */
  subscriptions: `${ADMIN_PREFIX}/subscriptions`,
  /** POST `{ templates: [{ id, mode?, keywords: { thing1: 'thing' } }] }`: templates beside the project's. */
  subscriptionTemplates: `${ADMIN_PREFIX}/subscriptions/templates`,
  timers: `${ADMIN_PREFIX}/timers`,
  /** GET the content-security rules, POST `{ riskyWords?, reviewWords? }` to change them. */
  security: `${ADMIN_PREFIX}/security`,
  /** GET every security.mediaCheckAsync call with its verdict push (to deliver it again). */
  securityMedia: `${ADMIN_PREFIX}/security/media`,
  /** GET the message pushes delivered; POST a push body (WeChat's JSON) to deliver it now. */
  messagePush: `${ADMIN_PREFIX}/message-push`,
} as const;

/** POST /__local/timers/<function>/<trigger>/fire */
export const TIMER_FIRE_ROUTE = new RegExp(`^${ADMIN_PREFIX}/timers/([^/]+)/([^/]+)/fire$`);

export function timerFirePath(functionName: string, triggerName: string): string {
  return `${ADMIN_ROUTES.timers}/${encodeURIComponent(functionName)}/${encodeURIComponent(triggerName)}/fire`;
}
