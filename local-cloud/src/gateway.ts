/**
 * The function gateway: how the mini-program reaches the functions in local mode, standing in for
 * `wx.cloud.callFunction`. `POST /functions/<name>` with the event as JSON body answers the
 * function's return value as JSON (or `{ code, message, requestId }` with HTTP 4xx/5xx).
 *
 * Identity: in production WeChat attaches the caller's openid to every call; locally the caller
 * states it in the `x-local-openid` request header (and optionally `x-local-appid`), which the
 * gateway hands to the function exactly as CloudBase would (see functions/identity.ts). This trusts
 * the header, which is fine for a developer machine and tests, and is why the local cloud listens
 * on 127.0.0.1 only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOUD_ERROR_CODES, CloudApiError } from './errors';
import { CALL_SOURCES, type CallerIdentity } from './functions/identity';
import type { FunctionsService } from './functions/service';
import { readBody } from './http-util';
import { DEFAULTS } from './config';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth';
import { replaceCloudIds } from './open-data';

export const IDENTITY_HEADERS = {
  openId: 'x-local-openid',
  appId: 'x-local-appid',
} as const;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function handleGateway(
  functions: FunctionsService,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = await readBody(req);
  let event: unknown = {};
  if (raw.length > 0) {
    const text = raw.toString('utf8');
    if (jsonTooDeep(text))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `the event nests deeper than ${MAX_JSON_DEPTH} levels`);
    try {
      event = JSON.parse(text) as unknown;
    } catch {
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'the event must be JSON');
    }
  }
  const identity: CallerIdentity = {
    openId: headerValue(req, IDENTITY_HEADERS.openId),
    appId: headerValue(req, IDENTITY_HEADERS.appId),
  };
  // As CloudBase does for wx.cloud.callFunction: top-level CloudIDs arrive as their open data.
  event = replaceCloudIds(event, identity.appId ?? DEFAULTS.appId);
  const json = await functions.invoke({ name, event, identity, source: CALL_SOURCES.client });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
