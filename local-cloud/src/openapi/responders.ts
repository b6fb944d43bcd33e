/**
 * Realistic successful answers of the WeChat cloud calls Lianjian makes, shaped as the WeChat
 * server documents them (snake_case; wx-server-sdk converts to camelCase for the caller).
 */
import type { ContentSecurity } from './content-security';
import type { SubscribeMessages } from './subscribe-message';
import type { UpdatableMessages } from './updatable-message';
import { placeholderPng } from './png';

export type OpenApiAnswer =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'binary'; contentType: string; body: Buffer };

/** The emulator's state some answers depend on (one instance per local cloud). */
export interface ResponderContext {
  security: ContentSecurity;
  /** The calling mini-program's appid. */
  appid: string;
  subscriptions: SubscribeMessages;
  updatable: UpdatableMessages;
}

type Responder = (params: Record<string, unknown>, context: ResponderContext) => OpenApiAnswer;

const ok = (extra: Record<string, unknown> = {}): OpenApiAnswer => ({
  kind: 'json',
  body: { errcode: 0, errmsg: 'ok', ...extra },
});

const image = (): OpenApiAnswer => ({ kind: 'binary', contentType: 'image/png', body: placeholderPng() });

const RESPONDERS: Record<string, Responder> = {
  'subscribeMessage.send': (params, { subscriptions }) => subscriptions.send(params),
  'security.msgSecCheck': (params, { security }) => security.msgSecCheck(params),
  'security.mediaCheckAsync': (params, { security, appid }) => security.mediaCheckAsync(params, appid),
  'wxacode.getUnlimited': image,
  'wxacode.get': image,
  'wxacode.createQRCode': image,
  'updatableMessage.createActivityId': (_params, { updatable }) => updatable.createActivityId(),
  'updatableMessage.setUpdatableMsg': (params, { updatable }) => updatable.setUpdatableMsg(params),
};

export function answerFor(api: string, params: Record<string, unknown>, context: ResponderContext): OpenApiAnswer {
  const responder = RESPONDERS[api];
  return responder ? responder(params, context) : ok();
}

export function hasDedicatedAnswer(api: string): boolean {
  return api in RESPONDERS;
}

/** errmsg WeChat sends with the errcodes tests are most likely to simulate. */
export const KNOWN_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  47003: 'argument invalid!',
  87014: 'risky content',
  45009: 'reach max api daily quota limit',
};
