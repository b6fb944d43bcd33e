/** Shared steps of the reminder scenarios: accepting credits the way the mini-program does, reading sends. */
import type { SubscriptionView } from '../../src/contract';
import type { OutboxEntry } from '../../local-cloud/src/openapi/outbox';
import { TEMPLATES } from '../../src/server/reminders/templates';
import type { TemplateKey } from '../../src/contract/reminder-models';
import { call } from './event-support';
import type { ApiCloud } from './support';

/**
 * A member taps 提醒我 and accepts: the stand-in for wx.requestSubscribeMessage records the
 * acceptance with the local cloud (WeChat's side), then the page reports it to the api (ours).
 */
export async function accept(cloud: ApiCloud, openid: string, keys: TemplateKey[]): Promise<SubscriptionView> {
  const results: Record<string, 'accept'> = Object.fromEntries(keys.map((key) => [TEMPLATES[key].id, 'accept']));
  await cloud.subscribe(openid, results);
  return call(cloud, 'subscription.record', { results }, openid);
}

export interface Sent {
  to: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  errcode: number;
}

export async function sends(cloud: ApiCloud, templateKey?: TemplateKey): Promise<Sent[]> {
  const all = (await cloud.outbox('subscribeMessage.send')).map((m: OutboxEntry) => ({
    to: m.params.touser as string,
    templateId: m.params.template_id as string,
    page: m.params.page as string,
    data: m.params.data as Record<string, { value: string }>,
    errcode: m.errcode,
  }));
  return templateKey ? all.filter((s) => s.templateId === TEMPLATES[templateKey].id) : all;
}

/** Recipients of successful sends, sorted, with repeats kept (so a double send shows). */
export const delivered = (list: Sent[]): string[] =>
  list
    .filter((s) => s.errcode === 0)
    .map((s) => s.to)
    .sort();
