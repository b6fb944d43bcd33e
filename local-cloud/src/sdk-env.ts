import { DEFAULTS } from './config';

export interface SdkEnvOptions {
  envId?: string;
  appId?: string;
  region?: string;
}

/** The path every SDK call except file bytes is POSTed to. */
export const ADMIN_PATH = '/admin';

/**
 * The environment that points the real `@cloudbase/node-sdk` and `wx-server-sdk` (which embeds a
 * node-sdk) at the local cloud, as a CloudBase function instance would see it. Checked against
 * node-sdk 3.18.3 `utils/tcbcontext.js`, `utils/tcbapiendpoint.js`, `utils/cloudplatform.js`:
 * - TCB_CONTEXT_CNFG.URL replaces the API endpoint (`serviceUrl || injectUrl || default`), so
 *   `init({ env: SYMBOL_CURRENT_ENV })` in production code stays untouched.
 * - A secret pair must exist or the SDK refuses to sign; the emulator ignores the signature.
 * - TENCENTCLOUD_RUNENV=SCF with a region and namespace skips the metadata-host probes that
 *   otherwise slow every call, and makes SYMBOL_CURRENT_ENV resolve to TCB_ENV.
 * - TCB_CONTEXT_KEYS: node-sdk reads TCB_ENV and TCB_SOURCE from process.env only when listed
 *   there; TCB_SOURCE (set per call) is what it forwards as `X-TCB-Source` when a function calls
 *   another, so the callee's SOURCE shows the chain (`wx_client,scf`).
 * - WX_APPID is the mini-program's AppID; caller identity (WX_OPENID, WX_CONTEXT_KEYS) is per
 *   call and set by the function gateway, never here.
 */
/**
 * Inside a function instance the placeholder secret id names the function (as SCF_FUNCTIONNAME
 * does): the SDK signs every request with it, so the emulator can tell which function sent a
 * request (requestOrigin) and name it in its warnings, e.g. for a query no index supports.
 */
const FUNCTION_SECRET_PREFIX = 'local-fn-';

export function functionSdkEnv(name: string): Record<string, string> {
  return { SCF_FUNCTIONNAME: name, TENCENTCLOUD_SECRETID: `${FUNCTION_SECRET_PREFIX}${name}` };
}

/** `function <name>` for a request a function sent, `sdk client` for any other. */
export function requestOrigin(authorization: string | string[] | undefined): string {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const credential = /Credential=([^/,\s]+)/.exec(header ?? '')?.[1] ?? '';
  return credential.startsWith(FUNCTION_SECRET_PREFIX)
    ? `function ${credential.slice(FUNCTION_SECRET_PREFIX.length)}`
    : 'sdk client';
}

export function sdkEnv(baseUrl: string, options: SdkEnvOptions = {}): Record<string, string> {
  const envId = options.envId ?? DEFAULTS.envId;
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}${ADMIN_PATH}` }),
    TENCENTCLOUD_SECRETID: 'local-cloud-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-cloud-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: options.region ?? DEFAULTS.region,
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE',
    WX_APPID: options.appId ?? DEFAULTS.appId,
  };
}

/** The API base URL the SDKs will use with this environment, or undefined if not redirected. */
export function redirectedApiUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.TCB_CONTEXT_CNFG;
  if (!raw) return undefined;
  try {
    const url = (JSON.parse(raw) as { URL?: unknown }).URL;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}
