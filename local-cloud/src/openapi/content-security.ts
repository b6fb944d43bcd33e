/**
 * WeChat content security (`security.msgSecCheck` v2), answered deterministically so tests and
 * developers can choose the verdict: text containing one of `riskyWords` is 'risky', one of
 * `reviewWords` is 'review', anything else 'pass'. The shape is WeChat's v2 answer: `trace_id`,
 * `result: { suggest, label }` and one `detail` entry per strategy. Rules can be changed at run
 * time with POST /__local/security (see local-admin.ts); a reset restores the defaults.
 */
import { randomBytes } from 'node:crypto';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { OpenApiAnswer } from './responders';

export interface ContentSecurityRules {
  riskyWords: string[];
  reviewWords: string[];
}

/** Words no real post would contain, so demo and test content is checked the way it reads. */
export const DEFAULT_CONTENT_RULES: ContentSecurityRules = {
  riskyWords: ['【违规】', 'LOCAL-RISKY'],
  reviewWords: ['【待审】', 'LOCAL-REVIEW'],
};

/** WeChat's labels: 100 normal, 20006 违法犯罪 (the local cloud's one label for a hit). */
const LABEL_NORMAL = 100;
const LABEL_HIT = 20006;
/** WeChat refuses text longer than this (characters). */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;

export type Suggest = 'pass' | 'review' | 'risky';

export class ContentSecurity {
  private rules: ContentSecurityRules = cloneRules(DEFAULT_CONTENT_RULES);

  get current(): ContentSecurityRules {
    return cloneRules(this.rules);
  }

  /** Replaces the word lists given (each an array of strings); the others stay. */
  configure(patch: Record<string, unknown>): ContentSecurityRules {
    for (const key of ['riskyWords', 'reviewWords'] as const) {
      const list = patch[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((w) => typeof w === 'string'))
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `${key} must be an array of strings`);
      this.rules = { ...this.rules, [key]: [...list] };
    }
    return this.current;
  }

  reset(): void {
    this.rules = cloneRules(DEFAULT_CONTENT_RULES);
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
  return { riskyWords: [...rules.riskyWords], reviewWords: [...rules.reviewWords] };
}
