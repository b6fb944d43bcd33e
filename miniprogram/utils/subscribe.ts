/**
 * Asking a member for subscribe-message credits (订阅消息), as WeChat allows it: only from a tap
 * (so `wx.requestSubscribeMessage` is called first thing in the handler, with the settings read
 * beforehand), at most 3 template ids per request, one-time and long-term never mixed, and
 * respecting what `wx.getSetting({ withSubscriptions: true })` reports: the main switch off, or
 * 总是保持 choices (an id always rejected is not asked for again). Each acceptance is reported to
 * the api, which keeps the credits. In local mode (DevTools without an AppID of one's own) a modal
 * stands in for WeChat's panel and records the answer with the local cloud.
 */
import type { SubscribeChoice, SubscriptionView, TemplateKey, TemplateView } from '../../src/contract';
import { config } from '../config/index';
import { isLocalMode } from '../config/mode';
import { recordSubscriptions } from '../services/reminders';

const MAX_IDS = 3;

export interface SubscriptionSettings {
  mainSwitch: boolean;
  /** Only ids the member ticked 总是保持以上选择 for. */
  items: Record<string, string>;
}

export type AskOutcome =
  | { status: 'accepted' | 'declined'; view: SubscriptionView }
  | { status: 'off' | 'rejected' | 'failed' };

let settings: SubscriptionSettings = { mainSwitch: true, items: {} };

/** Read on each page show, so a tap can ask at once. */
export function refreshSubscriptionSettings(): void {
  wx.getSetting({
    withSubscriptions: true,
    success: (res) => {
      const sub = res.subscriptionsSetting as
        | { mainSwitch?: boolean; itemSettings?: Record<string, string> }
        | undefined;
      settings = { mainSwitch: sub?.mainSwitch !== false, items: { ...(sub?.itemSettings ?? {}) } };
    },
    fail: () => undefined,
  });
}

/** The reasons shown beside the button, in the member's words. */
export function reasonsText(templates: TemplateView[], keys: TemplateKey[]): string {
  return templates
    .filter((t) => keys.includes(t.key))
    .map((t) => t.reason)
    .join('；');
}

function localAsk(openid: string, ids: string[], reasons: string): Promise<Record<string, SubscribeChoice>> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '订阅活动提醒（本地模拟）',
      content: reasons,
      confirmText: '允许',
      cancelText: '取消',
      success: ({ confirm }) => {
        const results = Object.fromEntries(ids.map((id) => [id, confirm ? 'accept' : 'reject'])) as Record<
          string,
          SubscribeChoice
        >;
        wx.request({
          url: `${config.local.baseUrl}/__local/subscriptions`,
          method: 'POST',
          data: { openid, results },
          complete: () => resolve(results),
        });
      },
      fail: () => resolve({}),
    });
  });
}

function wechatAsk(ids: string[]): Promise<Record<string, SubscribeChoice>> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res: unknown) => {
        const answers = res as Record<string, string>;
        resolve(Object.fromEntries(ids.map((id) => [id, (answers[id] ?? 'reject') as SubscribeChoice])));
      },
      fail: () => resolve({}),
    } as unknown as WechatMiniprogram.RequestSubscribeMessageOption);
  });
}

/** Call from a tap handler, before any await. */
export async function askForReminders(keys: TemplateKey[], templates: TemplateView[]): Promise<AskOutcome> {
  if (!settings.mainSwitch) return { status: 'off' };
  // In the order asked: the most wanted first, should the request have to leave some out.
  const wanted = keys.flatMap((key) => templates.filter((t) => t.key === key));
  const mode = wanted[0]?.mode;
  const ids = wanted
    .filter((t) => t.mode === mode && settings.items[t.templateId] !== 'reject')
    .map((t) => t.templateId)
    .slice(0, MAX_IDS);
  if (ids.length === 0) return { status: 'rejected' };
  const results = await (isLocalMode()
    ? localAsk(config.local.openid, ids, reasonsText(wanted, keys))
    : wechatAsk(ids));
  if (Object.keys(results).length === 0) return { status: 'failed' };
  const keep = Object.fromEntries(
    ids.filter((id) => settings.items[id] === 'accept').map((id) => [id, 'accept' as const]),
  );
  try {
    const view = await recordSubscriptions(results, keep);
    const accepted = Object.values(results).includes('accept');
    return { status: accepted ? 'accepted' : 'declined', view };
  } catch {
    return { status: 'failed' };
  }
}

/** What the member is told after asking. */
export function outcomeToast(outcome: AskOutcome): string {
  switch (outcome.status) {
    case 'accepted':
      return '已开启提醒';
    case 'declined':
      return '未开启提醒';
    case 'off':
      return '订阅消息已关闭，可在右上角 ··· → 设置 中打开';
    case 'rejected':
      return '你已选择不再接收此类提醒，可在设置中更改';
    case 'failed':
      return '暂时无法开启提醒，请稍后再试';
  }
}
