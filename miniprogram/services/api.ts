/**
 * The one API client. Every call goes to the `api` cloud function as `{ action, data }` and comes
 * back as an `ApiResult`; a failure becomes an `ApiError` whose Chinese message can be shown as is.
 * The contract is imported as types only: none of its runtime code reaches the bundle.
 */
import type { ActionInput, ActionName, ActionOutput, ApiResult, ErrorCode, FieldIssue } from '../../src/contract';
import { config } from '../config/index';
import { isLocalMode } from '../config/mode';
import { classifyCallFailure } from './call-failure';

/**
 * Server codes plus two only the client produces: `NETWORK` (no answer, or not an ApiResult) and
 * `CONFIG` (the platform says the cloud env or the function does not exist: retrying won't help).
 */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'CONFIG';

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';
export const CONFIG_ENV_MESSAGE = '服务暂时无法使用（云环境配置有误），请联系管理员';
export const CONFIG_FUNCTION_MESSAGE = '服务暂时无法使用（云函数未部署），请联系管理员';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: FieldIssue[];

  constructor(code: ClientErrorCode, message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** The message for one form field (INVALID_INPUT details), if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.details.find((issue) => issue.path === path)?.message;
  }
}

/** What a page shows for any failure: our message for an ApiError, the network message otherwise. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : NETWORK_MESSAGE;
}

/**
 * `openData`: top-level fields beside `action`, for CloudIDs (`wx.cloud.CloudID(id)`) that
 * CloudBase replaces with the open data they stand for; only top-level ones are replaced.
 */
export async function callApi<A extends ActionName>(
  action: A,
  data: ActionInput<A>,
  openData: Record<string, unknown> = {},
): Promise<ActionOutput<A>> {
  const body = { ...openData, action, data };
  const result = isLocalMode() ? await viaLocalCloud(body) : await viaCloudFunction(body);
  if (!isApiResult(result)) throw new ApiError('NETWORK', NETWORK_MESSAGE);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.data as ActionOutput<A>;
}

interface Body {
  action: ActionName;
  data: unknown;
}

async function viaCloudFunction(body: Body): Promise<unknown> {
  try {
    const res = await wx.cloud.callFunction({ name: 'api', data: body });
    return res.result;
  } catch (err) {
    throw callFailureError(err, body.action);
  }
}

/** The log says what is wrong and where to fix it; the message says whom to tell. */
function callFailureError(err: unknown, action: ActionName): ApiError {
  const failure = classifyCallFailure(err);
  const detail = `${action}: errCode ${failure.errCode ?? '?'} ${failure.errMsg}`;
  switch (failure.kind) {
    case 'env-not-found':
      console.error(
        `[api] configuration: cloud env "${config.cloudEnv}" not found (miniprogram/config/index.ts) — ${detail}`,
      );
      return new ApiError('CONFIG', CONFIG_ENV_MESSAGE);
    case 'function-not-found':
      console.error(
        `[api] configuration: cloud function "api" is not deployed in env "${config.cloudEnv}" — ${detail}`,
      );
      return new ApiError('CONFIG', CONFIG_FUNCTION_MESSAGE);
    case 'function-crashed':
      console.error(`[api] the cloud function "api" failed before answering (see its logs in the console) — ${detail}`);
      return new ApiError('INTERNAL', '服务暂时不可用，请稍后再试');
    case 'network':
      console.warn(`[api] network — ${detail}`);
      return new ApiError('NETWORK', NETWORK_MESSAGE);
  }
}

function viaLocalCloud(body: Body): Promise<unknown> {
  const { baseUrl, openid } = config.local;
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${baseUrl}/functions/api`,
      method: 'POST',
      data: body,
      header: { 'x-local-openid': openid },
      success: (res) => (res.statusCode === 200 ? resolve(res.data) : reject(new ApiError('NETWORK', NETWORK_MESSAGE))),
      fail: () => reject(new ApiError('NETWORK', NETWORK_MESSAGE)),
    });
  });
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const result = value as { ok: unknown; error?: unknown };
  if (result.ok === true) return 'data' in result;
  return result.ok === false && typeof result.error === 'object' && result.error !== null;
}
