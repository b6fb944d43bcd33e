/**
 * A minimal HTTP front for the database service alone (POST /admin → service.handle), so the
 * database tests and benchmark drive the real SDKs over HTTP without the rest of the local cloud.
 * Run directly (`tsx test/local-cloud/support/db-server.ts <dataDir>`) it prints `{"port":N}` once
 * listening: the durability test kills that child with SIGKILL.
 */
import type { TransactionMode } from '../../../local-cloud/src/database/transactions';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { CloudError, createDatabaseService, type DatabaseService } from '../../../local-cloud/src/database';
import { loadDatabaseManifest, type CollectionSpec } from '../../../local-cloud/src/project/database-manifest';
import { redirectedApiUrl, sdkEnv } from '../../../local-cloud/src/sdk-env';

/** The project's database manifest, read as the local cloud reads it (no product code involved). */
const PROJECT_COLLECTIONS = loadDatabaseManifest(path.resolve(__dirname, '../../../database.json')).collections;

export interface DbServer {
  baseUrl: string;
  service: DatabaseService;
  /** Messages the service logged through logger.warn, e.g. unindexed queries. */
  warnings: string[];
  close(): Promise<void>;
}

export interface DbServerOptions {
  /** Index manifest; the project's own by default. */
  collections?: Record<string, CollectionSpec>;
  lockTimeoutMs?: number;
  transactionMode?: TransactionMode;
}

export async function startDbServer(dataDir: string, options: DbServerOptions = {}): Promise<DbServer> {
  const warnings: string[] = [];
  const service = createDatabaseService({
    dataDir,
    collections: options.collections ?? PROJECT_COLLECTIONS,
    ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }),
    ...(options.transactionMode === undefined ? {} : { transactionMode: options.transactionMode }),
    logger: { warn: (msg, fields) => warnings.push(`${msg} ${JSON.stringify(fields ?? {})}`), info: () => undefined },
  });
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const requestId = `local-${Date.now()}`;
      const body = JSON.parse(raw) as Record<string, unknown>;
      service
        .handle(String(body.action), body)
        .then((result) => ({ ...result, requestId }))
        .catch((err: unknown) =>
          err instanceof CloudError
            ? { code: err.code, message: err.message, requestId }
            : { code: 'SYS_ERR', message: String(err), requestId },
        )
        .then((reply) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply));
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    service,
    warnings,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}

/**
 * Points the real node-sdk at `baseUrl` through the environment (as a function instance sees it)
 * and returns its database. Refuses to go on unless the redirect is in place: without it the SDK
 * would call Tencent's real endpoint.
 */
export function localDatabase(baseUrl: string): ReturnType<ReturnType<typeof tcb.init>['database']> {
  Object.assign(process.env, sdkEnv(baseUrl), { SILENCE: 'true' });
  assertRedirected();
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
}

export function assertRedirected(): void {
  const url = redirectedApiUrl(process.env);
  if (!url || !url.startsWith('http://127.0.0.1:')) {
    throw new Error(
      `TCB_CONTEXT_CNFG must point the SDK at 127.0.0.1 (got ${String(url)}); refusing to reach the real CloudBase`,
    );
  }
}

if (require.main === module) {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: db-server.ts <dataDir>');
  void startDbServer(dataDir).then((server) => {
    process.stdout.write(`${JSON.stringify({ port: Number(new URL(server.baseUrl).port) })}\n`);
  });
}

/** The node-sdk database these tests drive. */
export type Db = ReturnType<typeof localDatabase>;

/** A transaction as the SDK hands it out (its Transaction type is not exported through node-sdk's typings). */
export type Txn = {
  collection(name: string): ReturnType<Db['collection']>;
  rollback(reason?: unknown): Promise<unknown>;
  commit(): Promise<unknown>;
};

/** The error a call fails with; fails the test if the call succeeds. */
export function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: { code?: string; message: string }) => err,
  );
}
