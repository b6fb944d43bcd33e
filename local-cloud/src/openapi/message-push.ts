/**
 * Message push (消息推送): events WeChat sends to a cloud function, such as the verdict of
 * `security.mediaCheckAsync` (`wxa_media_check`). In production the function is chosen in the
 * console (云开发 → 设置 → 其他设置 → 消息推送: a message type, an event type, one function); the
 * local cloud reads the same choice from cloudbaserc.json, where a function lists what it receives:
 *
 *   { "name": "push", "messagePush": [{ "msgType": "event", "event": "wxa_media_check" }] }
 *
 * The function is invoked with SOURCE `CALL_SOURCES.messagePush` and the user the event is about
 * (`FromUserName`) as its openid. Every delivery is kept in a short log (GET /__local/message-push).
 */
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import { CALL_SOURCES } from '../functions/identity';
import type { FunctionsService } from '../functions/service';
import type { Logger } from '../logger';

export interface Delivery {
  seq: number;
  at: string;
  msgType: string;
  event: string;
  functionName: string | null;
  body: Record<string, unknown>;
  /** The function's return value, or why it was not delivered. */
  result: unknown;
}

const MAX_LOG = 500;

export class MessagePushService {
  private log: Delivery[] = [];
  private seq = 0;

  constructor(
    private readonly functions: Pick<FunctionsService, 'list' | 'configOf' | 'invoke'>,
    private readonly logger: Logger,
  ) {}

  /** The function configured for this (MsgType, Event) pair, as the console allows only one. */
  targetOf(msgType: string, event: string): string | undefined {
    return this.functions
      .list()
      .find((name) =>
        (this.functions.configOf(name)?.messagePush ?? []).some(
          (entry) => entry.msgType === msgType && (entry.event ?? '') === event,
        ),
      );
  }

  /** Delivers `body` (WeChat's JSON push) to its configured function; answers the log entry. */
  async deliver(body: Record<string, unknown>): Promise<Delivery> {
    const msgType = typeof body.MsgType === 'string' ? body.MsgType : '';
    const event = typeof body.Event === 'string' ? body.Event : '';
    if (!msgType) throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'a message push needs MsgType');
    const functionName = this.targetOf(msgType, event) ?? null;
    const entry: Delivery = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      msgType,
      event,
      functionName,
      body,
      result: null,
    };
    if (!functionName) {
      entry.result = { notDelivered: `no function in cloudbaserc.json receives ${msgType}/${event}` };
      this.logger.warn(`message push ${msgType}/${event}: no function configured to receive it`);
      return this.record(entry);
    }
    const openId = typeof body.FromUserName === 'string' ? body.FromUserName : undefined;
    try {
      const json = await this.functions.invoke({
        name: functionName,
        event: body,
        identity: openId ? { openId } : {},
        source: CALL_SOURCES.messagePush,
      });
      entry.result = JSON.parse(json) as unknown;
    } catch (error) {
      entry.result = { failed: (error as Error).message };
    }
    this.logger.log('outbox', `message push ${msgType}/${event} → ${functionName}`);
    return this.record(entry);
  }

  /** Listed once the function has answered, so a listed delivery is a finished one. */
  private record(entry: Delivery): Delivery {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.shift();
    return entry;
  }

  list(): Delivery[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  reset(): void {
    this.log = [];
    this.seq = 0;
  }
}
