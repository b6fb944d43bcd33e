/**
 * The local cloud: an emulator of the CloudBase API that the real SDKs speak (database, storage,
 * functions, WeChat cloud calls), plus the function gateway and timer triggers. One object owns
 * every service and the HTTP server; start / stop / reset / info are all a caller needs.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { COLLECTIONS } from '../../src/db/collections';
import { createApp } from './app';
import { DATA_LAYOUT, DEFAULTS } from './config';
import { createDatabaseService } from './database';
import type { TransactionMode } from './database/transactions';
import type { DatabaseService } from './database/types';
import { FunctionsService } from './functions/service';
import { createLogger, type Logger } from './logger';
import { Outbox } from './openapi/outbox';
import { OpenApiService } from './openapi/service';
import { ROUTES } from './routes';
import { ADMIN_PATH, sdkEnv } from './sdk-env';
import { StorageService } from './storage/service';
import { TimerService } from './timers/service';

export interface LocalCloudOptions {
  dataDir: string;
  functionsDir: string;
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  envId?: string;
  appId?: string;
  maxInstances?: number;
  functionTimeoutMs?: number;
  /** Fire timer triggers on their schedule (off in tests, which fire them on demand). */
  scheduleTimers?: boolean;
  /** Only warnings and errors on the console, and no output of the functions themselves. */
  quiet?: boolean;
  /** How contending transactions behave; CloudBase's `conflict` unless asked (see database/transactions.ts). */
  transactionMode?: TransactionMode;
}

export interface LocalCloudInfo {
  baseUrl: string;
  adminUrl: string;
  gatewayUrl: string;
  dataDir: string;
  functionsDir: string;
  envId: string;
  functions: string[];
  timers: { functionName: string; name: string; config: string }[];
}

export class LocalCloud {
  private readonly logger: Logger;
  private readonly envId: string;
  private readonly database: DatabaseService;
  private readonly storage: StorageService;
  private readonly functions: FunctionsService;
  private readonly openapi: OpenApiService;
  private readonly timers: TimerService;
  private readonly server: http.Server;
  private url = '';

  constructor(private readonly options: LocalCloudOptions) {
    this.logger = createLogger('local-cloud', { quiet: options.quiet });
    this.envId = options.envId ?? DEFAULTS.envId;
    const appId = options.appId ?? DEFAULTS.appId;
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.database = createDatabaseService({
      dataDir: path.join(options.dataDir, DATA_LAYOUT.database),
      collections: COLLECTIONS,
      ...(options.transactionMode === undefined ? {} : { transactionMode: options.transactionMode }),
      logger: this.logger.child('database'),
    });
    this.storage = new StorageService({
      root: path.join(options.dataDir, DATA_LAYOUT.storage),
      envId: this.envId,
      baseUrl: () => this.baseUrl,
      logger: this.logger.child('storage'),
    });
    this.functions = new FunctionsService({
      functionsDir: options.functionsDir,
      maxInstances: options.maxInstances ?? DEFAULTS.maxInstances,
      timeoutMs: options.functionTimeoutMs ?? DEFAULTS.functionTimeoutMs,
      envId: this.envId,
      appId,
      instanceEnv: () => this.sdkEnv(),
      functionOutput: options.quiet ? 'discard' : 'console',
      logger: this.logger.child('functions'),
    });
    this.openapi = new OpenApiService(
      new Outbox(path.join(options.dataDir, DATA_LAYOUT.outbox)),
      this.logger.child('openapi'),
    );
    this.timers = new TimerService({
      functions: this.functions,
      utcOffsetMinutes: DEFAULTS.timerUtcOffsetMinutes,
      logger: this.logger.child('timers'),
    });
    this.server = http.createServer(
      createApp({
        database: this.database,
        storage: this.storage,
        functions: this.functions,
        openapi: this.openapi,
        timers: this.timers,
        logger: this.logger,
        reset: () => this.reset(),
        info: () => this.info(),
      }),
    );
  }

  get baseUrl(): string {
    if (!this.url) throw new Error('local cloud is not started');
    return this.url;
  }

  /** The environment that points the real SDKs at this instance (see sdk-env.ts). */
  sdkEnv(): Record<string, string> {
    return sdkEnv(this.baseUrl, { envId: this.envId, appId: this.options.appId });
  }

  async start(): Promise<LocalCloudInfo> {
    const host = this.options.host ?? DEFAULTS.host;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? DEFAULTS.port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${port}`;
    if (this.options.scheduleTimers ?? true) this.timers.start();
    this.logger.log('serve', `listening on ${this.url}`);
    return this.info();
  }

  async stop(): Promise<void> {
    this.timers.stop();
    await Promise.all([
      new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      }),
      this.functions.stop(),
    ]);
    await this.database.close();
    this.logger.log('serve', 'stopped');
  }

  /**
   * Empty database, storage and outbox. Warm function instances stay, as they would in production
   * between requests (and a cold start costs ~0.4 s per function per test otherwise).
   */
  async reset(): Promise<void> {
    await Promise.all([this.database.reset(), this.storage.reset()]);
    this.openapi.outbox.reset();
    this.logger.log('serve', 'reset');
  }

  info(): LocalCloudInfo {
    return {
      baseUrl: this.baseUrl,
      adminUrl: `${this.baseUrl}${ADMIN_PATH}`,
      gatewayUrl: `${this.baseUrl}${ROUTES.functionsPrefix}`,
      dataDir: this.options.dataDir,
      functionsDir: this.options.functionsDir,
      envId: this.envId,
      functions: this.functions.list(),
      timers: this.timers.list().map(({ functionName, name, config }) => ({ functionName, name, config })),
    };
  }
}
