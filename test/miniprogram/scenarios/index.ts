/**
 * The demo scenarios: every page (and the tab bar under the tab pages) in its important states,
 * with data coming through the real services and API client from a stubbed transport. The
 * budgets test checks each of them; `npm run preview` screenshots each in normal and care mode.
 * A new page or state is added here once and both pick it up.
 */
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { tap, type as typeText } from '../helpers/load';
import type { Rendered } from '../helpers/load';
import { demoInvite, demoMember, demoSecretary } from './demo-data';
import { EVENT_SCENARIOS, demoEventList } from './event-scenarios';
import { COMMITTEE_SCENARIOS } from './committee-scenarios';
import { ORG_SCENARIOS } from './org-scenarios';
import { STUDY_SCENARIOS, demoStudyReplies } from './study-scenarios';
import { POST_SCENARIOS, POST_TAB_REPLIES } from './post-scenarios';
import { REMINDER_SCENARIOS } from './reminder-scenarios';
import { homeReviewReplies, REVIEW_SCENARIOS } from './review-scenarios';
import { NOTICE_SHARE_SCENARIOS } from './notice-share-scenarios';
import { STUDY_PHOTO_RULES_SCENARIOS } from './study-photo-rules-scenarios';

export interface Scenario {
  /** File-name friendly id, e.g. `home-member`. */
  id: string;
  /** Caption in the gallery. */
  title: string;
  /** Page path relative to miniprogram/, without extension. */
  page: string;
  /** Whether the custom tab bar sits under it (tab pages). */
  tabBar: boolean;
  /** How the `api` function answers: replies, no connection, or never. */
  cloud: Replies | 'offline' | 'pending';
  query?: Record<string, string>;
  /** The moment the scenario happens at (the clock is frozen there); default: the real time. */
  now?: string;
  /** Stubs of the platform the page uses on load (camera, position), installed before it loads. */
  platform?: () => void;
  /** What the person does after the page has loaded. */
  act?: (page: Rendered) => void;
  /** WeChat asks for privacy consent (helpers/privacy): the person has not agreed yet. */
  privacy?: boolean;
}

const asMember: Replies = {
  'member.me': ok({ member: demoMember }),
  ...demoEventList,
  ...demoStudyReplies,
  ...homeReviewReplies,
};
Object.assign(asMember, POST_TAB_REPLIES); // 风采's feed and the tab bar's unread badge
const asSecretary: Replies = { 'member.me': ok({ member: demoSecretary }) };
const asNewcomer: Replies = {
  'member.me': ok({ member: null }),
  'invite.preview': ok(demoInvite),
  'member.join': fail({
    code: 'INVALID_INPUT',
    message: '填写的内容有误，请检查后重试',
    details: [{ path: 'name', message: '请填写姓名' }],
  }),
};
const expiredInvite: Replies = {
  'invite.preview': fail({ code: 'INVITE_EXPIRED', message: '邀请码已过期，请联系支部书记获取新的邀请码' }),
};

const TAB_PAGES = [
  { page: 'pages/home/index', name: '首页', slug: 'home' },
  { page: 'pages/events/index', name: '活动', slug: 'events' },
  { page: 'pages/study/index', name: '学习', slug: 'study' },
  { page: 'pages/posts/index', name: '风采', slug: 'posts' },
  { page: 'pages/mine/index', name: '我的', slug: 'mine' },
];

const tabScenarios: Scenario[] = TAB_PAGES.flatMap(({ page, name, slug }) => [
  { id: `${slug}-member`, title: `${name} · 党员`, page, tabBar: true, cloud: asMember },
  { id: `${slug}-newcomer`, title: `${name} · 未加入支部`, page, tabBar: true, cloud: asNewcomer },
]);

const JOIN = 'packages/member/join/index';

export const SCENARIOS: Scenario[] = [
  ...tabScenarios,
  { id: 'mine-secretary', title: '我的 · 支部书记', page: 'pages/mine/index', tabBar: true, cloud: asSecretary },
  { id: 'home-loading', title: '首页 · 加载中', page: 'pages/home/index', tabBar: true, cloud: 'pending' },
  { id: 'home-error', title: '首页 · 网络错误', page: 'pages/home/index', tabBar: true, cloud: 'offline' },
  { id: 'mine-error', title: '我的 · 网络错误', page: 'pages/mine/index', tabBar: true, cloud: 'offline' },
  { id: 'join-start', title: '加入支部 · 输入邀请码', page: JOIN, tabBar: false, cloud: asNewcomer },
  {
    id: 'join-code-error',
    title: '加入支部 · 邀请码已过期',
    page: JOIN,
    tabBar: false,
    cloud: expiredInvite,
    act: (page) => {
      typeText(page, '#code', 'OLD2025');
      tap(page, '#preview');
    },
  },
  {
    id: 'join-preview',
    title: '加入支部 · 预览支部（分享链接打开）',
    page: JOIN,
    tabBar: false,
    cloud: asNewcomer,
    query: { code: 'LJ2026' },
  },
  {
    id: 'join-name-error',
    title: '加入支部 · 姓名未填',
    page: JOIN,
    tabBar: false,
    cloud: asNewcomer,
    query: { code: 'LJ2026' },
    act: (page) => tap(page, '#join'),
  },
  {
    id: 'join-privacy',
    title: '加入支部 · 隐私保护提示（提交姓名前）',
    page: JOIN,
    tabBar: false,
    cloud: asNewcomer,
    query: { code: 'LJ2026' },
    privacy: true,
    act: (page) => {
      typeText(page, '#name', '王芳');
      tap(page, '#join');
    },
  },
  { id: 'privacy', title: '隐私与个人信息', page: 'packages/member/privacy/index', tabBar: false, cloud: asMember },
  ...EVENT_SCENARIOS,
  ...ORG_SCENARIOS,
  ...COMMITTEE_SCENARIOS,
  ...STUDY_SCENARIOS,
  ...POST_SCENARIOS,
  ...REMINDER_SCENARIOS,
  ...REVIEW_SCENARIOS,
  ...NOTICE_SHARE_SCENARIOS,
  ...STUDY_PHOTO_RULES_SCENARIOS,
];
