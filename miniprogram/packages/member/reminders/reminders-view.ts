/** 我的提醒: what a member will be reminded of, from the api's SubscriptionView. */
import type { SubscriptionView, TemplateView } from '../../../../src/contract';
import { formatEventMoment } from '../../../utils/date';

export interface TemplateLine {
  key: string;
  title: string;
  reason: string;
  stateText: string;
  on: boolean;
}

export interface UpcomingLine {
  eventId: string;
  title: string;
  when: string;
  stateText: string;
  covered: boolean;
}

function stateOf(t: TemplateView): { text: string; on: boolean } {
  if (t.longTerm) return { text: '长期开启', on: true };
  if (t.keep === 'reject') return { text: '已选择不再接收', on: false };
  if (t.credits > 0) return { text: `还可提醒 ${t.credits} 次`, on: true };
  return { text: '未开启', on: false };
}

export function myRemindersView(view: SubscriptionView, now = Date.now()) {
  const templates: TemplateLine[] = view.templates
    .filter((t) => t.key !== 'ledgerOverdue')
    .map((t) => {
      const state = stateOf(t);
      return { key: t.key, title: t.title, reason: t.reason, stateText: state.text, on: state.on };
    });
  const upcoming: UpcomingLine[] = view.upcoming.map((u) => ({
    eventId: u.eventId,
    title: u.title,
    when: formatEventMoment(u.startsAt, now),
    stateText: u.covered ? '开始前会提醒你' : '不会提醒：点下方开启',
    covered: u.covered,
  }));
  return {
    templates,
    upcoming,
    empty: upcoming.length === 0,
    /** 微信每次订阅只能发一条：note it where the counts show. */
    note: '微信规定每订阅一次只能收到一条提醒；每次报名后点“提醒我”即可继续接收。',
  };
}
