/**
 * The CloudBase app for this function instance. `SYMBOL_CURRENT_ENV` means "the environment this
 * function runs in": the platform (or the local cloud, through TCB_CONTEXT_CNFG) supplies it, so
 * the same bundle runs everywhere. Initialised once per instance, on first use.
 */
import tcb from '@cloudbase/node-sdk';

export type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

let app: CloudApp | undefined;

export function cloudApp(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/** The caller's openid from the platform context, never from the request payload. */
export function callerOpenid(cloud: CloudApp): string | undefined {
  const { openId } = cloud.auth().getUserInfo();
  return openId ? openId : undefined;
}

/**
 * What triggered this call, from the platform context (getWXContext().SOURCE): `wx_trigger` for a
 * timer trigger, `wx_client` for the mini-program, `wx_client,scf` when a function called on a
 * client's behalf, and so on. A caller cannot set it.
 */
export function callSource(): string {
  return tcb.getCloudbaseContext().TCB_SOURCE ?? '';
}

/** Only the function's own timer trigger, never a client, another function or the console. */
export function calledByTimer(): boolean {
  return callSource() === 'wx_trigger';
}
