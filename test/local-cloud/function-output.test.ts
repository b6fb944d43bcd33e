/** Where a function's own console output goes: the console for `npm start`, nowhere for tests. */
import path from 'node:path';
import { createLogger } from '../../local-cloud/src/logger';
import { FunctionPool, type FunctionOutput } from '../../local-cloud/src/functions/pool';
import { FIXTURE_FUNCTIONS_DIR } from '../support/local-cloud';

async function callChatty(output: FunctionOutput, marker: string): Promise<string> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const pool = new FunctionPool({
    name: 'chatty',
    entry: path.join(FIXTURE_FUNCTIONS_DIR, 'chatty/index.js'),
    maxInstances: 1,
    timeoutMs: 5000,
    env: {},
    output,
    logger: createLogger('test', { quiet: true }),
  });
  try {
    const outcome = await pool.call({ event: { marker }, context: {}, env: {} });
    expect(outcome).toEqual({ ok: true, json: JSON.stringify({ said: marker }) });
    await new Promise((resolve) => setTimeout(resolve, 50)); // worker output arrives asynchronously
    return written.join('');
  } finally {
    await pool.stop();
    spy.mockRestore();
  }
}

it('passes function output to the console', async () => {
  expect(await callChatty('console', 'loud-1')).toContain('chatty says loud-1');
});

it('discards function output when asked (quiet test clouds)', async () => {
  expect(await callChatty('discard', 'hush-2')).not.toContain('hush-2');
});
