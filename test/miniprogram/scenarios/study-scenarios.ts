/** The study (学习) and points (积分) pages in their states: loaded, empty, loading, error, a refused submit. */
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { tap } from '../helpers/load';
import { demoMember, demoSecretary } from './demo-data';
import {
  demoMakeUps,
  demoMyPoints,
  demoRanking,
  demoStudyCalendar,
  demoStudyCheckIn,
  demoStudyHistory,
  demoStudyPlan,
  demoStudyProgress,
  demoStudyToday,
  demoStudyTodayDone,
  demoStudyTodayEmpty,
} from './study-demo-data';
import type { Scenario } from './index';

/** What the 学习 tab asks, for the tab bar's own member scenario too. */
export const demoStudyReplies: Replies = { 'study.today': ok(demoStudyToday) };

const member: Replies = { 'member.me': ok({ member: demoMember }) };
const secretary: Replies = { 'member.me': ok({ member: demoSecretary }) };
const TAB = 'pages/study/index';
const P = (name: string) => `packages/study/${name}/index`;

const states = (id: string, title: string, page: string): Scenario[] => [
  { id: `${id}-loading`, title: `${title} · 加载中`, page, tabBar: false, cloud: 'pending' },
  { id: `${id}-error`, title: `${title} · 网络错误`, page, tabBar: false, cloud: 'offline' },
];

export const STUDY_SCENARIOS: Scenario[] = [
  {
    id: 'study-secretary',
    title: '学习 · 支部书记',
    page: TAB,
    tabBar: true,
    cloud: { ...secretary, ...demoStudyReplies },
  },
  {
    id: 'study-checked-in',
    title: '学习 · 今日已打卡（心得审核中）',
    page: TAB,
    tabBar: true,
    cloud: { ...member, 'study.today': ok(demoStudyTodayDone) },
  },
  {
    id: 'study-no-plan',
    title: '学习 · 本月无计划',
    page: TAB,
    tabBar: true,
    cloud: { ...member, 'study.today': ok(demoStudyTodayEmpty) },
  },
  { id: 'study-loading', title: '学习 · 加载中', page: TAB, tabBar: true, cloud: 'pending' },
  { id: 'study-error', title: '学习 · 网络错误', page: TAB, tabBar: true, cloud: 'offline' },

  {
    id: 'study-check-in-item',
    title: '学习打卡 · 计划条目',
    page: P('check-in'),
    tabBar: false,
    cloud: demoStudyReplies,
    query: { itemId: demoStudyPlan.items[0]!.id },
  },
  {
    id: 'study-check-in-free',
    title: '学习打卡 · 自主学习',
    page: P('check-in'),
    tabBar: false,
    cloud: demoStudyReplies,
  },
  {
    id: 'study-check-in-risky',
    title: '学习打卡 · 心得未通过内容检查',
    page: P('check-in'),
    tabBar: false,
    cloud: {
      'study.today': ok({ ...demoStudyToday, checkIn: demoStudyCheckIn }),
      'study.checkIn': fail({
        code: 'STUDY_REFLECTION_RISKY',
        message: '学习心得中有不适宜发布的内容，请修改后再提交',
      }),
    },
    act: (page) => tap(page, '#submit'),
  },
  ...states('study-check-in', '学习打卡', P('check-in')),

  {
    id: 'study-history',
    title: '学习记录 · 日历',
    page: P('history'),
    tabBar: false,
    cloud: { 'study.calendar': ok(demoStudyCalendar), 'study.history': ok(demoStudyHistory) },
  },
  {
    id: 'study-history-empty',
    title: '学习记录 · 暂无',
    page: P('history'),
    tabBar: false,
    cloud: {
      'study.calendar': ok({
        ...demoStudyCalendar,
        days: [],
        streak: { current: 0, longest: 0 },
        minutes: { week: 0, month: 0 },
      }),
      'study.history': ok({ items: [], nextCursor: null }),
    },
  },
  ...states('study-history', '学习记录', P('history')),

  {
    id: 'study-make-up',
    title: '申请补学 · 我的申请',
    page: P('make-up'),
    tabBar: false,
    cloud: { 'study.makeUp.list': ok({ items: demoMakeUps }) },
  },
  {
    id: 'study-make-up-window',
    title: '申请补学 · 未选择日期',
    page: P('make-up'),
    tabBar: false,
    cloud: { 'study.makeUp.list': ok({ items: [] }) },
    act: (page) => tap(page, '#submit'),
  },
  ...states('study-make-up', '申请补学', P('make-up')),

  {
    id: 'study-approvals',
    title: '补学与心得审核',
    page: P('approvals'),
    tabBar: false,
    cloud: {
      'study.makeUp.list': ok({ items: demoMakeUps }),
      'study.reflection.pending': ok({
        items: [
          {
            ...demoStudyCheckIn,
            id: 'r1',
            memberId: 'o-sun',
            name: '孙伟',
            reflection: '对照检查自己在工作中的不足，今后要……',
            reflectionState: 'review',
          },
        ],
      }),
    },
  },
  {
    id: 'study-approvals-empty',
    title: '补学与心得审核 · 无待办',
    page: P('approvals'),
    tabBar: false,
    cloud: { 'study.makeUp.list': ok({ items: [] }), 'study.reflection.pending': ok({ items: [] }) },
  },
  ...states('study-approvals', '补学与心得审核', P('approvals')),

  {
    id: 'study-plan-edit',
    title: '编辑学习计划',
    page: P('plan-edit'),
    tabBar: false,
    cloud: { 'study.plan.get': ok(demoStudyPlan) },
  },
  {
    id: 'study-plan-edit-empty',
    title: '编辑学习计划 · 新的月份',
    page: P('plan-edit'),
    tabBar: false,
    cloud: { 'study.plan.get': ok({ ...demoStudyPlan, items: [], updatedAt: null }) },
  },
  ...states('study-plan-edit', '编辑学习计划', P('plan-edit')),

  {
    id: 'study-progress',
    title: '学习完成情况',
    page: P('progress'),
    tabBar: false,
    cloud: { 'study.plan.progress': ok(demoStudyProgress) },
  },
  {
    id: 'study-progress-empty',
    title: '学习完成情况 · 本月无计划',
    page: P('progress'),
    tabBar: false,
    cloud: {
      'study.plan.progress': ok({
        ...demoStudyProgress,
        participants: 0,
        participationRate: 0,
        items: [],
        notStudiedFirstTopic: [],
      }),
    },
  },
  ...states('study-progress', '学习完成情况', P('progress')),

  {
    id: 'study-points',
    title: '我的积分 · 明细与排名',
    page: P('points'),
    tabBar: false,
    cloud: { 'points.mine': ok(demoMyPoints), 'points.ranking': ok(demoRanking) },
  },
  {
    id: 'study-points-opted-out',
    title: '我的积分 · 不参与排名',
    page: P('points'),
    tabBar: false,
    cloud: {
      'points.mine': ok({ ...demoMyPoints, rankingOptOut: true, history: [], total: 0, yearTotal: 0 }),
      'points.ranking': ok({
        ...demoRanking,
        optedOut: true,
        rows: demoRanking.rows.filter((r) => r.memberId !== 'o-wang'),
      }),
    },
  },
  ...states('study-points', '我的积分', P('points')),
];
