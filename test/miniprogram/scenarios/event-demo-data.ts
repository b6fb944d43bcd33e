/**
 * Demo events for the gallery and the budgets test, around DEMO_NOW (Tuesday 12 May 2026, 10:00
 * in Beijing). The theme-day calendar comes from the real calendar rule (src/domain), so its
 * holiday moves are the published ones.
 */
import type { AttendancePerson, EventPage, ThemeDayCalendar } from '../../../src/contract';
import { generateOccurrences } from '../../../src/domain/theme-day-calendar';
import { attendanceReport, eventDetail, eventSummary, NOW } from '../helpers/event-fixtures';
import { demoBranch } from './demo-data';

export const DEMO_NOW = NOW;

const partner = { id: 'branch-xicheng', name: '城西社区党委' };
const own = { id: demoBranch.id, name: demoBranch.name };
const registered = { status: 'registered' as const, waitlistPosition: null, signedUpAt: '2026-05-10T01:00:00.000Z' };

export const demoEventPage: EventPage = {
  items: [
    eventSummary({ title: '五月联建主题党日：重温入党誓词', myRegistration: registered }),
    eventSummary({
      id: 'event-2',
      kind: 'activity',
      title: '参观市革命历史纪念馆',
      form: '参观红色教育基地',
      startsAt: '2026-05-20T01:00:00.000Z',
      endsAt: '2026-05-20T04:00:00.000Z',
      placeName: '市革命历史纪念馆（东门集合）',
      counts: { registered: 40, waitlisted: 3, capacity: 40, remaining: 0 },
      myRegistration: { status: 'waitlisted', waitlistPosition: 2, signedUpAt: '2026-05-11T01:00:00.000Z' },
    }),
    eventSummary({
      id: 'event-3',
      kind: 'activity',
      title: '城西社区敬老志愿服务',
      form: '志愿服务',
      startsAt: '2026-05-23T00:30:00.000Z',
      endsAt: '2026-05-23T03:30:00.000Z',
      placeName: '城西社区养老服务中心',
      counts: { registered: 8, waitlisted: 0, capacity: null, remaining: null },
    }),
    eventSummary({
      id: 'event-4',
      title: '专题党课：基层治理中的党建引领',
      form: '讲党课',
      status: 'cancelled',
      startsAt: '2026-05-26T06:30:00.000Z',
      endsAt: '2026-05-26T08:30:00.000Z',
      counts: { registered: 0, waitlisted: 0, capacity: null, remaining: null },
    }),
  ],
  nextCursor: 'demo-cursor',
};

const coming = [
  {
    branch: own,
    registered: 14,
    names: [
      '王芳',
      '李明',
      '赵强',
      '孙丽',
      '周建国',
      '吴秀英',
      '郑伟',
      '冯晓燕',
      '陈志刚',
      '褚红',
      '卫东',
      '蒋涛',
      '沈静',
      '韩雪',
    ],
  },
  {
    branch: partner,
    registered: 9,
    names: ['刘桂兰', '杨勇', '朱海燕', '秦立新', '尤佳', '许华', '何平', '吕洁', '施强'],
  },
];

export const demoEvent = eventDetail({
  title: '五月联建主题党日：重温入党誓词',
  theme: '学习贯彻全国两会精神，重温入党誓词，交流基层治理经验',
  placeName: '市财政局三楼党员活动室',
  place: { name: '市财政局三楼党员活动室', location: null, radiusM: 500, requireLocation: false },
  ownerName: demoBranch.name,
  organisers: ['李明'],
  signUpDeadline: '2026-05-14T10:00:00.000Z',
  counts: { registered: 23, waitlisted: 0, capacity: 40, remaining: 17 },
  audience: [own, partner],
  coming,
});

export const demoDetailWaitlisted = eventDetail({
  ...demoEvent,
  counts: { registered: 40, waitlisted: 3, capacity: 40, remaining: 0 },
  myRegistration: { status: 'waitlisted', waitlistPosition: 2, signedUpAt: '2026-05-11T01:00:00.000Z' },
});

/** The morning of the event: check-in is open (DEMO_CHECK_IN_NOW), the member registered. */
export const DEMO_CHECK_IN_NOW = '2026-05-15T06:12:00.000Z';
export const demoDetailCheckIn = eventDetail({ ...demoEvent, myRegistration: registered });

export const demoDetailManaged = eventDetail({ ...demoEvent, canManage: true });

const names = [
  '王芳',
  '李明',
  '赵强',
  '孙丽',
  '周建国',
  '吴秀英',
  '郑伟',
  '冯晓燕',
  '刘桂兰',
  '杨勇',
  '朱海燕',
  '秦立新',
];
const people: AttendancePerson[] = names.map((name, i) => ({
  memberId: `m-${i}`,
  name,
  branchId: i < 8 ? own.id : partner.id,
  registration: i === 11 ? 'none' : 'registered',
  waitlistPosition: null,
  checkIn:
    i % 4 === 3
      ? null
      : {
          at: new Date(Date.parse('2026-05-15T06:05:00.000Z') + i * 150_000).toISOString(),
          timing: i > 9 ? 'late' : 'onTime',
          method: i === 5 ? 'manual' : 'qr',
          byName: i === 5 ? '李明' : null,
          reason: i === 5 ? '手机没电，现场确认' : null,
        },
}));

export const demoAttendance = attendanceReport({
  event: {
    id: 'event-1',
    title: demoEvent.title,
    startsAt: demoEvent.startsAt,
    endsAt: demoEvent.endsAt,
    status: 'finished',
  },
  totals: { registered: 11, attended: 8, late: 2, absent: 3, walkIns: 1 },
  byBranch: [
    { branch: own, registered: 8, attended: 6, late: 0, absent: 2, walkIns: 0 },
    { branch: partner, registered: 3, attended: 2, late: 2, absent: 1, walkIns: 1 },
  ],
  people,
});

/** Before the event: seats held, two members waiting their turn (the second signed up last). */
export const demoAttendanceWaitlist = attendanceReport({
  ...demoAttendance,
  event: { ...demoAttendance.event, status: 'published' },
  people: [
    ...people.slice(0, 8).map((p) => ({ ...p, checkIn: null })),
    { ...people[8]!, checkIn: null, registration: 'waitlisted', waitlistPosition: 2 },
    { ...people[9]!, checkIn: null, registration: 'waitlisted', waitlistPosition: 1 },
  ],
});

const rule = {
  monthly: { kind: 'dayOfMonth' as const, day: 1 },
  startTime: '14:30',
  holidayPolicy: 'nextWorkday' as const,
};

export function demoCalendar(canManage: boolean): ThemeDayCalendar {
  const occurrences = generateOccurrences(rule, new Date(DEMO_NOW)).map((o) => ({
    key: o.key,
    ruleDate: o.ruleDate,
    scheduledDate: o.scheduledDate,
    date: o.date,
    startTime: o.startTime,
    startsAt: o.startsAt.toISOString(),
    status: o.status,
    adjustment: o.adjustment,
    holidayDataMissing: o.holidayDataMissing,
    overrideReason: o.overrideReason,
    eventId: o.key === '2026-06' ? 'td-2026-06' : null,
    eventStatus: o.key === '2026-06' ? ('published' as const) : o.key === '2026-07' ? ('draft' as const) : null,
  }));
  const moved = occurrences.map((o) =>
    o.key === '2026-08'
      ? {
          ...o,
          status: 'moved' as const,
          date: '2026-08-05',
          startsAt: '2026-08-05T06:30:00.000Z',
          overrideReason: '与全市防汛工作会议冲突',
        }
      : o,
  );
  return {
    owner: { kind: 'branch', id: own.id },
    ownerName: own.name,
    rule: {
      owner: { kind: 'branch', id: own.id },
      ...rule,
      durationMinutes: 120,
      placeName: '三楼党员活动室',
      updatedAt: DEMO_NOW,
    },
    occurrences: moved,
    holidayDataMissing: moved.some((o) => o.holidayDataMissing),
    canManage,
  };
}
