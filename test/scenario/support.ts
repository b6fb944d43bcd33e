/**
 * A local cloud running the built `api` bundle, with collections set up and demo data seeded
 * through the real SDK, plus a typed call helper returning the api's `ApiResult`.
 */
import type { ActionInput, ActionName, ApiResult } from '../../src/contract';
import { setupDatabase } from '../../src/db/setup';
import { seedDemo } from '../../src/demo/demo';
import { startTestCloud, type TestCloud, type TestCloudOptions } from '../support/local-cloud';

export interface ApiCloud extends TestCloud {
  api<A extends ActionName>(action: A, data: ActionInput<A>, openid?: string): Promise<ApiResult<unknown>>;
  db(): ReturnType<ReturnType<TestCloud['sdk']>['database']>;
}

export async function startApiCloud(options: TestCloudOptions = {}): Promise<ApiCloud> {
  const cloud = await startTestCloud(options);
  const db = () => cloud.sdk().database();
  const seeded = async () => {
    await setupDatabase(db());
    await seedDemo(db());
  };
  await seeded();
  return {
    ...cloud,
    db,
    reset: async () => {
      await cloud.reset();
      await seeded();
    },
    api: (action, data, openid) => cloud.callFunction('api', { action, data }, openid ? { openid } : {}),
  };
}
