/**
 * The subscribe-message templates of subscribe-templates.json (the one config file: ids, one-time
 * or long-term, and which of our fields fills each keyword), and the message data a send carries,
 * every value cut to its keyword type's limit (domain/subscribe-values.ts).
 */
import config from '../../../subscribe-templates.json';
import type { TemplateKey } from '../../contract/reminder-models';
import { keywordValue, type KeywordInput, type KeywordType } from '../../domain/subscribe-values';

export interface TemplateConfig {
  id: string;
  mode: 'oneTime' | 'longTerm';
  title: string;
  reason: string;
  keywords: Record<string, { type: KeywordType; field: string }>;
}

export const TEMPLATES = config.templates as unknown as Record<TemplateKey, TemplateConfig>;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function templateKeyOf(templateId: string): TemplateKey | undefined {
  return TEMPLATE_KEYS.find((key) => TEMPLATES[key].id === templateId);
}

/** `{ thing1: { value } … }` for a send: each keyword from its field, cut to its type. */
export function messageData(key: TemplateKey, fields: Record<string, KeywordInput>): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(TEMPLATES[key].keywords).map(([name, spec]) => [
      name,
      { value: keywordValue(spec.type, fields[spec.field] ?? '') },
    ]),
  );
}
