/**
 * POST /admin: the one endpoint both SDKs talk to. The body's `action` names the operation;
 * `database.*` goes to the database service, `storage.*` to storage, `functions.invokeFunction`
 * to the function runtime and `wx.openApi` (multipart, see openapi/service.ts) to the outbox.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseService } from './database/types';
import { CLOUD_ERROR_CODES, CloudApiError } from './errors';
import { CALL_SOURCES } from './functions/identity';
import type { FunctionsService } from './functions/service';
import { parseJsonObject, readBody, sendBuffer, sendJson } from './http-util';
import { MAX_JSON_DEPTH } from './json-depth';
import { requestOrigin } from './sdk-env';
import { boundaryOf, parseMultipart } from './openapi/multipart';
import type { OpenApiService } from './openapi/service';
import type { StorageService } from './storage/service';

export interface AdminApiServices {
  database: DatabaseService;
  storage: StorageService;
  functions: FunctionsService;
  openapi: OpenApiService;
}

export async function handleAdmin(
  services: AdminApiServices,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<string> {
  const raw = await readBody(req);
  const contentType = req.headers['content-type'];
  if (contentType?.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(contentType, raw);
    if (!boundary) throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'multipart body without boundary');
    const parts = parseMultipart(raw, boundary);
    const action = parts.find((p) => p.name === 'action')?.data.toString('utf8') ?? '';
    if (action !== 'wx.openApi')
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_ACTION, `unsupported multipart action: ${action}`);
    // Not JSON: the SDK decodes this protobuf itself (it only parses `application/json; charset=utf-8`).
    sendBuffer(res, 200, await services.openapi.handle(parts), 'application/octet-stream');
    return action;
  }
  const body = parseJsonObject(raw);
  if (!body)
    throw new CloudApiError(
      CLOUD_ERROR_CODES.INVALID_PARAM,
      `request body must be a JSON object nested at most ${MAX_JSON_DEPTH} levels`,
    );
  const action = typeof body.action === 'string' ? body.action : '';
  const result = await dispatch(services, action, body, req);
  sendJson(res, 200, { ...result, requestId });
  return action;
}

async function dispatch(
  services: AdminApiServices,
  action: string,
  body: Record<string, unknown>,
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  if (action.startsWith('database.'))
    return services.database.handle(action, body, requestOrigin(req.headers.authorization));
  if (action.startsWith('storage.')) return services.storage.handle(action, body);
  if (action === 'functions.invokeFunction') return invokeFunction(services.functions, body, req);
  throw new CloudApiError(
    CLOUD_ERROR_CODES.INVALID_ACTION,
    `action not supported by the local cloud: ${action || '(none)'}`,
  );
}

/** `app.callFunction` from inside a function: no end-user identity, SOURCE chains the caller's. */
async function invokeFunction(
  functions: FunctionsService,
  body: Record<string, unknown>,
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const name = body.function_name;
  if (typeof name !== 'string') throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'function_name is required');
  const data = parseRequestData(body.request_data);
  // node-sdk sends `X-TCB-Source: <caller's TCB_SOURCE>,<run env tag>`, i.e. "wx_client,scf".
  const header = req.headers['x-tcb-source'];
  const source = (typeof header === 'string' ? header : '').replace(/^,/, '') || CALL_SOURCES.functionSuffix;
  const json = await functions.invoke({ name, event: data, identity: {}, source });
  return { data: { response_data: json } };
}

function parseRequestData(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'request_data must be JSON text');
  }
}
