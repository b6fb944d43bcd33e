/**
 * WeChat cloud calls (`cloud.openapi.*` in wx-server-sdk). They arrive as POST /admin with
 * `action: 'wx.openApi'` in multipart form data: `apiName` (e.g. `subscribeMessage.send`) and
 * `requestData`, a protobuf CommApiData whose pairs carry each parameter as JSON text. The SDK
 * expects a protobuf CommOpenApiResp back (HTTP 200, not JSON): `respData` holds WeChat's JSON
 * answer (an errcode there becomes a thrown error with that errCode) or the image bytes.
 */
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { Logger } from '../logger';
import { ContentSecurity } from './content-security';
import type { MessagePushService } from './message-push';
import type { SubscribeMessages } from './subscribe-message';
import { UpdatableMessages } from './updatable-message';
import type { FormPart } from './multipart';
import type { Outbox, OutboxEntry, QueuedFailure } from './outbox';
import { decodeCommApiData, encodeCommOpenApiResp } from './protobuf';
import { KNOWN_ERRMSG, answerFor, hasDedicatedAnswer, type OpenApiAnswer } from './responders';

export class OpenApiService {
  readonly security: ContentSecurity;
  readonly updatable = new UpdatableMessages();

  constructor(
    readonly outbox: Outbox,
    private readonly logger: Logger,
    readonly subscriptions: SubscribeMessages,
    /** Where asynchronous verdicts go (message-push.ts); none: they are only listed. */
    readonly push?: MessagePushService,
  ) {
    this.security = new ContentSecurity(async (body) => push?.deliver(body));
  }

  /** Answers the protobuf body of a wx.openApi call. */
  async handle(parts: FormPart[]): Promise<Buffer> {
    const field = (name: string): FormPart | undefined => parts.find((p) => p.name === name);
    const api = field('apiName')?.data.toString('utf8');
    const requestData = field('requestData')?.data;
    if (!api || !requestData)
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'wx.openApi needs apiName and requestData');
    let envelope;
    try {
      envelope = decodeCommApiData(requestData);
    } catch (error) {
      throw new CloudApiError(
        CLOUD_ERROR_CODES.INVALID_PARAM,
        `wx.openApi requestData is not a CommApiData: ${(error as Error).message}`,
      );
    }
    const params = Object.fromEntries(envelope.pairs.map((pair) => [pair.key, parseValue(pair.value)]));
    const { failure, delayMs } = this.outbox.takeFault(api);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const context = {
      security: this.security,
      appid: envelope.appid ?? '',
      subscriptions: this.subscriptions,
      updatable: this.updatable,
    };
    const answer: OpenApiAnswer = failure ? { kind: 'json', body: { ...failure } } : answerFor(api, params, context);
    const { errcode, errmsg } = answer.kind === 'json' ? errorOf(answer.body) : { errcode: 0, errmsg: 'ok' };
    const entry = this.outbox.record({ api, appid: envelope.appid, params, errcode, errmsg });
    if (!hasDedicatedAnswer(api)) this.logger.warn(`no dedicated answer for openapi.${api}; answered errcode 0`);
    this.logger.log('outbox', `openapi.${api} #${entry.seq}`, { errcode });
    return encodeCommOpenApiResp(
      answer.kind === 'json'
        ? { respData: Buffer.from(JSON.stringify(answer.body)), contentType: 'application/json', httpCode: 200 }
        : { respData: answer.body, contentType: answer.contentType, httpCode: 200 },
    );
  }

  failNext(body: Record<string, unknown>): QueuedFailure & { api: string } {
    const { api, errcode, errmsg } = body;
    if (typeof api !== 'string' || !Number.isInteger(errcode) || errcode === 0) {
      throw new CloudApiError(
        CLOUD_ERROR_CODES.INVALID_PARAM,
        'fail-next needs { api: "subscribeMessage.send", errcode: 43101, errmsg? }',
      );
    }
    const code = errcode as number;
    const failure = {
      errcode: code,
      errmsg: typeof errmsg === 'string' ? errmsg : (KNOWN_ERRMSG[code] ?? 'local cloud: simulated failure'),
    };
    this.outbox.failNext(api, failure);
    return { api, ...failure };
  }

  /** POST /__local/outbox/fail-nth: `{ api, n, errcode?, errmsg?, delayMs? }`. */
  failNth(body: Record<string, unknown>): Record<string, unknown> {
    const { api, n, errcode, errmsg, delayMs } = body;
    const valid =
      typeof api === 'string' &&
      Number.isInteger(n) &&
      (n as number) >= 1 &&
      (errcode === undefined || (Number.isInteger(errcode) && errcode !== 0)) &&
      (delayMs === undefined || (Number.isInteger(delayMs) && (delayMs as number) >= 0)) &&
      (errcode !== undefined || delayMs !== undefined);
    if (!valid)
      throw new CloudApiError(
        CLOUD_ERROR_CODES.INVALID_PARAM,
        'fail-nth needs { api, n >= 1, errcode?: non-zero, errmsg?, delayMs?: ms } with errcode or delayMs',
      );
    const code = errcode as number | undefined;
    const failure =
      code === undefined
        ? undefined
        : {
            errcode: code,
            errmsg: typeof errmsg === 'string' ? errmsg : (KNOWN_ERRMSG[code] ?? 'local cloud: simulated failure'),
          };
    this.outbox.armNth(api as string, n as number, {
      ...(failure ? { failure } : {}),
      ...(delayMs === undefined ? {} : { delayMs: delayMs as number }),
    });
    return { api, n, ...(failure ?? {}), ...(delayMs === undefined ? {} : { delayMs }) };
  }

  reset(): void {
    this.outbox.reset();
    this.security.reset();
    this.updatable.reset();
    this.subscriptions.reset();
  }

  list(api?: string): OutboxEntry[] {
    return this.outbox.list(api);
  }
}

function errorOf(body: Record<string, unknown>): { errcode: number; errmsg: string } {
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  return { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : 'ok' };
}

function parseValue(value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8'));
  } catch {
    return { binaryBytes: value.length };
  }
}
