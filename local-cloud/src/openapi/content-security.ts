/**
 * WeChat content security (`security.msgSecCheck` v2), answered deterministically so tests and
 * developers can choose the verdict: text containing one of `riskyWords` is 'risky', one of
 * `reviewWords` is 'review', anything else 'pass'. The shape is WeChat's v2 answer: `trace_id`,
 * `result: { suggest, label }` and one `detail` entry per strategy. Rules can be changed at run
 * time with POST /__local/security (see local-admin.ts); a reset restores the defaults.
 *
 * Images (`security.mediaCheckAsync` v2) answer only a `trace_id`; the verdict arrives later as a
 * `wxa_media_check` message push (see message-push.ts), decided by the file name in `media_url`:
 * one containing a `riskyNames` entry is 'risky', a `reviewNames` entry 'review', else 'pass'. It
 * is sent `mediaDelayMs` after the call; `dropMediaVerdicts` keeps it from ever being sent. Every
 * check stays listed (GET /__local/security/media) so a test can deliver its verdict again.
 */
import { randomBytes } from 'node:crypto';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { OpenApiAnswer } from './responders';

export interface ContentSecurityRules {
  riskyWords: string[];
  reviewWords: string[];
  /** Case-insensitive parts of an image's file name that make its verdict 'risky' / 'review'. */
  riskyNames: string[];
  reviewNames: string[];
  /** How long after mediaCheckAsync its verdict is pushed. */
  mediaDelayMs: number;
  /** Never push a media verdict (WeChat sometimes does not). */
  dropMediaVerdicts: boolean;
}

/** Words no real post would contain, so demo and test content is checked the way it reads. */
export const DEFAULT_CONTENT_RULES: ContentSecurityRules = {
  riskyWords: ['【违规】', 'LOCAL-RISKY'],
  reviewWords: ['【待审】', 'LOCAL-REVIEW'],
  riskyNames: ['risky'],
  reviewNames: ['review'],
  mediaDelayMs: 300,
  dropMediaVerdicts: false,
};

/** One mediaCheckAsync call, as GET /__local/security/media lists it. */
export interface MediaCheck {
  traceId: string;
  openid: string;
  mediaUrl: string;
  suggest: Suggest;
  state: 'scheduled' | 'delivered' | 'dropped';
  /** The wxa_media_check push (sent, or to be sent). */
  push: Record<string, unknown>;
}

/** Sends a message push to the function configured for it (message-push.ts). */
export type PushDelivery = (push: Record<string, unknown>) => Promise<unknown>;

/** WeChat's labels: 100 normal, 20006 违法犯罪 (the local cloud's one label for a hit). */
const LABEL_NORMAL = 100;
const LABEL_HIT = 20006;
/** WeChat refuses text longer than this (characters). */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;

export type Suggest = 'pass' | 'review' | 'risky';

const MAX_MEDIA_CHECKS = 1000;

export class ContentSecurity {
  private rules: ContentSecurityRules = cloneRules(DEFAULT_CONTENT_RULES);
  private media: MediaCheck[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deliver: PushDelivery = async () => undefined) {}

  get current(): ContentSecurityRules {
    return cloneRules(this.rules);
  }

  /** Replaces the rules given (word and name lists, delay, drop); the others stay. */
  configure(patch: Record<string, unknown>): ContentSecurityRules {
    for (const key of ['riskyWords', 'reviewWords', 'riskyNames', 'reviewNames'] as const) {
      const list = patch[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((w) => typeof w === 'string'))
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `${key} must be an array of strings`);
      this.rules = { ...this.rules, [key]: [...list] };
    }
    const { mediaDelayMs, dropMediaVerdicts } = patch;
    if (mediaDelayMs !== undefined) {
      if (typeof mediaDelayMs !== 'number' || !(mediaDelayMs >= 0) || mediaDelayMs > 600_000)
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'mediaDelayMs must be 0–600000');
      this.rules = { ...this.rules, mediaDelayMs };
    }
    if (dropMediaVerdicts !== undefined) {
      if (typeof dropMediaVerdicts !== 'boolean')
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'dropMediaVerdicts must be a boolean');
      this.rules = { ...this.rules, dropMediaVerdicts };
    }
    return this.current;
  }

  /** Restores the default rules, forgets every media check and cancels verdicts not yet sent. */
  reset(): void {
    this.rules = cloneRules(DEFAULT_CONTENT_RULES);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.media = [];
  }

  mediaChecks(): MediaCheck[] {
    return this.media.map((check) => ({ ...check }));
  }

  mediaSuggest(mediaUrl: string): Suggest {
    const name = decodeURIComponent(new URL(mediaUrl).pathname.split('/').pop() ?? '').toLowerCase();
    const hit = (names: string[]): boolean => names.some((part) => part && name.includes(part.toLowerCase()));
    if (hit(this.rules.riskyNames)) return 'risky';
    if (hit(this.rules.reviewNames)) return 'review';
    return 'pass';
  }

  /**
   * The answer to `security.mediaCheckAsync` v2: only a trace_id; the verdict follows as a
   * `wxa_media_check` push. WeChat downloads the media itself, so `media_url` must be a public
   * http(s) URL (a temporary link of a stored file), never a `cloud://` file id.
   */
  mediaCheckAsync(params: Record<string, unknown>, appid: string): OpenApiAnswer {
    const { version, openid, scene, media_url: mediaUrl, media_type: mediaType } = params;
    if (version !== 2) return failure(47001, 'data format error: only version 2 is emulated');
    if (typeof openid !== 'string' || openid === '') return failure(40003, 'invalid openid');
    if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) return failure(40003, 'invalid scene');
    if (mediaType !== 1 && mediaType !== 2) return failure(47001, 'data format error: media_type must be 1 or 2');
    if (typeof mediaUrl !== 'string' || !isHttpUrl(mediaUrl))
      return failure(47001, 'data format error: media_url must be a public http(s) URL');
    const traceId = randomBytes(12).toString('hex');
    const suggest = this.mediaSuggest(mediaUrl);
    const label = suggest === 'pass' ? LABEL_NORMAL : LABEL_HIT;
    const push: Record<string, unknown> = {
      ToUserName: 'gh_local00000000',
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
    const check: MediaCheck = {
      traceId,
      openid,
      mediaUrl,
      suggest,
      state: this.rules.dropMediaVerdicts ? 'dropped' : 'scheduled',
      push,
    };
    this.media.push(check);
    if (this.media.length > MAX_MEDIA_CHECKS) this.media.shift();
    if (check.state === 'scheduled') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        check.state = 'delivered';
        this.deliver(push).catch(() => undefined);
      }, this.rules.mediaDelayMs);
      timer.unref();
      this.timers.add(timer);
    }
    return { kind: 'json', body: { errcode: 0, errmsg: 'ok', trace_id: traceId } };
  }

  textSuggest(content: string): Suggest {
    if (this.rules.riskyWords.some((word) => word && content.includes(word))) return 'risky';
    if (this.rules.reviewWords.some((word) => word && content.includes(word))) return 'review';
    return 'pass';
  }

  /** The answer to `security.msgSecCheck`, validating the v2 parameters as WeChat does. */
  msgSecCheck(params: Record<string, unknown>): OpenApiAnswer {
    const { version, openid, scene, content } = params;
    if (typeof content !== 'string') return failure(47001, 'data format error');
    // v1 has no verdict object: a hit is errcode 87014.
    if (version !== 2) {
      return this.textSuggest(content) === 'pass'
        ? { kind: 'json', body: { errcode: 0, errmsg: 'ok' } }
        : failure(87014, 'risky content');
    }
    if (typeof openid !== 'string' || openid === '') return failure(40003, 'invalid openid');
    if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) return failure(40003, 'invalid scene');
    if ([...content].length > MSG_SEC_CHECK_MAX_CHARS) return failure(47003, 'argument invalid! content too long');
    const suggest = this.textSuggest(content);
    const label = suggest === 'pass' ? LABEL_NORMAL : LABEL_HIT;
    return {
      kind: 'json',
      body: {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest, label },
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
        trace_id: randomBytes(12).toString('hex'),
      },
    };
  }
}

function failure(errcode: number, errmsg: string): OpenApiAnswer {
  return { kind: 'json', body: { errcode, errmsg } };
}

function cloneRules(rules: ContentSecurityRules): ContentSecurityRules {
  return {
    ...rules,
    riskyWords: [...rules.riskyWords],
    reviewWords: [...rules.reviewWords],
    riskyNames: [...rules.riskyNames],
    reviewNames: [...rules.reviewNames],
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
