/**
 * The check after a deploy: `member.me` through the deployed `api` function (manager-node's
 * Invoke). Called from the management API there is no WeChat user, so a healthy function answers
 * the contract's UNAUTHENTICATED; a crash, a timeout or a missing bundle answers something else.
 */
export const SMOKE_EVENT = { action: 'member.me', data: {} } as const;

export interface InvokeAnswer {
  RetMsg?: string;
  ErrMsg?: string;
  InvokeResult?: number;
  Duration?: number;
}

export function judgeSmokeAnswer(answer: InvokeAnswer): { ok: boolean; message: string } {
  if (answer.InvokeResult !== undefined && answer.InvokeResult !== 0)
    return {
      ok: false,
      message: `api failed (InvokeResult ${answer.InvokeResult}): ${answer.ErrMsg ?? answer.RetMsg ?? ''}`,
    };
  let result: unknown;
  try {
    result = JSON.parse(answer.RetMsg ?? '');
  } catch {
    return { ok: false, message: `api answered something that is not JSON: ${String(answer.RetMsg)}` };
  }
  const envelope = (result ?? {}) as { ok?: unknown; error?: { code?: unknown } };
  if (envelope.ok === true) return { ok: true, message: `api answered member.me ok in ${answer.Duration ?? '?'} ms` };
  if (envelope.ok === false && envelope.error?.code === 'UNAUTHENTICATED')
    return {
      ok: true,
      message: `api answered member.me with UNAUTHENTICATED in ${answer.Duration ?? '?'} ms, as it must without a WeChat user: the bundle loads, routes and answers the contract`,
    };
  return { ok: false, message: `api answered member.me unexpectedly: ${answer.RetMsg ?? ''}` };
}
