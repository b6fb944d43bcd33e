/**
 * Stubs of the WeChat transport (`wx.cloud.callFunction`), answering each action of the `api`
 * function with an ApiResult. Only the platform is replaced: our API client, services and store
 * run for real.
 */
import type { ActionName, ActionOutput, ApiResult, ErrorBody } from '../../../src/contract';

type Reply<A extends ActionName> = ApiResult<ActionOutput<A>> | ((data: unknown) => ApiResult<ActionOutput<A>>);
export type Replies = { [A in ActionName]?: Reply<A> };

export interface CloudCall {
  action: ActionName;
  data: unknown;
}

export const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): ApiResult<never> => ({ ok: false, error });

/** Answers calls from `replies`; returns the calls made. */
export function stubCloud(replies: Replies): CloudCall[] {
  const calls: CloudCall[] = [];
  const callFunction = jest.fn((param: { name: string; data: CloudCall }) => {
    const { action, data } = param.data;
    calls.push({ action, data });
    const reply = replies[action] as Reply<typeof action> | undefined;
    if (param.name !== 'api' || !reply)
      return Promise.reject(new Error(`no stubbed reply for ${param.name}/${action}`));
    const result = typeof reply === 'function' ? reply(data) : reply;
    return Promise.resolve({ result, errMsg: 'cloud.callFunction:ok', requestID: 'test' });
  });
  wx.cloud.callFunction = callFunction as unknown as typeof wx.cloud.callFunction;
  return calls;
}

/** Every call fails as the platform reports a dropped connection. */
export function stubCloudOffline(): void {
  wx.cloud.callFunction = jest.fn(() =>
    Promise.reject({ errMsg: 'cloud.callFunction:fail request:fail timeout' }),
  ) as unknown as typeof wx.cloud.callFunction;
}
