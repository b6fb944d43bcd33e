/**
 * Demo answers and scenarios of the year-end review (issue 14): 首页's next-event card and tasks,
 * the minutes editor, 三会一课, contact points (office and leader), the review dashboard with its
 * charts, the evidence list, the export and 我的记录 — each with loading, empty and error states.
 */
import { POST_TAB_REPLIES } from './post-scenarios';
import type {
  BranchCadence,
  CadenceLine,
  CommitteeCadence,
  ContactPointBoard,
  ContactPointView,
  FigureValue,
  HomeOverview,
  MyYearRecords,
  OrgLifeRecordView,
  ReviewEvidence,
  ReviewFigures,
  ReviewScopeOption,
} from '../../../src/contract';
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import type { Scenario } from './index';
import { demoMember, demoSecretary } from './demo-data';
import { demoOfficeMe, demoTownCommittee } from './committee-scenarios';
import { demoTownOrgs, page } from './org-demo-data';
import { tap } from '../helpers/load';
import { DEMO_NOW, demoEvent } from './event-demo-data';

/** 14 June 2026, 09:00 in Shanghai: the theme day of the 15th is tomorrow. */
export const REVIEW_NOW = '2026-06-14T01:00:00.000Z';
const YEAR = 2026;
const SERVER_DOWN = fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
const branch = { id: demoSecretary.branch.id, name: demoSecretary.branch.name };

// ── 首页 ─────────────────────────────────────────────────────────────────────

export const demoHomeOverview: HomeOverview = {
  next: {
    id: 'ev-theme-0615',
    title: '6月主题党日：学习贯彻四中全会精神',
    kind: 'themeDay',
    startsAt: '2026-06-15T06:30:00.000Z',
    endsAt: '2026-06-15T08:30:00.000Z',
    placeName: '机关三楼党员活动室',
    state: 'registered',
    checkInOpen: false,
  },
  tasks: [
    {
      kind: 'signUp',
      title: '报名：七一重温入党誓词',
      detail: '2026-06-28 截止报名',
      link: '/packages/events/detail/index?id=ev-0701',
    },
    {
      kind: 'firstTopic',
      title: '第一议题：学习习近平总书记在七一的重要讲话',
      detail: '本月第一议题，学习后打卡',
      link: '/packages/study/check-in/index?itemId=plan-06_i1a2b3c',
    },
  ],
};

const checkInNow: HomeOverview = {
  next: {
    ...demoHomeOverview.next!,
    startsAt: '2026-06-14T01:20:00.000Z',
    endsAt: '2026-06-14T03:20:00.000Z',
    checkInOpen: true,
  },
  tasks: [
    {
      kind: 'checkIn',
      title: '签到：6月主题党日：学习贯彻四中全会精神',
      detail: '签到已开放',
      link: '/packages/events/check-in/index?eventId=ev-theme-0615',
    },
    ...demoHomeOverview.tasks,
  ],
};

const secretaryOverview: HomeOverview = {
  next: { ...demoHomeOverview.next!, state: 'checkedIn' },
  tasks: [
    {
      kind: 'minutes',
      title: '填写会议记录：6月支委会',
      detail: '2026-06-05 已结束',
      link: '/packages/review/minutes/index?eventId=ev-zwh-06',
    },
    {
      kind: 'contactNote',
      title: '记录本月联系点工作',
      detail: '2026-06 尚未记录',
      link: '/packages/review/contact-points/index?id=cp-1',
    },
  ],
};

export const homeReviewReplies: Replies = { 'home.overview': ok(demoHomeOverview) };

// ── Minutes ──────────────────────────────────────────────────────────────────

export const demoMinutes: OrgLifeRecordView = {
  event: {
    id: 'ev-theme-0515',
    title: '5月主题党日',
    startsAt: '2026-05-15T06:30:00.000Z',
    endsAt: '2026-05-15T08:30:00.000Z',
    placeName: '机关三楼党员活动室',
    status: 'finished',
    owner: { kind: 'branch', id: branch.id },
    ownerName: branch.name,
  },
  saved: false,
  kind: '主题党日',
  topic: '学习贯彻党的二十届四中全会精神',
  form: '集体学习',
  host: '李明',
  content: '',
  decisions: '',
  attachments: [],
  outcomes: { peopleVisited: 0, forums: 0, researchVisits: 0, volunteers: 0, volunteerHours: 0, servicesDelivered: 0 },
  attendees: [
    { memberId: 'm1', name: '李明', source: 'checkIn', reason: null },
    { memberId: 'm2', name: '王芳', source: 'checkIn', reason: null },
    { memberId: 'm3', name: '陈刚', source: 'added', reason: '签到设备故障，现场确认到会' },
  ],
  removed: [],
  excused: [{ memberId: 'm4', name: '孙伟', reason: '外出参加业务培训' }],
  absent: [{ memberId: 'm5', name: '赵丽' }],
  tally: { registered: 5, excused: 1, attended: 3, rate: 0.75 },
  canEdit: true,
  updatedAt: null,
  updatedByName: null,
};

export const savedMinutes: OrgLifeRecordView = {
  ...demoMinutes,
  saved: true,
  canEdit: false,
  content: '集中学习四中全会公报，5 名党员交流发言。',
  decisions: '6月开展“七一”重温入党誓词活动。',
  outcomes: { ...demoMinutes.outcomes, peopleVisited: 12, servicesDelivered: 3 },
  attachments: [
    {
      fileID: 'cloud://env/minutes/o1/sign-in.pdf',
      name: '5月主题党日签到表.pdf',
      url: 'https://tmp.example/sign-in.pdf',
    },
    { fileID: 'cloud://env/minutes/o1/photo.jpg', name: '现场照片.jpg', url: 'https://tmp.example/photo.jpg' },
  ],
  updatedAt: '2026-05-15T09:00:00.000Z',
  updatedByName: '李明',
};

// ── Cadence ──────────────────────────────────────────────────────────────────

const line = (
  kind: CadenceLine['kind'],
  period: CadenceLine['period'],
  held: number,
  state: CadenceLine['state'],
): CadenceLine => ({
  kind,
  period,
  times: 1,
  periodLabel: period === 'month' ? '2026-06' : '2026-Q2',
  held,
  heldBefore: state === 'overdue' ? 0 : 1,
  state,
  evidence: held
    ? [
        {
          id: `${kind}-1`,
          date: '2026-06-05',
          title: `${kind}：研究6月支部工作`,
          link: '/packages/review/minutes/index?eventId=ev-1',
        },
      ]
    : [],
});

const branchCadence: BranchCadence = {
  branch,
  month: '2026-06',
  lines: [
    line('支部党员大会', 'quarter', 1, 'done'),
    line('支委会', 'month', 1, 'done'),
    line('党小组会', 'month', 0, 'due'),
    line('党课', 'quarter', 0, 'overdue'),
    line('主题党日', 'month', 0, 'due'),
  ],
  due: 2,
  overdue: 1,
};

const committeeCadence: CommitteeCadence = {
  committee: demoTownCommittee,
  month: '2026-06',
  rules: {
    committeeId: demoTownCommittee.id,
    items: branchCadence.lines.map(({ kind, period, times }) => ({ kind, period, times })),
    contactDuty: { notesPerMonth: 1, visitsPerYear: 1 },
    configured: true,
  },
  branches: [
    branchCadence,
    {
      ...branchCadence,
      branch: { id: 'b-2', name: '镇农业服务中心党支部' },
      due: 0,
      overdue: 0,
      lines: branchCadence.lines.map((l) => ({ ...l, state: 'done' as const, held: 1 })),
    },
  ],
};

// ── Contact points ───────────────────────────────────────────────────────────

const point = (id: string, leader: string, to: string, met: boolean): ContactPointView => ({
  id,
  committeeId: demoTownCommittee.id,
  leader: { openid: `o-${id}`, name: leader, branchId: 'b-x', branchName: '镇党政办党支部' },
  branch: { id: `b-${id}`, name: to },
  termStart: '2026-01-01',
  termEnd: '2027-12-31',
  year: YEAR,
  missedMonths: met ? [] : ['2026-03'],
  notedMonths: met
    ? ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']
    : ['2026-01', '2026-02', '2026-04', '2026-05'],
  visits: met ? 2 : 0,
  met,
  owing: met ? [] : ['2026-03 未记录联系情况', '全年走访 0/1 次'],
  logs: [
    {
      id: `${id}-l1`,
      kind: 'note',
      visitKind: null,
      date: '2026-05-08',
      summary: '电话了解支部本月学习安排',
      at: '2026-05-08T10:00:00.000Z',
    },
    ...(met
      ? [
          {
            id: `${id}-l2`,
            kind: 'visit' as const,
            visitKind: '调研' as const,
            date: '2026-04-22',
            summary: '到支部调研产业发展',
            at: '2026-04-22T10:00:00.000Z',
          },
        ]
      : []),
  ],
});

const board: ContactPointBoard = {
  committee: demoTownCommittee,
  year: YEAR,
  duty: { notesPerMonth: 1, visitsPerYear: 1 },
  points: [point('cp-1', '张建国', '红旗村党支部', true), point('cp-2', '刘洋', '新园社区党支部', false)],
  met: 1,
  notMet: 1,
};

// ── Review figures ───────────────────────────────────────────────────────────

const months = (values: (number | null)[]) => values;
const fig = (
  key: string,
  title: string,
  group: string,
  unit: FigureValue['unit'],
  value: number | null,
  byMonth: (number | null)[],
  byKind: FigureValue['byKind'] = [],
): FigureValue => ({
  key,
  title,
  group,
  unit,
  value,
  byMonth,
  byKind,
  evidenceCount: unit === 'rate' ? byMonth.filter((v) => v !== null).length : Math.round(value ?? 0),
});

export const demoFigures: ReviewFigures = {
  scope: { kind: 'committee', id: demoTownCommittee.id, name: demoTownCommittee.name },
  year: YEAR,
  generatedAt: REVIEW_NOW,
  figures: [
    fig('sessions', '组织生活（按类型）', '组织生活', 'count', 39, months([6, 7, 8, 6, 7, 5, 0, 0, 0, 0, 0, 0]), [
      { kind: '主题党日', value: 12 },
      { kind: '支委会', value: 11 },
      { kind: '党课', value: 4 },
      { kind: '联学', value: 8 },
      { kind: '支部党员大会', value: 4 },
    ]),
    fig('jointSessions', '联建组织生活', '组织生活', 'count', 8, months([1, 2, 1, 2, 1, 1, 0, 0, 0, 0, 0, 0])),
    fig('themeDaysHeld', '主题党日·已开展', '组织生活', 'count', 11, months([2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0])),
    fig('themeDaysDue', '主题党日·应开展', '组织生活', 'count', 12, months([2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0])),
    fig(
      'attendanceRate',
      '出席率（扣除请假）',
      '组织生活',
      'rate',
      0.912,
      months([0.95, 0.9, 0.88, 0.93, 0.91, 0.9, null, null, null, null, null, null]),
    ),
    fig('problemsResolved', '难题·办结', '联建共建', 'count', 5, months([0, 1, 1, 0, 2, 1, 0, 0, 0, 0, 0, 0])),
    fig('peopleVisited', '走访慰问人数', '工作成效', 'sum', 86, months([10, 12, 20, 14, 18, 12, 0, 0, 0, 0, 0, 0])),
    fig('contactDutiesMissed', '联系点·未履职到位', '联系点', 'count', 1, months([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    fig('branches', '支部总数', '覆盖情况', 'count', 6, months([6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    fig('branchesPaired', '已结对支部', '覆盖情况', 'count', 5, months([4, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
  ],
};

export const demoScopes: ReviewScopeOption[] = [
  { kind: 'committee', id: demoTownCommittee.id, name: demoTownCommittee.name },
  { kind: 'branch', id: branch.id, name: branch.name },
];

const evidence: ReviewEvidence = {
  scope: demoFigures.scope,
  year: YEAR,
  figure: { key: 'jointSessions', title: '联建组织生活', unit: 'count' },
  month: null,
  kind: null,
  value: 3,
  rows: [
    {
      id: 'e1',
      date: '2026-02-25',
      title: '村局联学：共谋产业发展',
      link: '/packages/review/minutes/index?eventId=e1',
      kind: '联学',
      detail: '财政局—红旗村',
    },
    {
      id: 'e2',
      date: '2026-04-25',
      title: '联学：乡村振兴政策解读',
      link: '/packages/review/minutes/index?eventId=e2',
      kind: '联学',
    },
    {
      id: 'e3',
      date: '2026-06-01',
      title: '联合主题党日：重温入党誓词',
      link: '/packages/review/minutes/index?eventId=e3',
      kind: '主题党日',
    },
  ],
};

const records: MyYearRecords = {
  year: YEAR,
  signUps: 8,
  attended: 6,
  excused: 1,
  absent: 1,
  rate: 6 / 7,
  rows: [
    { eventId: 'r1', title: '6月主题党日', date: '2026-06-15', state: 'registered' },
    { eventId: 'r2', title: '5月主题党日', date: '2026-05-15', state: 'attended' },
    { eventId: 'r3', title: '村局联学', date: '2026-04-25', state: 'excused' },
    { eventId: 'r4', title: '4月主题党日', date: '2026-04-15', state: 'attended' },
    { eventId: 'r5', title: '3月专题党课', date: '2026-03-20', state: 'absent' },
  ],
  study: { days: 142, makeUps: 3, minutes: 4260 },
  points: 186.5,
  posts: 4,
};

// ── Scenarios ────────────────────────────────────────────────────────────────

const asMember: Replies = { 'member.me': ok({ member: demoMember }), 'pairing.list': ok(page([])) };
const asSecretary: Replies = { 'member.me': ok({ member: demoSecretary }), 'pairing.list': ok(page([])) };
const asOffice: Replies = { 'member.me': ok(demoOfficeMe) };

const R = 'packages/review';
const sub = (
  id: string,
  title: string,
  page: string,
  cloud: Scenario['cloud'],
  extra: Partial<Scenario> = {},
): Scenario => ({
  id,
  title,
  page: `${R}/${page}/index`,
  tabBar: false,
  cloud,
  now: REVIEW_NOW,
  ...extra,
});
/** 请假 on the event page: registered three days before, then on leave with the reason. */
const demoLeaveable = {
  ...demoEvent,
  myRegistration: { status: 'registered' as const, waitlistPosition: null, signedUpAt: '2026-05-10T01:00:00.000Z' },
};
const demoOnLeave = {
  ...demoLeaveable,
  myLeave: {
    eventId: demoEvent.id,
    reason: '参加区委党校中青年干部培训班（5月13日至16日）',
    status: 'requested' as const,
    at: '2026-05-11T08:00:00.000Z',
  },
};
const detail = (id: string, title: string, event: typeof demoLeaveable, act?: Scenario['act']): Scenario => ({
  id,
  title,
  page: 'packages/events/detail/index',
  tabBar: false,
  cloud: { 'member.me': ok({ member: demoMember }), 'event.get': ok(event) },
  query: { id: demoEvent.id },
  now: DEMO_NOW,
  ...(act ? { act } : {}),
});
const HOME = 'pages/home/index';
const home = (id: string, title: string, cloud: Replies): Scenario => ({
  id,
  title,
  page: HOME,
  tabBar: true,
  cloud,
  now: REVIEW_NOW,
});

export const REVIEW_SCENARIOS: Scenario[] = [
  home('home-next-event', '首页 · 下一次主题党日（已报名，可请假）、未读通知与第一议题', {
    ...asMember,
    ...POST_TAB_REPLIES,
    'home.overview': ok(demoHomeOverview),
  }),
  home('home-check-in-open', '首页 · 签到已开放（扫码签到）', { ...asMember, 'home.overview': ok(checkInNow) }),
  home('home-secretary-tasks', '首页 · 书记（待办与组织生活入口）', {
    ...asSecretary,
    'home.overview': ok(secretaryOverview),
  }),
  home('home-office', '首页 · 党委组织部门（评议看板入口）', {
    ...asOffice,
    'pairing.list': ok(page([])),
    'home.overview': ok({ next: null, tasks: [] }),
  }),
  home('home-overview-error', '首页 · 待办加载失败（其余可用）', { ...asMember, 'home.overview': SERVER_DOWN }),

  sub(
    'minutes-draft',
    '会议记录 · 书记填写（签到生成的草稿）',
    'minutes',
    { 'orgLife.get': ok(demoMinutes) },
    { query: { eventId: 'ev-theme-0515' } },
  ),
  sub(
    'minutes-saved',
    '会议记录 · 党员查看',
    'minutes',
    { 'orgLife.get': ok(savedMinutes) },
    { query: { eventId: 'ev-theme-0515' } },
  ),
  sub(
    'minutes-files',
    '会议记录 · 书记管理附件（已保存可打开，新传待保存）',
    'minutes',
    {
      'orgLife.get': ok({
        ...savedMinutes,
        canEdit: true,
        attachments: [
          ...savedMinutes.attachments,
          { fileID: 'cloud://env/minutes/o1/new.docx', name: '支部委员会关于开展七一活动的决定（草案）.docx', url: '' },
        ],
      }),
    },
    { query: { eventId: 'ev-theme-0515' } },
  ),
  sub(
    'minutes-refused',
    '会议记录 · 内容未通过安全检测',
    'minutes',
    {
      'orgLife.get': ok(demoMinutes),
      'orgLife.save': fail({
        code: 'MINUTES_CONTENT_REFUSED',
        message: '会议内容中有需要斟酌的表述，请换一种说法后再保存',
        details: [{ path: 'content', message: '会议内容中有需要斟酌的表述，请换一种说法后再保存' }],
      }),
    },
    { query: { eventId: 'ev-theme-0515' }, act: (view) => tap(view, '#save') },
  ),
  sub('minutes-loading', '会议记录 · 加载中', 'minutes', 'pending'),
  sub('minutes-error', '会议记录 · 网络错误', 'minutes', 'offline'),

  detail('event-detail-leave', '活动详情 · 已报名（可请假）', demoLeaveable),
  detail('event-detail-leave-dialog', '活动详情 · 填写请假原因', demoLeaveable, (view) => tap(view, '#ask-leave')),
  detail('event-detail-on-leave', '活动详情 · 已请假（原因与撤回）', demoOnLeave),

  sub('cadence-branch', '三会一课 · 本支部本月', 'cadence', { 'cadence.branch': ok(branchCadence) }),
  sub(
    'cadence-committee',
    '三会一课 · 党委看各支部',
    'cadence',
    { 'cadence.committee': ok(committeeCadence) },
    { query: { committeeId: demoTownCommittee.id } },
  ),
  sub(
    'cadence-empty',
    '三会一课 · 党委暂无支部',
    'cadence',
    { 'cadence.committee': ok({ ...committeeCadence, branches: [] }) },
    { query: { committeeId: demoTownCommittee.id } },
  ),
  sub('cadence-loading', '三会一课 · 加载中', 'cadence', 'pending'),
  sub('cadence-error', '三会一课 · 服务错误', 'cadence', { 'cadence.branch': SERVER_DOWN }),

  sub(
    'contact-office',
    '联系点 · 组织部门看履职',
    'contact-points',
    { 'contactPoint.board': ok(board) },
    { query: { committeeId: demoTownCommittee.id } },
  ),
  sub(
    'contact-office-appoint',
    '联系点 · 组织部门安排联系点',
    'contact-points',
    { 'contactPoint.board': ok(board), 'org.directory': ok(page(demoTownOrgs)) },
    { query: { committeeId: demoTownCommittee.id }, act: (view) => tap(view, '#open-appoint') },
  ),
  sub('contact-leader', '联系点 · 领导记录本月联系', 'contact-points', { 'contactPoint.mine': ok([board.points[1]!]) }),
  sub('contact-empty', '联系点 · 尚未安排', 'contact-points', { 'contactPoint.mine': ok([]) }),
  sub('contact-error', '联系点 · 网络错误', 'contact-points', 'offline'),

  sub('review-dashboard', '述职评议 · 党委看板（图表）', 'dashboard', {
    'review.scopes': ok(demoScopes),
    'review.figures': ok(demoFigures),
  }),
  sub('review-dashboard-branch', '述职评议 · 支部', 'dashboard', {
    'review.scopes': ok(demoScopes.slice(1)),
    'review.figures': ok({
      ...demoFigures,
      scope: { kind: 'branch', id: branch.id, name: branch.name },
      figures: demoFigures.figures.slice(0, 8),
    }),
  }),
  sub('review-dashboard-empty', '述职评议 · 普通党员', 'dashboard', { 'review.scopes': ok([]) }),
  sub('review-dashboard-loading', '述职评议 · 加载中', 'dashboard', 'pending'),
  sub('review-dashboard-error', '述职评议 · 服务错误', 'dashboard', {
    'review.scopes': ok(demoScopes),
    'review.figures': SERVER_DOWN,
  }),
  sub(
    'review-evidence',
    '统计依据 · 联建组织生活',
    'evidence',
    { 'review.evidence': ok(evidence) },
    {
      query: { kind: 'committee', id: demoTownCommittee.id, year: String(YEAR), figure: 'jointSessions' },
    },
  ),
  sub(
    'review-evidence-empty',
    '统计依据 · 没有记录',
    'evidence',
    { 'review.evidence': ok({ ...evidence, rows: [], value: 0 }) },
    {
      query: { kind: 'committee', id: demoTownCommittee.id, year: String(YEAR), figure: 'jointSessions' },
    },
  ),
  sub('review-export', '导出评议表 · 选择范围', 'export', { 'review.scopes': ok(demoScopes) }),
  sub('review-export-empty', '导出评议表 · 无权导出', 'export', { 'review.scopes': ok([]) }),
  sub('review-export-error', '导出评议表 · 网络错误', 'export', 'offline'),
  sub('my-records', '我的记录 · 本年', 'records', { 'me.records': ok(records) }),
  sub('my-records-empty', '我的记录 · 还没有活动', 'records', {
    'me.records': ok({
      ...records,
      signUps: 0,
      attended: 0,
      excused: 0,
      absent: 0,
      rate: null,
      rows: [],
      study: { days: 0, makeUps: 0, minutes: 0 },
      points: 0,
      posts: 0,
    }),
  }),
  sub('my-records-loading', '我的记录 · 加载中', 'records', 'pending'),
  sub('my-records-error', '我的记录 · 网络错误', 'records', 'offline'),
];
