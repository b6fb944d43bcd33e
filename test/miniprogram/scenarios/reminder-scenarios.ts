/**
 * Demo scenarios of reminders and share cards (issue 11): the event page's 提醒我 row, a member's
 * 我的提醒, the organisers' reminder view (filled and empty), and the share cards of an event and
 * of an invite (the preview the canvas drawing mirrors).
 */
import type { ReminderEventView, SubscriptionView, TemplateView } from '../../../src/contract';
import { ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { demoInvite, demoMember, demoSecretary } from './demo-data';
import { DEMO_NOW, demoDetailManaged, demoEvent } from './event-demo-data';
import type { Scenario } from './index';

const template = (key: TemplateView['key'], title: string, reason: string, credits = 0): TemplateView => ({
  key,
  templateId: `LOCAL_TMPL_${key.toUpperCase()}`,
  title,
  reason,
  mode: 'oneTime',
  credits,
  longTerm: false,
  keep: null,
});

const templates = (startCredits: number): TemplateView[] => [
  template('eventStart', '活动开始提醒', '活动开始前 1 天和 1 小时提醒你', startCredits),
  template('signUpDeadline', '报名截止提醒', '报名截止前提醒你还没报名的活动'),
  template('waitlistPromoted', '候补成功通知', '候补转为正式报名时立即告诉你', 1),
  template('eventChanged', '活动变更通知', '活动改期或取消时告诉你', 2),
  template('ledgerOverdue', '事项逾期提醒', '你负责的难题台账逾期时提醒你'),
];

const none: SubscriptionView = { templates: templates(0), upcoming: [] };
const mine: SubscriptionView = {
  templates: templates(2),
  upcoming: [
    { eventId: 'event-1', title: demoEvent.title, startsAt: demoEvent.startsAt, covered: true },
    { eventId: 'event-2', title: '六月集中学习：党纪学习教育', startsAt: '2026-06-05T01:30:00.000Z', covered: true },
  ],
};

const names = ['王芳', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周丽'];
const reminderView: ReminderEventView = {
  eventId: 'event-1',
  title: demoEvent.title,
  kinds: [{ kind: 'eventStart1d', label: '开始前 1 天', sent: 5, noCredit: 3, refused: 0, failed: 0, pending: 0 }],
  members: names.map((name, i) => ({
    memberId: `m${i}`,
    name,
    state: i < 5 ? 'sent' : 'noCredit',
    kind: 'eventStart1d',
    at: i < 5 ? '2026-05-14T06:00:00.000Z' : null,
    hasCredit: i === 6,
  })),
  withCredit: 1,
  sentNow: false,
  groups: [
    { groupId: 'Gfinance', name: '财政局党员群', visits: 14, signUps: 9 },
    { groupId: 'Gvillage', name: null, visits: 6, signUps: 3 },
  ],
};
const emptyView: ReminderEventView = {
  ...reminderView,
  kinds: [],
  members: names.slice(0, 3).map((name, i) => ({
    memberId: `m${i}`,
    name,
    state: 'none',
    kind: null,
    at: null,
    hasCredit: false,
  })),
  withCredit: 0,
  groups: [],
};

const member: Replies = { 'member.me': ok({ member: demoMember }) };
const secretary: Replies = { 'member.me': ok({ member: demoSecretary }) };
const REMINDERS = 'packages/events/reminders/index';
const SHARE = 'packages/events/share/index';

export const REMINDER_SCENARIOS: Scenario[] = [
  {
    id: 'event-detail-remind',
    title: '活动详情 · 提醒我（未订阅）',
    page: 'packages/events/detail/index',
    tabBar: false,
    cloud: { ...member, 'event.get': ok(demoEvent), 'subscription.mine': ok(none) },
    query: { id: 'event-1' },
    now: DEMO_NOW,
  },
  {
    id: 'my-reminders',
    title: '我的提醒 · 已开启',
    page: 'packages/member/reminders/index',
    tabBar: false,
    cloud: { ...member, 'subscription.mine': ok(mine) },
    now: DEMO_NOW,
  },
  {
    id: 'my-reminders-empty',
    title: '我的提醒 · 未开启、无报名',
    page: 'packages/member/reminders/index',
    tabBar: false,
    cloud: { ...member, 'subscription.mine': ok(none) },
    now: DEMO_NOW,
  },
  {
    id: 'event-reminders',
    title: '活动提醒 · 已提醒与群来源（书记）',
    page: REMINDERS,
    tabBar: false,
    cloud: { ...secretary, 'reminder.event': ok(reminderView) },
    query: { eventId: 'event-1' },
    now: DEMO_NOW,
  },
  {
    id: 'event-reminders-empty',
    title: '活动提醒 · 无人订阅、无群来源',
    page: REMINDERS,
    tabBar: false,
    cloud: { ...secretary, 'reminder.event': ok(emptyView) },
    query: { eventId: 'event-1' },
    now: DEMO_NOW,
  },
  {
    id: 'event-reminders-error',
    title: '活动提醒 · 网络错误',
    page: REMINDERS,
    tabBar: false,
    cloud: 'offline',
    query: { eventId: 'event-1' },
  },
  {
    id: 'share-event',
    title: '分享卡片 · 活动（已报名 n / 限 m）',
    page: SHARE,
    tabBar: false,
    cloud: {
      ...member,
      'event.get': ok(demoDetailManaged),
      'share.card': ok({
        eventId: 'event-1',
        activityId: 'local_demo',
        expiresAt: null,
        memberCount: 23,
        roomLimit: 40,
      }),
    },
    query: { kind: 'event', id: 'event-1' },
    now: DEMO_NOW,
  },
  {
    id: 'share-invite',
    title: '分享卡片 · 邀请码',
    page: SHARE,
    tabBar: false,
    cloud: { 'invite.preview': ok(demoInvite) },
    query: { kind: 'invite', code: demoInvite.code },
    now: DEMO_NOW,
  },
];
