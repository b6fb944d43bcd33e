/** The `/__local/*` routes: state inspection and control for tests and developers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOUD_ERROR_CODES, CloudApiError } from './errors';
import { parseJsonObject, readBody, sendJson } from './http-util';
import type { MessagePushService } from './openapi/message-push';
import type { OpenApiService } from './openapi/service';
import { ADMIN_ROUTES, TIMER_FIRE_ROUTE } from './routes';
import type { TimerService } from './timers/service';

export interface LocalAdminServices {
  openapi: OpenApiService;
  messagePush: MessagePushService;
  timers: TimerService;
  reset(): Promise<void>;
  info(): object;
}

export async function handleLocalAdmin(
  services: LocalAdminServices,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case `GET ${ADMIN_ROUTES.info}`:
      return sendJson(res, 200, services.info());
    case `POST ${ADMIN_ROUTES.reset}`:
      await services.reset();
      return sendJson(res, 200, { ok: true });
    case `GET ${ADMIN_ROUTES.outbox}`:
      return sendJson(res, 200, { messages: services.openapi.list(url.searchParams.get('api') ?? undefined) });
    case `POST ${ADMIN_ROUTES.outboxFailNext}`:
      return sendJson(res, 200, { queued: services.openapi.failNext(await jsonBody(req)) });
    case `POST ${ADMIN_ROUTES.outboxFailNth}`:
      return sendJson(res, 200, { queued: services.openapi.failNth(await jsonBody(req)) });
    case `POST ${ADMIN_ROUTES.subscriptions}`:
      return sendJson(res, 200, services.openapi.subscriptions.request(await jsonBody(req)));
    case `GET ${ADMIN_ROUTES.subscriptions}`:
      return sendJson(res, 200, {
        credits: services.openapi.subscriptions.creditsOf(url.searchParams.get('openid') ?? ''),
      });
    case `POST ${ADMIN_ROUTES.subscriptionTemplates}`:
      return sendJson(res, 200, {
        templates: services.openapi.subscriptions.configureTemplates(await jsonBody(req)),
      });
    case `GET ${ADMIN_ROUTES.security}`:
      return sendJson(res, 200, { rules: services.openapi.security.current });
    case `POST ${ADMIN_ROUTES.security}`:
      return sendJson(res, 200, { rules: services.openapi.security.configure(await jsonBody(req)) });
    case `GET ${ADMIN_ROUTES.securityMedia}`:
      return sendJson(res, 200, { checks: services.openapi.security.mediaChecks() });
    case `GET ${ADMIN_ROUTES.messagePush}`:
      return sendJson(res, 200, { deliveries: services.messagePush.list() });
    case `POST ${ADMIN_ROUTES.messagePush}`:
      return sendJson(res, 200, { delivery: await services.messagePush.deliver(await jsonBody(req)) });
    case `GET ${ADMIN_ROUTES.timers}`:
      return sendJson(res, 200, {
        timers: services.timers.list().map(({ functionName, name, config }) => ({ functionName, name, config })),
      });
    default:
      break;
  }
  const fire = req.method === 'POST' ? TIMER_FIRE_ROUTE.exec(url.pathname) : null;
  if (fire) {
    const { time } = await jsonBody(req);
    const at = typeof time === 'string' ? new Date(time) : new Date();
    if (Number.isNaN(at.getTime()))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `invalid time: ${String(time)}`);
    const json = await services.timers.fire(decodeURIComponent(fire[1]), decodeURIComponent(fire[2]), at);
    return sendJson(res, 200, { result: JSON.parse(json) as unknown });
  }
  throw new CloudApiError(CLOUD_ERROR_CODES.NOT_FOUND, `no local admin route ${route}`, 404);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = parseJsonObject(await readBody(req));
  if (!body) throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'body must be a JSON object');
  return body;
}
