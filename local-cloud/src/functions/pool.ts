/**
 * A pool of warm instances of one function. Production CloudBase runs one request per instance and
 * scales out; here each instance is a worker thread that takes one call at a time, the pool grows
 * up to `maxInstances`, and further calls wait in a FIFO queue.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Logger } from '../logger';
import type { InstanceData, InstanceMessage, InvokeMessage } from './protocol';

export interface PoolOptions {
  name: string;
  entry: string;
  maxInstances: number;
  timeoutMs: number;
  /** Base environment of every instance (sdk-env and friends). */
  env: Record<string, string>;
  /** What happens to the function's own console output (CloudBase keeps it in its log service). */
  output: FunctionOutput;
  logger: Logger;
}

export type FunctionOutput = 'console' | 'discard';

export type CallOutcome =
  | { ok: true; json: string }
  | { ok: false; kind: 'error' | 'timeout' | 'crash'; message: string; stack?: string }
  /** The pool was retired while the call waited, before any instance took it: run it elsewhere. */
  | { ok: false; kind: 'retired' };

export interface CallRequest {
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string>;
}

interface Instance {
  worker: Worker;
  ready: boolean;
  busy: boolean;
}

interface Pending {
  request: CallRequest;
  resolve: (outcome: CallOutcome) => void;
}

let instanceSource: string | undefined;

/**
 * Worker threads don't inherit tsx's or ts-jest's TypeScript hooks, so instance.ts is compiled
 * once here and each worker evaluates the JavaScript (no TypeScript loader per instance).
 */
function compiledInstance(): string {
  instanceSource ??= buildSync({
    entryPoints: [path.join(__dirname, 'instance.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
  }).outputFiles[0].text;
  return instanceSource;
}

export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private readonly queue: Pending[] = [];
  private nextCallId = 1;
  private retired = false;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return this.instances.size;
  }

  call(request: CallRequest): Promise<CallOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.dispatch();
    });
  }

  /**
   * Stop taking calls; busy instances finish their call, then every instance exits. Calls still
   * waiting are handed back unrun (`retired`), for the new version to take, as after a redeploy.
   */
  async retire(): Promise<void> {
    this.retired = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, kind: 'retired' });
    await Promise.all([...this.instances].filter((i) => !i.busy).map((i) => this.discard(i)));
  }

  /** Terminate every instance now, in-flight calls included. */
  async stop(): Promise<void> {
    this.retired = true;
    for (const pending of this.queue.splice(0)) {
      pending.resolve({ ok: false, kind: 'crash', message: `function ${this.options.name} was stopped` });
    }
    await Promise.all([...this.instances].map((i) => this.discard(i)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.instances].find((i) => i.ready && !i.busy);
      if (idle) {
        this.run(idle, this.queue.shift() as Pending);
        continue;
      }
      const starting = [...this.instances].filter((i) => !i.ready).length;
      if (this.instances.size < this.options.maxInstances && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    const discard = this.options.output === 'discard';
    const data: InstanceData = { entry: this.options.entry, discardOutput: discard };
    const worker = new Worker(compiledInstance(), {
      eval: true,
      workerData: data,
      env: { ...this.options.env },
      stdout: discard,
      stderr: discard,
    });
    if (discard) {
      // Piped streams must be drained, or a chatty function would block on a full pipe.
      worker.stdout.resume();
      worker.stderr.resume();
    }
    const instance: Instance = { worker, ready: false, busy: false };
    this.instances.add(instance);
    this.options.logger.log('invoke', `cold start ${this.options.name}`, { instances: this.instances.size });
    const onStartup = (message: InstanceMessage): void => {
      if (message.type === 'ready') {
        instance.ready = true;
        worker.off('message', onStartup);
        this.dispatch();
      } else if (message.type === 'load-failed') {
        worker.off('message', onStartup);
        this.failQueue(message.message, message.stack);
        void this.discard(instance);
      }
    };
    worker.on('message', onStartup);
    worker.on('error', (error) => {
      this.options.logger.error(`instance of ${this.options.name} crashed`, { error: error.message });
      if (!instance.ready) this.failQueue(`${error.name}: ${error.message}`, error.stack);
      void this.discard(instance);
    });
    worker.on('exit', () => {
      this.instances.delete(instance);
      this.dispatch();
    });
  }

  private run(instance: Instance, pending: Pending): void {
    instance.busy = true;
    const callId = this.nextCallId++;
    const { worker } = instance;
    const finish = (outcome: CallOutcome): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      instance.busy = false;
      pending.resolve(outcome);
      if (this.retired) void this.discard(instance);
      else this.dispatch();
    };
    const onMessage = (message: InstanceMessage): void => {
      if (message.type !== 'result' || message.callId !== callId) return;
      finish(
        message.ok
          ? { ok: true, json: message.json }
          : { ok: false, kind: 'error', message: message.message, stack: message.stack },
      );
    };
    const onExit = (): void =>
      finish({ ok: false, kind: 'crash', message: `instance of ${this.options.name} exited during the call` });
    // A timed-out instance is killed, as SCF does; the next call gets a fresh one.
    const timer = setTimeout(() => {
      finish({
        ok: false,
        kind: 'timeout',
        message: `Invoking task timed out after ${this.options.timeoutMs / 1000} seconds`,
      });
      void this.discard(instance);
    }, this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    const message: InvokeMessage = { type: 'invoke', callId, ...pending.request };
    try {
      worker.postMessage(message);
    } catch (err) {
      // An event the structured clone cannot copy: this call fails, the instance stays usable.
      finish({ ok: false, kind: 'error', message: `the event cannot be delivered: ${(err as Error).name}` });
    }
  }

  private failQueue(message: string, stack?: string): void {
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, kind: 'error', message, stack });
  }

  private async discard(instance: Instance): Promise<void> {
    this.instances.delete(instance);
    await instance.worker.terminate();
  }
}
