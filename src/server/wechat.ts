/**
 * WeChat cloud calls, which must go through wx-server-sdk's `cloud.openapi` (the permission is
 * declared in cloudfunctions/api/config.json). Initialised once per instance, on first use.
 * (Loading the SDK lazily with import() was tried: its openapi calls then answered empty
 * results under the bundle, so it is imported statically.)
 */
import cloud from 'wx-server-sdk';

let initialised = false;

function wx(): typeof cloud {
  if (!initialised) {
    // The SDK accepts the symbol at run time (it means "the caller's environment"); its typings only list strings.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

/**
 * A mini-program code (PNG) that opens `page` with `scene` (at most 32 visible characters).
 * checkPath false: the page may not be in the released version yet (trial and develop builds).
 */
export async function miniProgramCode(scene: string, page: string): Promise<Buffer> {
  const res = (await wx().openapi.wxacode.getUnlimited({ scene, page, checkPath: false })) as { buffer: Uint8Array };
  return Buffer.from(res.buffer);
}
