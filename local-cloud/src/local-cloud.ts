/**
 * The local cloud: an emulator of the CloudBase API that the real SDKs speak (database, storage,
 * functions, WeChat cloud calls), plus the function gateway and timer triggers. One object owns
 * every service and the HTTP server; start / stop / reset / info are all a caller needs.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app';
import { DATA_LAYOUT, DEFAULTS, ENV_VARS } from './config';
import { createDatabaseService } from './database';
import type { TransactionMode } from './database/transactions';
import type { DatabaseService, DatabaseStats, UnindexedQuery } from './database/types';
import { FunctionsService } from './functions/service';
import { createLogger, type Logger } from './logger';
import { MessagePushService } from './openapi/message-push';
import { Outbox } from './openapi/outbox';
import { OpenApiService } from './openapi/service';
import { SubscribeMessages } from './openapi/subscribe-message';
import { SUBSCRIBE_TEMPLATES_FILE, loadMiniProgramPages, loadSubscribeTemplates } from './project/subscribe-templates';
import { CLOUD_CONFIG_FILE, loadCloudConfigIfPresent, type FunctionConfig } from './project/cloudbaserc';
import { DATABASE_MANIFEST_FILE, loadDatabaseManifest, type CollectionSpec } from './project/database-manifest';
import { ROUTES } from './routes';
import { ADMIN_PATH, sdkEnv } from './sdk-env';
import { StorageService } from './storage/service';
import { TimerService } from './timers/service';

/** The port cannot be bound; the message names the variable to set (no stack needed). */
export class PortUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortUnavailableError';
  }
}

export interface LocalCloudOptions {
  dataDir: string;
  functionsDir: string;
  /**
   * The project's `cloudbaserc.json` (timeouts, memory, environment variables, timer triggers of
   * each function); default: beside the functions folder. Missing file: every function runs with
   * the defaults and no triggers.
   */
  cloudConfig?: string;
  /**
   * The database manifest (`database.json`, collections and indexes), a path or the parsed
   * collections; default: beside the functions folder.
   */
  databaseManifest?: string | Record<string, CollectionSpec>;
  /**
   * The subscribe-message templates `subscribeMessage.send` is validated against (default:
   * subscribe-templates.json beside the functions folder; missing: none until tests add some).
   */
  subscribeTemplates?: string;
  /** Where project.config.json / the mini-program's app.json are (default: the functions folder's parent). */
  miniProgramProject?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  envId?: string;
  appId?: string;
  maxInstances?: number;
  /** Overrides every function's configured timeout (tests). */
  functionTimeoutMs?: number;
  /** Fire timer triggers on their schedule (off in tests, which fire them on demand). */
  scheduleTimers?: boolean;
  /** Only warnings and errors on the console, and no output of the functions themselves. */
  quiet?: boolean;
  /** Log every SDK request too (default: one line per function call). */
  verbose?: boolean;
  /** How contending transactions behave; CloudBase's `conflict` unless asked (see database/transactions.ts). */
  transactionMode?: TransactionMode;
}

export interface LocalCloudInfo {
  baseUrl: string;
  adminUrl: string;
  gatewayUrl: string;
  dataDir: string;
  functionsDir: string;
  cloudConfig: string;
  databaseManifest: string;
  collections: number;
  indexes: number;
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
  private readonly messagePush: MessagePushService;
  private readonly timers: TimerService;
  private readonly server: http.Server;
  private url = '';
  private readonly unindexed: UnindexedQuery[] = [];
  private readonly cloudConfigFile: string;
  private readonly manifestFile: string;
  private readonly collections: Record<string, CollectionSpec>;
  private cloudConfigCache: { mtimeMs: number; functions: Map<string, FunctionConfig> } | undefined;

  constructor(private readonly options: LocalCloudOptions) {
    this.logger = createLogger('local-cloud', { quiet: options.quiet, verbose: options.verbose });
    this.envId = options.envId ?? DEFAULTS.envId;
    const appId = options.appId ?? DEFAULTS.appId;
    fs.mkdirSync(options.dataDir, { recursive: true });
    const projectDir = path.dirname(path.resolve(options.functionsDir));
    this.cloudConfigFile = path.resolve(options.cloudConfig ?? path.join(projectDir, CLOUD_CONFIG_FILE));
    const manifest = options.databaseManifest ?? path.join(projectDir, DATABASE_MANIFEST_FILE);
    this.manifestFile = typeof manifest === 'string' ? path.resolve(manifest) : '(given in code)';
    if (typeof manifest !== 'string') this.collections = manifest;
    else if (options.databaseManifest === undefined && !fs.existsSync(manifest)) {
      // No manifest beside the functions: collections can still be created, without indexes.
      this.logger.warn(`no database manifest at ${manifest}: no collections or indexes declared`);
      this.collections = {};
    } else this.collections = loadDatabaseManifest(manifest).collections;
    this.database = createDatabaseService({
      dataDir: path.join(options.dataDir, DATA_LAYOUT.database),
      collections: this.collections,
      ...(options.transactionMode === undefined ? {} : { transactionMode: options.transactionMode }),
      onUnindexedQuery: (query) => this.unindexed.push(query),
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
      timeoutMs: DEFAULTS.functionTimeoutMs,
      ...(options.functionTimeoutMs === undefined ? {} : { timeoutOverrideMs: options.functionTimeoutMs }),
      configOf: (name) => this.functionConfig(name),
      envId: this.envId,
      appId,
      instanceEnv: () => this.sdkEnv(),
      functionOutput: options.quiet ? 'discard' : 'console',
      logger: this.logger.child('functions'),
    });
    this.messagePush = new MessagePushService(this.functions, this.logger.child('push'));
    const templatesFile = path.resolve(options.subscribeTemplates ?? path.join(projectDir, SUBSCRIBE_TEMPLATES_FILE));
    this.openapi = new OpenApiService(
      new Outbox(path.join(options.dataDir, DATA_LAYOUT.outbox)),
      this.logger.child('openapi'),
      new SubscribeMessages(
        () => loadSubscribeTemplates(templatesFile),
        () => loadMiniProgramPages(options.miniProgramProject ?? projectDir),
        path.join(options.dataDir, DATA_LAYOUT.subscriptions),
      ),
      this.messagePush,
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
        messagePush: this.messagePush,
        timers: this.timers,
        logger: this.logger,
        reset: () => this.reset(),
        info: () => this.info(),
      }),
    );
  }

  /** The function's entry in cloudbaserc.json, re-read when the file changes. */
  private functionConfig(name: string): FunctionConfig | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(this.cloudConfigFile).mtimeMs;
    } catch {
      return undefined;
    }
    if (this.cloudConfigCache?.mtimeMs !== mtimeMs) {
      try {
        const config = loadCloudConfigIfPresent(this.cloudConfigFile);
        this.cloudConfigCache = { mtimeMs, functions: new Map(config?.functions.map((fn) => [fn.name, fn])) };
      } catch (error) {
        this.logger.warn(`ignoring ${this.cloudConfigFile}: ${(error as Error).message}`);
        this.cloudConfigCache = { mtimeMs, functions: new Map() };
      }
    }
    return this.cloudConfigCache.functions.get(name);
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
    const wanted = this.options.port ?? DEFAULTS.port;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: NodeJS.ErrnoException): void => {
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
          reject(
            new PortUnavailableError(
              `port ${wanted} on ${host} is ${error.code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}: ` +
                `stop the other process or set ${ENV_VARS.port} to a free port`,
            ),
          );
        else reject(error);
      };
      this.server.once('error', fail);
      this.server.listen(wanted, host, () => {
        this.server.off('error', fail);
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
    this.functions.recycle();
    await Promise.all([this.database.reset(), this.storage.reset()]);
    this.openapi.reset();
    this.messagePush.reset();
    this.logger.log('serve', 'reset');
  }

  /** Counters of the database since start (benchmarks report attempts per success from them). */
  databaseStats(): DatabaseStats {
    return this.database.stats();
  }

  /** Queries no index supported since start (or the last call), with who sent them; tests fail on them. */
  takeUnindexedQueries(): UnindexedQuery[] {
    return this.unindexed.splice(0);
  }

  info(): LocalCloudInfo {
    return {
      baseUrl: this.baseUrl,
      adminUrl: `${this.baseUrl}${ADMIN_PATH}`,
      gatewayUrl: `${this.baseUrl}${ROUTES.functionsPrefix}`,
      dataDir: this.options.dataDir,
      functionsDir: this.options.functionsDir,
      cloudConfig: this.cloudConfigFile,
      databaseManifest: this.manifestFile,
      collections: Object.keys(this.collections).length,
      indexes: Object.values(this.collections).reduce((sum, spec) => sum + spec.indexes.length, 0),
      envId: this.envId,
      functions: this.functions.list(),
      timers: this.timers.list().map(({ functionName, name, config }) => ({ functionName, name, config })),
    };
  }
}
