/**
 * The function runtime: one pool of warm instances per function folder under `functionsDir`,
 * reloaded when the bundle changes (so `npm run build` needs no restart).
 */
import { functionSdkEnv } from '../sdk-env';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { Logger } from '../logger';
import type { FunctionConfig } from '../project/cloudbaserc';
import { callEnv, type CallerIdentity, type CallSource } from './identity';
import { FunctionPool, type FunctionOutput } from './pool';

export interface FunctionsOptions {
  functionsDir: string;
  maxInstances: number;
  /** Limit of a function that cloudbaserc.json gives no timeout. */
  timeoutMs: number;
  /** Overrides every function's configured timeout (tests). */
  timeoutOverrideMs?: number;
  /** The function's entry in cloudbaserc.json, read when its instances start. */
  configOf: (name: string) => FunctionConfig | undefined;
  envId: string;
  appId: string;
  /** Base environment of every instance; known only once the server listens. */
  instanceEnv: () => Record<string, string>;
  functionOutput: FunctionOutput;
  logger: Logger;
}

export interface InvokeRequest {
  name: string;
  event: unknown;
  identity: CallerIdentity;
  source: CallSource;
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

interface LoadedPool {
  pool: FunctionPool;
  mtimeMs: number;
}

export class FunctionsService {
  private readonly pools = new Map<string, LoadedPool>();
  /** Replaced pools whose busy instances are finishing their last call. */
  private readonly retiring = new Set<FunctionPool>();
  private stopped = false;

  constructor(private readonly options: FunctionsOptions) {}

  /** Names of the functions that have a built bundle. */
  list(): string[] {
    if (!fs.existsSync(this.options.functionsDir)) return [];
    return fs
      .readdirSync(this.options.functionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(this.entryOf(entry.name)))
      .map((entry) => entry.name)
      .sort();
  }

  /** The function's entry in cloudbaserc.json, if any. */
  configOf(name: string): FunctionConfig | undefined {
    return this.options.configOf(name);
  }

  folderOf(name: string): string {
    return path.join(this.options.functionsDir, name);
  }

  /** Runs the function and answers the JSON text of its return value; failures throw CloudApiError. */
  async invoke(request: InvokeRequest): Promise<string> {
    const pool = this.poolFor(request.name);
    const requestId = randomUUID();
    const env = callEnv(request.identity, request.source, this.options.appId);
    const context = {
      request_id: requestId,
      function_name: request.name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      memory_limit_in_mb: this.options.configOf(request.name)?.memorySize ?? 256,
      time_limit_in_ms: this.timeoutOf(request.name),
      environment: JSON.stringify({ ...env, TCB_ENV: this.options.envId, SCF_NAMESPACE: this.options.envId }),
    };
    const started = Date.now();
    let outcome = await pool.call({ event: request.event, context, env });
    // Waiting when the bundle changed or the environment was reset: the current version runs it.
    while (!outcome.ok && outcome.kind === 'retired')
      outcome = await this.poolFor(request.name).call({ event: request.event, context, env });
    const fields = { requestId, ms: Date.now() - started, source: request.source, openId: request.identity.openId };
    if (outcome.ok) {
      this.options.logger.log('invoke', `${request.name} ok`, fields);
      return outcome.json;
    }
    // A function's failure is its caller's business (tests provoke them): logged as an invocation, stack included.
    this.options.logger.log('invoke', `${request.name} failed\n${outcome.stack ?? outcome.message}`, fields);
    if (outcome.kind === 'timeout')
      throw new CloudApiError(CLOUD_ERROR_CODES.FUNCTIONS_TIME_LIMIT_EXCEEDED, outcome.message, 500);
    // No stack in the answer: it reaches the client, and production doesn't send it either.
    throw new CloudApiError(CLOUD_ERROR_CODES.FUNCTIONS_EXECUTE_FAIL, outcome.message, 500);
  }

  /**
   * Retires every warm instance (calls in flight finish): after a reset the environment is new,
   * so nothing an instance kept in memory from the old one may survive, as after a redeploy.
   */
  recycle(): void {
    const pools = [...this.pools.values()].map(({ pool }) => pool);
    this.pools.clear();
    for (const pool of pools) void this.retire(pool);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const pools = [...[...this.pools.values()].map(({ pool }) => pool), ...this.retiring];
    this.pools.clear();
    this.retiring.clear();
    await Promise.all(pools.map((pool) => pool.stop()));
  }

  private async retire(pool: FunctionPool): Promise<void> {
    this.retiring.add(pool);
    await pool.retire();
    if (pool.size === 0) this.retiring.delete(pool);
  }

  private entryOf(name: string): string {
    return path.join(this.folderOf(name), 'index.js');
  }

  /** `envVariables` of the function in cloudbaserc.json, as CloudBase sets them on deployment. */
  private configuredEnv(name: string): Record<string, string> {
    return this.options.configOf(name)?.envVariables ?? {};
  }

  /** `timeout` (seconds) of the function in cloudbaserc.json, unless overridden. */
  private timeoutOf(name: string): number {
    if (this.options.timeoutOverrideMs !== undefined) return this.options.timeoutOverrideMs;
    const seconds = this.options.configOf(name)?.timeout;
    return seconds === undefined ? this.options.timeoutMs : seconds * 1000;
  }

  private poolFor(name: string): FunctionPool {
    if (this.stopped) throw new CloudApiError(CLOUD_ERROR_CODES.SYS_ERR, 'the local cloud is stopping', 503);
    if (!FUNCTION_NAME.test(name))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `invalid function name: ${name}`);
    const entry = this.entryOf(name);
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(entry).mtimeMs;
    } catch {
      // The path goes to the log only: answers never reveal the machine's folders.
      this.options.logger.warn(`function ${name} has no bundle at ${entry}`);
      throw new CloudApiError(
        CLOUD_ERROR_CODES.FUNCTION_NOT_FOUND,
        `function not found: ${name} (no bundle; run npm run build)`,
        404,
      );
    }
    const loaded = this.pools.get(name);
    if (loaded && loaded.mtimeMs === mtimeMs) return loaded.pool;
    if (loaded) {
      this.options.logger.log('invoke', `${name} changed on disk, reloading`);
      void this.retire(loaded.pool);
    }
    const pool = new FunctionPool({
      name,
      entry,
      maxInstances: this.options.maxInstances,
      timeoutMs: this.timeoutOf(name),
      env: { ...this.options.instanceEnv(), ...functionSdkEnv(name), ...this.configuredEnv(name) },
      output: this.options.functionOutput,
      logger: this.options.logger,
    });
    this.pools.set(name, { pool, mtimeMs });
    return pool;
  }
}
