/**
 * `subscribeMessage.send`, validated as WeChat validates it, and the credits (accepted
 * subscriptions) it spends. Templates come from the project's subscribe-templates.json (or tests,
 * over POST /__local/subscriptions/templates); credits are recorded by the local-mode
 * mini-program's stand-in for `wx.requestSubscribeMessage` and by tests (POST
 * /__local/subscriptions), one credit per acceptance of a one-time template, a standing
 * permission for a long-term one. Credits are kept as JSON lines in the data dir (append-only:
 * a fan-out to thousands of members appends one line per send).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { TemplateSpec } from '../project/subscribe-templates';
import { keywordProblem } from './keyword-values';
import type { OpenApiAnswer } from './responders';

/** What `wx.requestSubscribeMessage` answers per template id. */
export type SubscribeChoice = 'accept' | 'reject' | 'ban' | 'filter';
const CHOICES = new Set<string>(['accept', 'reject', 'ban', 'filter']);
/** Template ids one request may carry (the stricter of WeChat's documented limits). */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export interface CreditState {
  templateId: string;
  oneTime: number;
  longTerm: boolean;
}

type CreditLine = { op: 'accept' | 'spend'; openid: string; templateId: string; longTerm?: boolean };

const fail = (errcode: number, errmsg: string): OpenApiAnswer => ({ kind: 'json', body: { errcode, errmsg } });

export class SubscribeMessages {
  private templates = new Map<string, TemplateSpec>();
  private readonly credits = new Map<string, CreditState>();

  constructor(
    private readonly projectTemplates: () => TemplateSpec[],
    private readonly pages: () => Set<string> | null,
    private readonly file: string,
  ) {
    this.loadTemplates();
    this.replay();
  }

  /** Adds or replaces templates (tests); a reset goes back to the project's. */
  configureTemplates(body: Record<string, unknown>): TemplateSpec[] {
    const list = body.templates;
    if (!Array.isArray(list))
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'templates must be [{ id, mode?, keywords }]');
    for (const item of list as Record<string, unknown>[]) {
      if (typeof item.id !== 'string' || typeof item.keywords !== 'object' || item.keywords === null)
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'each template needs id and keywords');
      this.templates.set(item.id, {
        id: item.id,
        mode: item.mode === 'longTerm' ? 'longTerm' : 'oneTime',
        keywords: item.keywords as Record<string, string>,
      });
    }
    return [...this.templates.values()];
  }

  /**
   * Records a member's answers to one subscription request, as `wx.requestSubscribeMessage`
   * would; answers what the mini-program receives (`{ errMsg, [templateId]: choice }`).
   */
  request(body: Record<string, unknown>): Record<string, string> {
    const { openid, results } = body;
    if (typeof openid !== 'string' || openid === '' || typeof results !== 'object' || results === null)
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, 'needs { openid, results: { [templateId]: "accept" } }');
    const entries = Object.entries(results as Record<string, unknown>);
    if (entries.length === 0 || entries.length > MAX_TEMPLATES_PER_REQUEST)
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `20003: 1 to ${MAX_TEMPLATES_PER_REQUEST} template ids`);
    const modes = new Set<string>();
    for (const [id, choice] of entries) {
      const template = this.templates.get(id);
      if (!template) throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `20001: unknown template id ${id}`);
      if (typeof choice !== 'string' || !CHOICES.has(choice))
        throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, `choice must be accept | reject | ban | filter`);
      modes.add(template.mode);
    }
    if (modes.size > 1)
      throw new CloudApiError(CLOUD_ERROR_CODES.INVALID_PARAM, '20004: one-time and long-term ids in one request');
    for (const [id, choice] of entries) {
      if (choice !== 'accept') continue;
      const longTerm = this.templates.get(id)?.mode === 'longTerm';
      this.apply({ op: 'accept', openid, templateId: id, longTerm });
      this.append({ op: 'accept', openid, templateId: id, longTerm });
    }
    return { errMsg: 'requestSubscribeMessage:ok', ...(Object.fromEntries(entries) as Record<string, string>) };
  }

  creditsOf(openid: string): CreditState[] {
    const prefix = `${openid}\u0000`;
    return [...this.credits.entries()].filter(([key]) => key.startsWith(prefix)).map(([, state]) => ({ ...state }));
  }

  /** The answer to `subscribeMessage.send`: WeChat's checks in its order, then one credit spent. */
  send(params: Record<string, unknown>): OpenApiAnswer {
    const { touser, template_id: templateId, page, data } = params;
    if (typeof touser !== 'string' || touser === '') return fail(40003, 'invalid openid');
    const template = typeof templateId === 'string' ? this.templates.get(templateId) : undefined;
    if (!template) return fail(40037, 'invalid template_id');
    if (page !== undefined && page !== '') {
      const pages = this.pages();
      const pathOnly = String(page).split('?')[0].replace(/^\//, '');
      if (pages && !pages.has(pathOnly)) return fail(41030, `invalid page: ${pathOnly}`);
    }
    const values = (typeof data === 'object' && data !== null ? data : {}) as Record<string, { value?: unknown }>;
    for (const [name, type] of Object.entries(template.keywords)) {
      const problem = keywordProblem(type, values[name]?.value);
      if (problem) return fail(47003, `argument invalid! data.${name}.value ${problem}`);
    }
    for (const name of Object.keys(values))
      if (!(name in template.keywords)) return fail(47003, `argument invalid! data.${name} is not a keyword`);
    const key = `${touser}\u0000${template.id}`;
    const credit = this.credits.get(key);
    if (!credit || (!credit.longTerm && credit.oneTime <= 0)) return fail(43101, 'user refuse to accept the msg');
    if (!credit.longTerm) {
      this.apply({ op: 'spend', openid: touser, templateId: template.id });
      this.append({ op: 'spend', openid: touser, templateId: template.id });
    }
    return { kind: 'json', body: { errcode: 0, errmsg: 'ok', msgid: Math.floor(Math.random() * 2 ** 31) } };
  }

  reset(): void {
    this.credits.clear();
    this.loadTemplates();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, '');
  }

  private loadTemplates(): void {
    this.templates = new Map(this.projectTemplates().map((t) => [t.id, t]));
  }

  private apply(line: CreditLine): void {
    const key = `${line.openid}\u0000${line.templateId}`;
    const state = this.credits.get(key) ?? { templateId: line.templateId, oneTime: 0, longTerm: false };
    if (line.op === 'accept') {
      if (line.longTerm) state.longTerm = true;
      else state.oneTime += 1;
    } else state.oneTime = Math.max(0, state.oneTime - 1);
    this.credits.set(key, state);
  }

  private append(line: CreditLine): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  private replay(): void {
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      try {
        this.apply(JSON.parse(raw) as CreditLine);
      } catch {
        // a line torn by a kill mid-write: the rest still counts
      }
    }
  }
}
