/**
 * Entry point of the `push` cloud function: WeChat's message pushes (消息推送). In production it is
 * chosen in the console, 云开发 → 设置 → 其他设置 → 消息推送: push mode 云函数, message type
 * `event`, event type `wxa_media_check`, function `push` (the local cloud reads the same choice
 * from cloudbaserc.json's `messagePush`). Today it receives the asynchronous image verdicts of
 * security.mediaCheckAsync.
 *
 * Anyone who can call functions could otherwise forge a verdict, so it refuses every call whose
 * platform context (SOURCE) says a person or another function made it: the mini-program
 * (wx_client), DevTools (wx_devtools, wx_localdebug), the HTTP API (wx_http), a timer
 * (wx_trigger), a chain through another function (…,scf), or no source at all. CloudBase's
 * documentation names no SOURCE for a message push, so this refuses the known caller sources
 * rather than waiting for one value.
 */
import { callSource, cloudApp } from '../../server/cloud';
import { describeError, log } from '../../server/log';
import { applyMediaVerdict, isMediaCheckPush } from '../../server/media-verdicts';

const CALLER_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_http', 'wx_trigger', 'scf'];

export function isMessagePush(source: string): boolean {
  const chain = source.split(',').map((part) => part.trim());
  return source !== '' && !chain.some((part) => part === '' || CALLER_SOURCES.includes(part));
}

export async function main(event: unknown): Promise<Record<string, unknown>> {
  const source = callSource();
  if (!isMessagePush(source)) {
    log('rejected', { action: 'push', code: 'FORBIDDEN', source });
    return { ok: false, error: { code: 'FORBIDDEN', message: '此云函数只接收微信消息推送' } };
  }
  if (!isMediaCheckPush(event)) {
    log('rejected', { action: 'push', code: 'INVALID_INPUT', source });
    return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的消息推送' } };
  }
  try {
    const outcome = await applyMediaVerdict(cloudApp().database(), event, new Date());
    log('request', { action: 'push.wxa_media_check', ok: true, outcome });
    return { ok: true, outcome };
  } catch (err) {
    log('failed', { action: 'push.wxa_media_check', ...describeError(err) });
    throw err;
  }
}
