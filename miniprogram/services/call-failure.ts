/**
 * What a rejected `wx.cloud.callFunction` means. The platform rejects with `{ errCode, errMsg }`;
 * the outer code is often the generic -404011 ("cloud function execution error") with the real
 * cause inside errMsg ("cloud function service error code -501000, error message Environment not
 * found"), so both are read. A wrong env id or an undeployed function fails every call for every
 * member, and retrying never helps: it must not look like a weak network, neither in the log (the
 * developer needs the cause) nor in the message (the member needs to tell an administrator).
 */
export type CallFailureKind = 'env-not-found' | 'function-not-found' | 'function-crashed' | 'network';

/** Seen in WeChat's and CloudBase's answers for an env id that does not exist (or is not this app's). */
const ENV_NOT_FOUND = /-501005|INVALID_ENV|env(?:ironment)? not (?:found|exists?)|Environment invalid|invalid env/i;
/** The function name is unknown in the environment: not deployed, or deployed under another name. */
const FUNCTION_NOT_FOUND =
  /FUNCTION_NOT_FOUND|ResourceNotFound\.Function|FunctionName parameter could not be found|function not found/i;
/** -504002: the function ran and failed before answering (e.g. deployed without its bundle). */
const FUNCTION_CRASHED = /-504002|functions execute fail/i;

export interface CallFailure {
  kind: CallFailureKind;
  errCode: number | undefined;
  errMsg: string;
}

export function classifyCallFailure(err: unknown): CallFailure {
  const record = typeof err === 'object' && err !== null ? (err as { errCode?: unknown; errMsg?: unknown }) : {};
  const errCode = typeof record.errCode === 'number' ? record.errCode : undefined;
  const errMsg =
    typeof record.errMsg === 'string' ? record.errMsg : err instanceof Error ? err.message : String(err ?? '');
  const text = `${errCode ?? ''} ${errMsg}`;
  const kind = ENV_NOT_FOUND.test(text)
    ? 'env-not-found'
    : FUNCTION_NOT_FOUND.test(text)
      ? 'function-not-found'
      : FUNCTION_CRASHED.test(text)
        ? 'function-crashed'
        : 'network';
  return { kind, errCode, errMsg };
}
