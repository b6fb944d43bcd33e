/** What the study and points actions answer in the gallery: a member some weeks into the month's plan. */
import type {
  MakeUpView,
  MyPointsView,
  PointsRankingView,
  StudyCalendarView,
  StudyCheckInView,
  StudyHistoryPage,
  StudyPlanView,
  StudyProgressView,
  StudyTodayView,
} from '../../../src/contract';

const PLAN = 'branch_branch-1_2026-12';
const first = `${PLAN}_i000001`;

export const demoStudyPlan: StudyPlanView = {
  owner: { kind: 'branch', id: 'branch-1' },
  ownerName: '第一党支部',
  month: '2026-12',
  editable: true,
  updatedAt: '2026-11-30T02:00:00.000Z',
  items: [
    {
      id: first,
      title: '学习习近平总书记最新重要讲话精神',
      material: '原文见本月专题',
      kind: '文章',
      suggestedMinutes: 40,
      dueDate: '2026-12-15',
      firstTopic: true,
      eventIds: [],
    },
    {
      id: `${PLAN}_i000002`,
      title: '《中国共产党纪律处分条例》第二章',
      material: '',
      kind: '原著',
      suggestedMinutes: 30,
      dueDate: null,
      firstTopic: false,
      eventIds: ['event-1'],
    },
    {
      id: `${PLAN}_i000003`,
      title: '微党课：身边的榜样',
      material: '',
      kind: '视频',
      suggestedMinutes: 20,
      dueDate: null,
      firstTopic: false,
      eventIds: [],
    },
  ],
};

export const demoStudyCheckIn: StudyCheckInView = {
  id: 'o-wang_20261201',
  day: '2026-12-01',
  kind: 'daily',
  planItemId: first,
  title: '学习习近平总书记最新重要讲话精神',
  link: '',
  materialKind: '文章',
  minutes: 40,
  reflection: '把学习成果转化为做好本职工作的实际行动，主动联系结对村。',
  reflectionState: 'pass',
  photos: [],
  at: '2026-12-01T12:30:00.000Z',
  editable: true,
};

export const demoStudyToday: StudyTodayView = {
  today: '2026-12-01',
  checkIn: null,
  checkInPhotos: [],
  streak: { current: 5, longest: 12 },
  minutes: { week: 30, month: 0 },
  plans: [demoStudyPlan],
  studiedItemIds: [`${PLAN}_i000002`],
};

export const demoStudyTodayDone: StudyTodayView = {
  ...demoStudyToday,
  checkIn: { ...demoStudyCheckIn, reflectionState: 'review' },
  streak: { current: 6, longest: 12 },
  minutes: { week: 70, month: 40 },
  studiedItemIds: [first, `${PLAN}_i000002`],
};

export const demoStudyTodayEmpty: StudyTodayView = {
  today: '2026-12-01',
  checkIn: null,
  checkInPhotos: [],
  streak: { current: 0, longest: 0 },
  minutes: { week: 0, month: 0 },
  plans: [],
  studiedItemIds: [],
};

const studiedDays = [
  '02',
  '03',
  '04',
  '05',
  '07',
  '08',
  '09',
  '10',
  '11',
  '14',
  '15',
  '16',
  '18',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
];

export const demoStudyCalendar: StudyCalendarView = {
  month: '2026-11',
  days: studiedDays.map((d) => ({ day: `2026-11-${d}`, kind: d === '18' ? 'makeUp' : 'daily', minutes: 30 })),
  streak: { current: 5, longest: 12 },
  minutes: { week: 30, month: 600 },
};

export const demoStudyHistory: StudyHistoryPage = {
  items: [
    { ...demoStudyCheckIn, id: 'h1', day: '2026-11-27', editable: false },
    {
      ...demoStudyCheckIn,
      id: 'h2',
      day: '2026-11-26',
      title: '学习强国每日文章',
      reflection: '',
      reflectionState: 'none',
      editable: false,
    },
    {
      ...demoStudyCheckIn,
      id: 'h3',
      day: '2026-11-18',
      kind: 'makeUp',
      title: '补学：党章第一章',
      reflection: '',
      reflectionState: 'none',
      editable: false,
    },
  ],
  nextCursor: null,
};

export const demoMakeUps: MakeUpView[] = [
  {
    id: 'o-wang_20261128',
    memberId: 'o-wang',
    name: '王芳',
    day: '2026-11-28',
    reason: '当天下乡核查惠农资金',
    title: '《中国共产党纪律处分条例》第二章',
    materialKind: '原著',
    minutes: 30,
    planItemId: null,
    status: 'pending',
    decisions: [{ action: 'request', byName: '王芳', at: '2026-11-29T00:30:00.000Z', reason: '当天下乡核查惠农资金' }],
    createdAt: '2026-11-29T00:30:00.000Z',
  },
  {
    id: 'o-wang_20261118',
    memberId: 'o-wang',
    name: '王芳',
    day: '2026-11-18',
    reason: '参加全县预算培训',
    title: '补学：党章第一章',
    materialKind: '原著',
    minutes: 30,
    planItemId: null,
    status: 'approved',
    decisions: [
      { action: 'request', byName: '王芳', at: '2026-11-19T00:30:00.000Z', reason: '参加全县预算培训' },
      { action: 'approve', byName: '李明', at: '2026-11-19T02:00:00.000Z', reason: '情况属实' },
    ],
    createdAt: '2026-11-19T00:30:00.000Z',
  },
];

export const demoStudyProgress: StudyProgressView = {
  owner: { kind: 'branch', id: 'branch-1' },
  month: '2026-12',
  activeMembers: 12,
  participants: 9,
  participationRate: 0.75,
  items: [
    { itemId: first, title: demoStudyPlan.items[0]!.title, firstTopic: true, studied: [], notStudied: [] },
    { itemId: `${PLAN}_i000002`, title: demoStudyPlan.items[1]!.title, firstTopic: false, studied: [], notStudied: [] },
  ].map((item, i) => ({
    ...item,
    studied: Array.from({ length: 8 - i * 3 }, (_, n) => ({ memberId: `m${n}`, name: `党员${n}` })),
    notStudied: Array.from({ length: 4 + i * 3 }, (_, n) => ({ memberId: `x${n}`, name: `党员${n + 8}` })),
  })),
  notStudiedFirstTopic: [
    { memberId: 'x0', name: '孙伟', branchId: 'branch-1' },
    { memberId: 'x1', name: '陈刚', branchId: 'branch-1' },
    { memberId: 'x2', name: '周敏', branchId: 'branch-1' },
    { memberId: 'x3', name: '吴强', branchId: 'branch-1' },
  ],
};

export const demoMyPoints: MyPointsView = {
  total: 186.5,
  yearTotal: 152.5,
  year: 2026,
  rankingOptOut: false,
  nextCursor: null,
  history: [
    {
      id: 'p1',
      rule: 'event.attended',
      label: '参加活动',
      points: 3,
      reason: '十二月主题党日',
      at: '2026-11-30T06:00:00.000Z',
      reverses: null,
    },
    {
      id: 'p2',
      rule: 'event.onTime',
      label: '按时签到',
      points: 1,
      reason: '十二月主题党日',
      at: '2026-11-30T06:00:00.000Z',
      reverses: null,
    },
    {
      id: 'p3',
      rule: 'study.firstTopic',
      label: '学习第一议题',
      points: 2,
      reason: '第一议题：最新重要讲话',
      at: '2026-11-29T13:00:00.000Z',
      reverses: null,
    },
    {
      id: 'p4',
      rule: 'study.makeUp',
      label: '补学',
      points: 0.5,
      reason: '补学：党章第一章',
      at: '2026-11-19T02:00:00.000Z',
      reverses: null,
    },
    {
      id: 'p5',
      rule: 'event.attended',
      label: '参加活动',
      points: -3,
      reason: '签到撤销：误签',
      at: '2026-11-10T06:00:00.000Z',
      reverses: 'p0',
    },
  ],
};

export const demoRanking: PointsRankingView = {
  scope: { kind: 'branch', id: 'branch-1' },
  scopeName: '第一党支部',
  year: 2026,
  optedOut: false,
  rows: [
    { rank: 1, memberId: 'm1', name: '李明', points: 171 },
    { rank: 2, memberId: 'o-wang', name: '王芳', points: 152.5 },
    { rank: 3, memberId: 'm3', name: '陈刚', points: 140 },
    { rank: 3, memberId: 'm4', name: '赵丽', points: 140 },
  ],
};
