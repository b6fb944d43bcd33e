/**
 * The helper every local-cloud, integration and scenario test uses: an in-process LocalCloud on a
 * free port with a fresh temp data dir, the real SDKs of this test process pointed at it, and
 * typed shortcuts for the gateway and the `/__local` admin routes.
 *
 *   const cloud = await startTestCloud();
 *   afterAll(() => cloud.stop());
 *   beforeEach(() => cloud.reset());
 *   await cloud.callFunction('api', { action: 'me.get' }, { openid: 'o-alice' });
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DEFAULTS } from '../../local-cloud/src/config';
import { IDENTITY_HEADERS } from '../../local-cloud/src/gateway';
import { LocalCloud, type LocalCloudInfo } from '../../local-cloud/src/local-cloud';
import type { TransactionMode } from '../../local-cloud/src/database/transactions';
import type { UnindexedQuery } from '../../local-cloud/src/database/types';
import type { ContentSecurityRules, MediaCheck } from '../../local-cloud/src/openapi/content-security';
import type { Delivery } from '../../local-cloud/src/openapi/message-push';
import type { OutboxEntry } from '../../local-cloud/src/openapi/outbox';
import { ADMIN_ROUTES, ROUTES, timerFirePath } from '../../local-cloud/src/routes';
import { redirectedApiUrl } from '../../local-cloud/src/sdk-env';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** The small plain-JS functions written for the local cloud's own tests. */
export const FIXTURE_FUNCTIONS_DIR = path.join(REPO_ROOT, 'test/fixtures/functions');

export interface TestCloudOptions {
  /** Default: the built bundles in `cloudfunctions/` (run `npm run build` first). */
  functionsDir?: string;
  functionTimeoutMs?: number;
  maxInstances?: number;
  /** Default: CloudBase's `conflict` rule. */
  transactionMode?: TransactionMode;
  /** Let timer triggers fire on their schedule; off by default, fire them with fireTimer(). */
  scheduleTimers?: boolean;
  /** Default: the project's database.json. */
  databaseManifest?: string;
  /** Default: cloudbaserc.json beside the functions folder. */
  cloudConfig?: string;
  /** Where app.json is found for subscribeMessage.send's page check (default: beside the functions folder). */
  miniProgramProject?: string;
  /** Default: subscribe-templates.json beside the functions folder. */
  subscribeTemplates?: string;
}

export interface CallOptions {
  /** The caller's openid; omit for an anonymous call. */
  openid?: string;
  appid?: string;
}

/** A non-2xx answer of the gateway: CloudBase's `{ code, message }` plus the HTTP status. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(`${code}: ${message}`);
    this.name = 'GatewayError';
  }
}

export interface TestCloud {
  readonly baseUrl: string;
  readonly dataDir: string;
  info(): LocalCloudInfo;
  /** A node-sdk app of this test process, pointed at the local cloud. */
  sdk(): ReturnType<typeof tcb.init>;
  /** POST /functions/<name>; resolves to the function's return value, rejects with GatewayError. */
  callFunction<T = unknown>(name: string, event?: unknown, options?: CallOptions): Promise<T>;
  /** The raw gateway answer, for asserting on errors. */
  callFunctionRaw(name: string, event?: unknown, options?: CallOptions): Promise<{ status: number; body: unknown }>;
  reset(): Promise<void>;
  outbox(api?: string): Promise<OutboxEntry[]>;
  failNext(api: string, errcode: number, errmsg?: string): Promise<void>;
  /** The n-th call of `api` from now (1: the next) fails with `errcode`, or answers after `delayMs`. */
  failNth(api: string, n: number, fault: { errcode?: number; errmsg?: string; delayMs?: number }): Promise<void>;
  /** A member's answers to wx.requestSubscribeMessage, as the local mini-program records them. */
  subscribe(openid: string, results: Record<string, string>): Promise<Record<string, string>>;
  /** Templates `subscribeMessage.send` accepts besides the project's subscribe-templates.json. */
  subscribeTemplates(
    templates: { id: string; mode?: 'oneTime' | 'longTerm'; keywords: Record<string, string> }[],
  ): Promise<void>;
  /** The emulator's credits of a member (one-time count, long-term flag) per template. */
  credits(openid: string): Promise<{ templateId: string; oneTime: number; longTerm: boolean }[]>;
  /** Sets the words that make `security.msgSecCheck` answer 'risky' / 'review' (until reset). */
  contentRules(rules: Partial<ContentSecurityRules>): Promise<void>;
  /** Every security.mediaCheckAsync call so far, with the verdict push it sends (or sent). */
  mediaChecks(): Promise<MediaCheck[]>;
  /** Delivers a message push (WeChat's JSON body) to its configured function now. */
  deliverPush(body: Record<string, unknown>): Promise<Delivery>;
  /** The message pushes delivered so far. */
  pushes(): Promise<Delivery[]>;
  /** Fire a timer trigger now (or as if at `time`); resolves to the function's return value. */
  fireTimer<T = unknown>(functionName: string, triggerName: string, time?: Date): Promise<T>;
  /** The in-process local cloud itself (benchmarks read its counters). */
  readonly local: LocalCloud;
  /** Unindexed queries seen since start or the last call (taking them keeps stop() from failing). */
  takeUnindexedQueries(): UnindexedQuery[];
  /**
   * Stops the cloud, and fails if any function sent a query no index supports: in production
   * such a query scans the collection on every call. (The test process's own reads may scan.)
   */
  stop(): Promise<void>;
}

async function request(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function ensureOk(answer: { status: number; body: unknown }): unknown {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const body = (answer.body ?? {}) as Record<string, unknown>;
  throw new GatewayError(answer.status, String(body.code), String(body.message), body);
}

export async function startTestCloud(options: TestCloudOptions = {}): Promise<TestCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-cloud-'));
  const cloud = new LocalCloud({
    dataDir,
    functionsDir: options.functionsDir ?? path.join(REPO_ROOT, DEFAULTS.functionsDir),
    // Fixture functions have their own cloudbaserc.json beside them; collections are always the project's.
    databaseManifest: options.databaseManifest ?? path.join(REPO_ROOT, 'database.json'),
    ...(options.cloudConfig === undefined ? {} : { cloudConfig: options.cloudConfig }),
    ...(options.miniProgramProject === undefined ? {} : { miniProgramProject: options.miniProgramProject }),
    ...(options.subscribeTemplates === undefined ? {} : { subscribeTemplates: options.subscribeTemplates }),
    port: 0,
    functionTimeoutMs: options.functionTimeoutMs,
    maxInstances: options.maxInstances,
    ...(options.transactionMode === undefined ? {} : { transactionMode: options.transactionMode }),
    scheduleTimers: options.scheduleTimers ?? false,
    quiet: process.env.LOCAL_CLOUD_DEBUG !== '1',
  });
  await cloud.start();
  const baseUrl = cloud.baseUrl;
  const env = cloud.sdkEnv();
  // Restored on stop, so a second cloud started inside a test file hands the SDKs back to the first.
  const previousEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const restoreEnv = (): void => {
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  Object.assign(process.env, env);
  // Without the redirect the SDKs silently fall back to Tencent's real endpoint: refuse to go on.
  const apiUrl = redirectedApiUrl(process.env);
  if (!apiUrl?.startsWith(`${baseUrl}/`)) {
    restoreEnv();
    await cloud.stop();
    throw new Error(`SDK redirect missing: TCB_CONTEXT_CNFG points at ${apiUrl ?? 'nothing'}, not ${baseUrl}`);
  }

  const post = async (
    pathname: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> =>
    request(`${baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
    });

  const callFunctionRaw = (
    name: string,
    event: unknown = {},
    call: CallOptions = {},
  ): Promise<{ status: number; body: unknown }> => {
    const headers: Record<string, string> = {};
    if (call.openid) headers[IDENTITY_HEADERS.openId] = call.openid;
    if (call.appid) headers[IDENTITY_HEADERS.appId] = call.appid;
    return post(`${ROUTES.functionsPrefix}${encodeURIComponent(name)}`, event, headers);
  };

  return {
    baseUrl,
    dataDir,
    info: () => cloud.info(),
    sdk: () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }),
    callFunctionRaw,
    callFunction: async <T>(name: string, event?: unknown, call?: CallOptions) =>
      ensureOk(await callFunctionRaw(name, event, call)) as T,
    reset: () => cloud.reset(),
    outbox: async (api?: string) => {
      const query = api ? `?api=${encodeURIComponent(api)}` : '';
      const body = ensureOk(await request(`${baseUrl}${ADMIN_ROUTES.outbox}${query}`, { method: 'GET' })) as {
        messages: OutboxEntry[];
      };
      return body.messages;
    },
    failNext: async (api: string, errcode: number, errmsg?: string) => {
      ensureOk(await post(ADMIN_ROUTES.outboxFailNext, { api, errcode, errmsg }));
    },
    failNth: async (api, n, fault) => {
      ensureOk(await post(ADMIN_ROUTES.outboxFailNth, { api, n, ...fault }));
    },
    subscribe: async (openid, results) =>
      ensureOk(await post(ADMIN_ROUTES.subscriptions, { openid, results })) as Record<string, string>,
    subscribeTemplates: async (templates) => {
      ensureOk(await post(ADMIN_ROUTES.subscriptionTemplates, { templates }));
    },
    credits: async (openid) =>
      (
        ensureOk(
          await request(`${baseUrl}${ADMIN_ROUTES.subscriptions}?openid=${encodeURIComponent(openid)}`, {
            method: 'GET',
          }),
        ) as { credits: { templateId: string; oneTime: number; longTerm: boolean }[] }
      ).credits,
    contentRules: async (rules) => {
      ensureOk(await post(ADMIN_ROUTES.security, rules));
    },
    mediaChecks: async () =>
      (
        ensureOk(await request(`${baseUrl}${ADMIN_ROUTES.securityMedia}`, { method: 'GET' })) as {
          checks: MediaCheck[];
        }
      ).checks,
    deliverPush: async (body) =>
      (ensureOk(await post(ADMIN_ROUTES.messagePush, body)) as { delivery: Delivery }).delivery,
    pushes: async () =>
      (
        ensureOk(await request(`${baseUrl}${ADMIN_ROUTES.messagePush}`, { method: 'GET' })) as {
          deliveries: Delivery[];
        }
      ).deliveries,
    fireTimer: async <T>(functionName: string, triggerName: string, time?: Date) => {
      const body = ensureOk(
        await post(timerFirePath(functionName, triggerName), time ? { time: time.toISOString() } : {}),
      ) as { result: T };
      return body.result;
    },
    local: cloud,
    takeUnindexedQueries: () => cloud.takeUnindexedQueries(),
    stop: async () => {
      restoreEnv();
      const scans = cloud.takeUnindexedQueries().filter((q) => q.origin.startsWith('function '));
      await cloud.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (scans.length > 0) {
        const lines = scans.map((q) => `  ${q.origin}: ${q.collection} ${q.query}`);
        throw new Error(`queries no index supports (declare one in database.json):\n${lines.join('\n')}`);
      }
    },
  };
}
