/**
 * Demo scenarios of the reminder and share hooks on notices and posts (issue 11 after issue 10):
 * the notice page's 通知未读提醒 row (not yet on, and on), 我的提醒 listing it, and the share
 * cards of a notice and of a post (the preview the canvas drawing mirrors).
 */
import type { NoticeDetail, PostView, SubscriptionView, TemplateView } from '../../../src/contract';
import { ok, type Replies } from '../helpers/cloud';
import { demoMember } from './demo-data';
import type { Scenario } from './index';

const NOW = '2026-04-10T02:00:00.000Z';

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

const subscriptions = (noticeCredits: number): SubscriptionView => ({
  templates: [
    template('eventStart', '活动开始提醒', '活动开始前 1 天和 1 小时提醒你', 1),
    template('signUpDeadline', '报名截止提醒', '报名截止前提醒你还没报名的活动'),
    template('waitlistPromoted', '候补成功通知', '候补转为正式报名时立即告诉你'),
    template('eventChanged', '活动变更通知', '活动改期或取消时告诉你', 1),
    template('ledgerOverdue', '事项逾期提醒', '你负责的难题台账逾期时提醒你'),
    template('noticeUnread', '通知未读提醒', '新通知发布一天后你还没看时提醒你', noticeCredits),
  ],
  upcoming: [],
});

const notice: NoticeDetail = {
  id: 'notice-1',
  title: '关于按时缴纳本季度党费的通知',
  excerpt: '各位党员：',
  authorName: '李明',
  audience: { kind: 'pairing', id: 'pairing-1', name: '财政局—红旗村结对共建' },
  pinned: true,
  edited: false,
  publishedAt: '2026-04-09T01:30:00.000Z',
  read: true,
  body: '各位党员：\n请于本月 25 日前通过“党费通”缴纳第四季度党费，缴纳标准见附件。',
  attachments: [],
  status: 'published',
  reason: null,
  publishAt: null,
  expiresAt: null,
  editedAt: null,
  canManage: false,
};

const post: PostView = {
  id: 'post-1',
  eventId: 'event-tea',
  eventTitle: '联合主题党日：茶园助农',
  authorName: '王芳',
  authorBranchName: '市财政局机关第一党支部',
  caption: '和红旗村的党员一起采茶、装箱，合作社的新茶今天发往县城超市。',
  photos: [],
  status: 'published',
  reason: null,
  needsReview: false,
  likes: 12,
  likedByMe: true,
  mine: false,
  canModerate: false,
  createdAt: '2026-04-08T06:00:00.000Z',
  publishedAt: '2026-04-08T06:01:00.000Z',
};

const member = (noticeCredits: number): Replies => ({
  'member.me': ok({ member: demoMember }),
  'notice.get': ok(notice),
  'post.get': ok(post),
  'subscription.mine': ok(subscriptions(noticeCredits)),
});

const SHARE = 'packages/events/share/index';
const at = (id: string, title: string, page: string, cloud: Replies, query?: Record<string, string>): Scenario => ({
  id,
  title,
  page,
  tabBar: false,
  cloud,
  now: NOW,
  ...(query ? { query } : {}),
});

export const NOTICE_SHARE_SCENARIOS: Scenario[] = [
  at('notice-detail-remind', '通知详情 · 通知未读提醒（未开启）', 'packages/notices/detail/index', member(0), {
    id: 'notice-1',
  }),
  at('notice-detail-remind-on', '通知详情 · 通知未读提醒（已开启）', 'packages/notices/detail/index', member(1), {
    id: 'notice-1',
  }),
  at('my-reminders-notice', '我的提醒 · 含通知未读提醒', 'packages/member/reminders/index', member(1)),
  at('share-notice', '分享卡片 · 通知公告', SHARE, member(0), { kind: 'notice', id: 'notice-1' }),
  at('share-post', '分享卡片 · 活动风采', SHARE, member(0), { kind: 'post', id: 'post-1' }),
];
