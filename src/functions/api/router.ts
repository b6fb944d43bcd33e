/**
 * The api function's router: action → validate input → authorize role → handler. Built once;
 * handlers only ever see parsed input and a caller whose identity came from the platform.
 * Every failure leaves as `{ ok: false, error }` with a code from the closed table.
 */
import { z } from 'zod';
import { actions, AppError, fieldIssues, type ActionName, type ApiResult, type ErrorBody } from '../../contract';
import type { MemberDoc } from '../../db/documents';
import type { Database } from '../../server/cloud';
import { getDoc, getDocPair, type DocRef } from '../../server/docs';
import { describeError, log } from '../../server/log';
import { countCall } from '../../server/rate-limit';
import { openGroupId } from '../../server/share/groups';
import { handlers } from './handlers';
import type { DocFirstHandler, Handler, HandlerContext } from './handlers/types';

/**
 * `data` is handed to the action's strict schema as it arrived: a copying schema (z.record) would
 * turn an own `"__proto__"` key of the JSON into the copy's prototype, hiding it from the strict
 * check instead of refusing it.
 */
const plainObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);
const envelope = z
  .object({
    action: z.string().max(64),
    data: plainObject.optional(),
  })
  .passthrough(); // wx.cloud.callFunction adds `userInfo` to the event: tolerated, never trusted.

export interface Deps {
  db: Database;
  /** From the platform context (callerOpenid); undefined when WeChat gave none. */
  openid: string | undefined;
  now: () => Date;
}

function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name);
}

/** Each action's input schema, built on its first call (see ActionSpec.input). */
const schemas = new Map<ActionName, z.ZodTypeAny>();
function inputSchema(action: ActionName): z.ZodTypeAny {
  let schema = schemas.get(action);
  if (!schema) schemas.set(action, (schema = actions[action].input()));
  return schema;
}

const activeOnly = (doc: MemberDoc | null): MemberDoc | null => (doc && doc.status === 'active' ? doc : null);

/** The caller's active membership, with the document the handler reads first when it names one. */
async function loadCaller(
  db: Database,
  openid: string,
  first: DocRef | null,
): Promise<{ member: MemberDoc | null; doc: unknown }> {
  if (!first) return { member: activeOnly(await getDoc<MemberDoc>(db, 'members', openid)), doc: undefined };
  const pair = await getDocPair<MemberDoc, unknown>(db, { collection: 'members', id: openid }, first);
  return { member: activeOnly(pair.first), doc: pair.second };
}

async function run(event: unknown, deps: Deps): Promise<unknown> {
  const request = envelope.safeParse(event);
  if (!request.success) throw new AppError('INVALID_INPUT', '请求格式不正确');
  const { action, data = {} } = request.data;
  if (!isActionName(action)) throw new AppError('NOT_FOUND', `未知的操作：${action}，请更新小程序后重试`);

  const spec = actions[action];
  const parsed = inputSchema(action).safeParse(data);
  if (!parsed.success) {
    const details = fieldIssues(parsed.error);
    throw new AppError('INVALID_INPUT', details[0]?.message ?? undefined, { details });
  }

  if (!deps.openid) throw new AppError('UNAUTHENTICATED');
  const entry = handlers[action] as Handler<ActionName> | DocFirstHandler<ActionName, unknown>;
  const docFirst = typeof entry === 'function' ? null : entry;
  const { member, doc } = await loadCaller(deps.db, deps.openid, docFirst?.first(parsed.data as never) ?? null);
  const roles: readonly string[] = spec.roles;
  if (!roles.includes('guest')) {
    if (!member) throw new AppError('NOT_MEMBER');
    if (!roles.includes(member.role)) throw new AppError('FORBIDDEN');
  }

  const now = deps.now();
  const limit: number | undefined = 'perMinute' in spec ? spec.perMinute : undefined;
  if (limit !== undefined) await countCall(deps.db, deps.openid, action, limit, now);

  const opengid = openGroupId((request.data as { groupInfo?: unknown }).groupInfo);
  const ctx: HandlerContext = { db: deps.db, openid: deps.openid, member, now, ...(opengid ? { opengid } : {}) };
  if (!docFirst) return (entry as Handler<ActionName>)(parsed.data as never, ctx);
  return docFirst.handle(parsed.data as never, ctx, doc);
}

export async function dispatch(event: unknown, deps: Deps): Promise<ApiResult<unknown>> {
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  try {
    const data = await run(event, deps);
    log('request', { action, ok: true });
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppError) {
      log('rejected', { action, code: err.code });
      return { ok: false, error: err.toBody() };
    }
    log('failed', { action, ...describeError(err) });
    const error: ErrorBody = new AppError('INTERNAL').toBody();
    return { ok: false, error };
  }
}
