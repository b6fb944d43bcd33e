/**
 * Realistic successful answers of the WeChat cloud calls Lianjian makes, shaped as the WeChat
 * server documents them (snake_case; wx-server-sdk converts to camelCase for the caller).
 */
import { randomBytes } from 'node:crypto';
import type { ContentSecurity } from './content-security';
import { placeholderPng } from './png';

export type OpenApiAnswer =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'binary'; contentType: string; body: Buffer };

/** The emulator's state some answers depend on (one instance per local cloud). */
export interface ResponderContext {
  security: ContentSecurity;
  /** The calling mini-program's appid. */
  appid: string;
}

type Responder = (params: Record<string, unknown>, context: ResponderContext) => OpenApiAnswer;

const ok = (extra: Record<string, unknown> = {}): OpenApiAnswer => ({
  kind: 'json',
  body: { errcode: 0, errmsg: 'ok', ...extra },
});

const image = (): OpenApiAnswer => ({ kind: 'binary', contentType: 'image/png', body: placeholderPng() });

const RESPONDERS: Record<string, Responder> = {
  'subscribeMessage.send': () => ok({ msgid: Number.parseInt(randomBytes(4).toString('hex'), 16) }),
  'security.msgSecCheck': (params, { security }) => security.msgSecCheck(params),
  'security.mediaCheckAsync': (params, { security, appid }) => security.mediaCheckAsync(params, appid),
  'wxacode.getUnlimited': image,
  'wxacode.get': image,
  'wxacode.createQRCode': image,
  'updatableMessage.createActivityId': () =>
    ok({
      activity_id: `local_${randomBytes(12).toString('hex')}`,
      expiration_time: Math.floor(Date.now() / 1000) + 24 * 60 * 60,
    }),
  'updatableMessage.setUpdatableMsg': () => ok(),
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
  40003: 'invalid openid',
  43101: 'user refuse to accept the msg',
  47003: 'argument invalid!',
  87014: 'risky content',
  45009: 'reach max api daily quota limit',
};
