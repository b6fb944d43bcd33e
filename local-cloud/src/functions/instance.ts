/**
 * One warm function instance, run inside a worker thread: loads the bundle once, then serves one
 * call at a time. Each worker owns its copy of process.env, so the identity variables set for a
 * call (which both SDKs read from process.env) never leak into another caller's call.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InstanceData, InstanceMessage, InvokeMessage } from './protocol';

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

function post(message: InstanceMessage): void {
  parentPort?.postMessage(message);
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  return { message: String(error) };
}

async function serve(main: Main, call: InvokeMessage): Promise<void> {
  const previous = new Map(Object.keys(call.env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, call.env);
  try {
    const value = await main(call.event, call.context);
    // Production answers with the JSON of the return value; undefined becomes null.
    post({ type: 'result', callId: call.callId, ok: true, json: JSON.stringify(value ?? null) });
  } catch (error) {
    post({ type: 'result', callId: call.callId, ok: false, ...describe(error) });
  } finally {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function start(): void {
  const { entry, discardOutput } = workerData as InstanceData;
  // Dropped here, in the instance: sending every log line to the main thread only to throw it
  // away there would load the thread that serves the database.
  if (discardOutput) {
    const drop = ((...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = drop;
    process.stderr.write = drop;
  }
  let main: Main;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(entry) as { main?: unknown };
    if (typeof loaded.main !== 'function') throw new Error(`${entry} does not export main(event, context)`);
    main = loaded.main as Main;
  } catch (error) {
    post({ type: 'load-failed', ...describe(error) });
    return;
  }
  parentPort?.on('message', (call: InvokeMessage) => void serve(main, call));
  post({ type: 'ready' });
}

start();
