/**
 * Entry point of the `api` cloud function: the mini-program calls it with `{ action, data }`.
 * Thin on purpose: identity from the platform context, then the router.
 */
import type { ApiResult } from '../../contract';
import { callerOpenid, cloudApp } from '../../server/cloud';
import { dispatch } from './router';

export async function main(event: unknown): Promise<ApiResult<unknown>> {
  const cloud = cloudApp();
  return dispatch(event, { db: cloud.database(), openid: callerOpenid(cloud), now: () => new Date() });
}
