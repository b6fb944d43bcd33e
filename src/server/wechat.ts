/**
 * WeChat cloud calls, which must go through wx-server-sdk's `cloud.openapi` (the permission is
 * declared in cloudfunctions/api/config.json). The SDK is loaded and initialised on the first
 * call that needs it, so the calls that don't (nearly all) never pay for it at a cold start; the
 * build ships it beside the bundle (scripts/bundle-parts.ts). Mind that `cloud.openapi` is a
 * proxy answering every property, `then` included: never await it or return it from an async
 * function, only the results of its calls.
 */
import type WxServerSdk from 'wx-server-sdk';

let sdk: typeof WxServerSdk | undefined;

function wx(): typeof WxServerSdk {
  if (!sdk) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    const cloud = require('wx-server-sdk') as typeof WxServerSdk;
    // The SDK accepts the symbol at run time (it means "the caller's environment"); its typings only list strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    sdk = cloud;
  }
  return sdk;
}

/**
 * A mini-program code (PNG) that opens `page` with `scene` (at most 32 visible characters).
 * checkPath false: the page may not be in the released version yet (trial and develop builds).
 */
export async function miniProgramCode(scene: string, page: string): Promise<Buffer> {
  const res = (await wx().openapi.wxacode.getUnlimited({ scene, page, checkPath: false })) as { buffer: Uint8Array };
  return Buffer.from(res.buffer);
}

/**
 * wx-server-sdk's `cloud.openapi` proxy, for the modules that make WeChat calls (content
 * security, subscribe messages, updatable messages). A plain function on purpose: see above.
 */
export function wechatOpenApi(): typeof WxServerSdk.openapi {
  return wx().openapi;
}
