/**
 * The HTTP app: routes only. State lives in the services it is given (see local-cloud.ts), so the
 * same app serves `npm start` and the in-process test helper.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleAdmin, type AdminApiServices } from './admin-api';
import { CloudError as DatabaseError } from './database/errors';
import { CLOUD_ERROR_CODES, CloudApiError, type CloudErrorBody } from './errors';
import { handleGateway } from './gateway';
import { newRequestId, readBody, sendBuffer, sendJson } from './http-util';
import { handleLocalAdmin, type LocalAdminServices } from './local-admin';
import type { Logger } from './logger';
import { ADMIN_PREFIX, ROUTES } from './routes';
import { parseFormUpload } from './storage/form-upload';

export interface AppServices extends AdminApiServices, LocalAdminServices {
  logger: Logger;
}

export function createApp(services: AppServices): RequestListener {
  return (req, res) => {
    const requestId = newRequestId();
    route(services, req, res, requestId).catch((error: unknown) =>
      sendError(services.logger, req, res, requestId, error),
    );
  };
}

async function route(
  services: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local-cloud');
  const { pathname } = url;
  if (pathname === ROUTES.admin && req.method === 'POST') {
    const action = await handleAdmin(services, req, res, requestId);
    services.logger.log('request', action, { requestId });
    return;
  }
  if (pathname.startsWith(ROUTES.functionsPrefix) && req.method === 'POST') {
    return handleGateway(
      services.functions,
      decodeURIComponent(pathname.slice(ROUTES.functionsPrefix.length)),
      req,
      res,
    );
  }
  if (pathname.startsWith(ROUTES.storagePrefix)) {
    return handleStorageBytes(services, req, res, url);
  }
  if (pathname.startsWith(`${ADMIN_PREFIX}/`)) {
    return handleLocalAdmin(services, req, res, url);
  }
  throw new CloudApiError(CLOUD_ERROR_CODES.NOT_FOUND, `no route ${req.method ?? ''} ${pathname}`, 404);
}

async function handleStorageBytes(
  services: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const cloudPath = decodeURIComponent(url.pathname.slice(ROUTES.storagePrefix.length));
  let result;
  if (req.method === 'PUT') {
    const token = req.headers['x-cos-security-token'];
    result = await services.storage.upload(
      cloudPath,
      typeof token === 'string' ? token : undefined,
      await readBody(req),
    );
  } else if (req.method === 'POST') {
    const form = parseFormUpload(req.headers['content-type'], await readBody(req));
    if (!form) throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'a form upload needs a multipart file part');
    result = await services.storage.uploadForm(cloudPath, form);
  } else if (req.method === 'GET' || req.method === 'HEAD') {
    result = await services.storage.download(cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
  } else {
    throw new CloudApiError(CLOUD_ERROR_CODES.NOT_FOUND, `${req.method ?? ''} is not supported on storage`, 405);
  }
  if ('xmlError' in result) return sendBuffer(res, result.status, Buffer.from(result.xmlError), 'application/xml');
  if (req.method === 'HEAD') {
    res.writeHead(200, { 'content-type': result.contentType, 'content-length': result.body.length });
    res.end();
    return;
  }
  sendBuffer(res, result.status, result.body, result.contentType);
}

function sendError(logger: Logger, req: IncomingMessage, res: ServerResponse, requestId: string, error: unknown): void {
  let status = 500;
  let body: CloudErrorBody;
  if (error instanceof CloudApiError) {
    status = error.status;
    body = { code: error.code, message: error.message, requestId };
  } else if (error instanceof DatabaseError) {
    body = { code: error.code, message: error.message, requestId };
  } else {
    logger.error(`unexpected error on ${req.method ?? ''} ${req.url ?? ''}`, {
      error: error instanceof Error ? error.stack : String(error),
    });
    // The log has the details; the answer has no internal message, stack or path.
    body = {
      code: CLOUD_ERROR_CODES.SYS_ERR,
      message: 'the local cloud failed on this request (see its log)',
      requestId,
    };
  }
  // CloudBase answers API errors with HTTP 200 and the error in the body; the SDKs rely on that.
  if (new URL(req.url ?? '/', 'http://local-cloud').pathname === ROUTES.admin) status = 200;
  logger.log('request', `${req.method ?? ''} ${req.url ?? ''} → ${body.code}: ${body.message}`, { requestId });
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status, body);
}
