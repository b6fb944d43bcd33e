/**
 * Contract-shaped events, check-in codes, attendance and theme-day calendars for the page tests,
 * around one fixed moment (`NOW`, Tuesday 12 May 2026 10:00 in Beijing). Each builder takes
 * overrides so a test states only what it is about.
 */
import type {
  AttendanceReport,
  CheckInCode,
  EventDetail,
  EventSummary,
  ThemeDayCalendar,
  ThemeDayOccurrenceView,
} from '../../../src/contract';
import { branch } from './fixtures';

export const NOW = '2026-05-12T02:00:00.000Z';
const HOUR = 3600 * 1000;
export const at = (hoursFromNow: number): string => new Date(Date.parse(NOW) + hoursFromNow * HOUR).toISOString();

/** Freezes the clock at `now` (default NOW) but keeps real timers, so simulate's waits still run. */
export function freezeDate(now = NOW): void {
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
    ],
  });
}

/** Friday 15 May 2026, 14:30–16:30 in Beijing. */
export function eventSummary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 'event-1',
    kind: 'themeDay',
    title: '五月主题党日',
    theme: '学习贯彻全国两会精神',
    form: '集体学习',
    status: 'published',
    startsAt: '2026-05-15T06:30:00.000Z',
    endsAt: '2026-05-15T08:30:00.000Z',
    placeName: '机关三楼会议室',
    counts: { registered: 12, waitlisted: 0, capacity: 30, remaining: 18 },
    myRegistration: null,
    myCheckIn: null,
    ...overrides,
  };
}

export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  const summary = eventSummary(overrides);
  return {
    ...summary,
    owner: { kind: 'branch', id: branch.id },
    ownerName: branch.name,
    themeDayKey: '2026-05',
    place: { name: summary.placeName, location: null, radiusM: 500, requireLocation: false },
    signUpDeadline: '2026-05-15T06:30:00.000Z',
    signUpOpen: true,
    checkInOpensBeforeMinutes: 30,
    checkInOpensAt: new Date(Date.parse(summary.startsAt) - 30 * 60 * 1000).toISOString(),
    audience: [{ id: branch.id, name: branch.name }],
    organisers: ['李明'],
    cancelReason: null,
    myCheckIn: null,
    coming: [{ branch: { id: branch.id, name: branch.name }, registered: 2, names: ['王芳', '赵强'] }],
    canManage: false,
    myLeave: null,
    ...overrides,
  };
}

export function checkInCode(overrides: Partial<CheckInCode> = {}): CheckInCode {
  return {
    eventId: 'event-1',
    title: '五月主题党日',
    token: 'c1.AbCdEfGh.1a2b3c.0123456789abcdefghijkl',
    rotatesAt: at(0.01),
    windowSeconds: 30,
    window: { state: 'open', timing: 'onTime' },
    present: 0,
    registered: 42,
    ...overrides,
  };
}

export function attendanceReport(overrides: Partial<AttendanceReport> = {}): AttendanceReport {
  return {
    event: {
      id: 'event-1',
      title: '五月主题党日',
      startsAt: '2026-05-15T06:30:00.000Z',
      endsAt: '2026-05-15T08:30:00.000Z',
      status: 'published',
    },
    totals: { registered: 3, attended: 2, late: 1, absent: 1, walkIns: 0 },
    byBranch: [
      { branch: { id: branch.id, name: branch.name }, registered: 3, attended: 2, late: 1, absent: 1, walkIns: 0 },
    ],
    people: [
      {
        memberId: 'm-wang',
        name: '王芳',
        branchId: branch.id,
        registration: 'registered',
        waitlistPosition: null,
        checkIn: { at: '2026-05-15T06:20:00.000Z', timing: 'onTime', method: 'qr', byName: null, reason: null },
      },
      {
        memberId: 'm-zhao',
        name: '赵强',
        branchId: branch.id,
        registration: 'registered',
        waitlistPosition: null,
        checkIn: {
          at: '2026-05-15T06:40:00.000Z',
          timing: 'late',
          method: 'manual',
          byName: '李明',
          reason: '手机没电',
        },
      },
      {
        memberId: 'm-sun',
        name: '孙丽',
        branchId: branch.id,
        registration: 'registered',
        waitlistPosition: null,
        checkIn: null,
      },
    ],
    generatedAt: NOW,
    ...overrides,
  };
}

export function occurrence(overrides: Partial<ThemeDayOccurrenceView> = {}): ThemeDayOccurrenceView {
  return {
    key: '2026-06',
    ruleDate: '2026-06-15',
    scheduledDate: '2026-06-15',
    date: '2026-06-15',
    startTime: '14:30',
    startsAt: '2026-06-15T06:30:00.000Z',
    status: 'scheduled',
    adjustment: { kind: 'none' },
    holidayDataMissing: false,
    overrideReason: null,
    eventId: null,
    eventStatus: null,
    ...overrides,
  };
}

export function themeDayCalendar(overrides: Partial<ThemeDayCalendar> = {}): ThemeDayCalendar {
  return {
    owner: { kind: 'branch', id: branch.id },
    ownerName: branch.name,
    rule: {
      owner: { kind: 'branch', id: branch.id },
      monthly: { kind: 'dayOfMonth', day: 1 },
      startTime: '14:30',
      holidayPolicy: 'nextWorkday',
      durationMinutes: 120,
      placeName: '党员活动室',
      updatedAt: NOW,
    },
    occurrences: [
      occurrence({
        key: '2026-06',
        ruleDate: '2026-06-01',
        scheduledDate: '2026-06-01',
        date: '2026-06-01',
        eventId: 'td-06',
        eventStatus: 'published',
      }),
      occurrence({
        key: '2026-10',
        ruleDate: '2026-10-01',
        scheduledDate: '2026-10-09',
        date: '2026-10-09',
        startsAt: '2026-10-09T06:30:00.000Z',
        adjustment: { kind: 'moved', restDay: { kind: 'holiday', holidayName: '国庆节' }, direction: 'next' },
      }),
      occurrence({
        key: '2026-11',
        ruleDate: '2026-11-01',
        scheduledDate: '2026-11-02',
        date: '2026-11-02',
        startsAt: '2026-11-02T06:30:00.000Z',
        status: 'cancelled',
        adjustment: { kind: 'moved', restDay: { kind: 'weekend' }, direction: 'next' },
        overrideReason: '并入党委集中学习',
      }),
      occurrence({
        key: '2027-01',
        ruleDate: '2027-01-01',
        scheduledDate: '2027-01-04',
        date: '2027-01-04',
        startsAt: '2027-01-04T06:30:00.000Z',
        adjustment: { kind: 'moved', restDay: { kind: 'weekend' }, direction: 'next' },
        holidayDataMissing: true,
      }),
    ],
    holidayDataMissing: true,
    canManage: false,
    ...overrides,
  };
}
