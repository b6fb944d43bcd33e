/**
 * The router in-process (no transport), against the real SDK and local cloud: anything that is
 * not an AppError becomes INTERNAL with the fixed Chinese message, and the stack goes to the log,
 * never into the answer.
 */
import { dispatch } from '../../src/functions/api/router';
import { startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.stop());

it('turns an unexpected failure into INTERNAL without leaking it', async () => {
  // No set-up step ran, so the SDK throws DATABASE_COLLECTION_NOT_EXIST: an internal fault.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const result = await dispatch(
    { action: 'member.me', data: {} },
    { db: cloud.sdk().database(), openid: 'o-a', now: () => new Date() },
  );
  expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
  expect(JSON.stringify(result)).not.toMatch(/DATABASE_|stack|at /);
  const line = JSON.parse(String(logged.mock.calls[0]![0])) as Record<string, unknown>;
  expect(line).toMatchObject({ kind: 'failed', action: 'member.me', code: 'DATABASE_COLLECTION_NOT_EXIST' });
  expect(String(line.stack)).toContain('Error');
  logged.mockRestore();
});
