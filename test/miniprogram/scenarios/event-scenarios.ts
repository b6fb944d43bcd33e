/** Demo scenarios of the 活动 pages: the list, an event, scanning, the live screen, attendance, the form and the calendar. */
import { encodeCheckInCode } from '../../../miniprogram/utils/check-in-code';
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { checkInCode, eventDetail } from '../helpers/event-fixtures';
import { tap, type as typeText } from '../helpers/load';
import type { Rendered } from '../helpers/load';
import { demoMember, demoSecretary } from './demo-data';
import { demoPairing, page as orgPage } from './org-demo-data';
import {
  DEMO_CHECK_IN_NOW,
  DEMO_NOW,
  demoAttendance,
  demoAttendanceWaitlist,
  demoCalendar,
  demoDetailCheckIn,
  demoDetailManaged,
  demoDetailWaitlisted,
  demoEvent,
  demoEventPage,
} from './event-demo-data';
import type { Scenario } from './index';

export const demoEventList: Replies = { 'event.list': ok(demoEventPage) };

const member: Replies = { 'member.me': ok({ member: demoMember }) };
const secretary: Replies = { 'member.me': ok({ member: demoSecretary }) };
const byId = { id: 'event-1' };
const forEvent = { eventId: 'event-1' };

const DETAIL = 'packages/events/detail/index';
const CHECK_IN = 'packages/events/check-in/index';
const LIVE = 'packages/events/live/index';
const ATTENDANCE = 'packages/events/attendance/index';
const EDIT = 'packages/events/edit/index';
const CALENDAR = 'packages/events/theme-days/index';
const RULE = 'packages/events/theme-day-rule/index';

const SCREEN_QR = encodeCheckInCode({ eventId: 'event-1', token: 'c1.AbCdEfGh.1a2b3c.0123456789abcdefghijkl' });

/** The camera reads the live screen's code. */
function cameraReads(text: string): () => void {
  return () => {
    jest.spyOn(wx, 'scanCode').mockImplementation(((options: WechatMiniprogram.ScanCodeOption) =>
      options.success?.({
        result: text,
        scanType: 'QR_CODE',
        charSet: 'utf-8',
        rawData: '',
        errMsg: 'scanCode:ok',
      } as WechatMiniprogram.ScanCodeSuccessCallbackResult)) as unknown as typeof wx.scanCode);
  };
}

/** The member does not allow the position. */
function positionRefused(): void {
  jest
    .spyOn(wx, 'getLocation')
    .mockImplementation(((options: WechatMiniprogram.GetLocationOption) =>
      options.fail?.({ errMsg: 'getLocation:fail auth deny' })) as unknown as typeof wx.getLocation);
}

/** An event that checks the position: it has a printed code. */
const locatedPlace = {
  name: demoEvent.place.name,
  location: { latitude: 39.9, longitude: 116.4 },
  radiusM: 300,
  requireLocation: true,
};

/** The secretary picks the event's place on the map (GCJ-02, as wx.chooseLocation gives it). */
function mapPicks(): void {
  jest.spyOn(wx, 'chooseLocation').mockImplementation(((options: WechatMiniprogram.ChooseLocationOption) =>
    options.success?.({
      name: '市财政局三楼党员活动室',
      address: '北京市西城区三里河南三巷 3 号',
      latitude: 39.9123,
      longitude: 116.3456,
      errMsg: 'chooseLocation:ok',
    })) as unknown as typeof wx.chooseLocation);
}

const tapOn = (selector: string) => (page: Rendered) => page.querySelector(selector)?.dispatchEvent('tap');

export const EVENT_SCENARIOS: Scenario[] = [
  {
    id: 'events-secretary',
    title: '活动 · 支部书记（可发起活动）',
    page: 'pages/events/index',
    tabBar: true,
    cloud: { ...secretary, ...demoEventList },
    now: DEMO_NOW,
  },
  {
    id: 'events-past-empty',
    title: '活动 · 往期为空',
    page: 'pages/events/index',
    tabBar: true,
    cloud: {
      ...member,
      'event.list': (data) =>
        ok((data as { scope: string }).scope === 'past' ? { items: [], nextCursor: null } : demoEventPage),
    },
    now: DEMO_NOW,
    act: tapOn('#scope-past'),
  },
  {
    id: 'events-pairing',
    title: '活动 · 按联建筛选',
    page: 'pages/events/index',
    tabBar: true,
    cloud: {
      ...member,
      ...demoEventList,
      'pairing.list': ok(orgPage([demoPairing, { ...demoPairing, id: 'pairing-east', name: '东门社区党建联盟' }])),
    },
    now: DEMO_NOW,
    act: tapOn(`#pairing-${demoPairing.id}`),
  },
  { id: 'events-loading', title: '活动 · 加载中', page: 'pages/events/index', tabBar: true, cloud: 'pending' },
  { id: 'events-error', title: '活动 · 网络错误', page: 'pages/events/index', tabBar: true, cloud: 'offline' },

  {
    id: 'event-detail',
    title: '活动详情 · 可报名',
    page: DETAIL,
    tabBar: false,
    cloud: { ...member, 'event.get': ok(demoEvent) },
    query: byId,
    now: DEMO_NOW,
  },
  {
    id: 'event-detail-waitlisted',
    title: '活动详情 · 候补中',
    page: DETAIL,
    tabBar: false,
    cloud: { ...member, 'event.get': ok(demoDetailWaitlisted) },
    query: byId,
    now: DEMO_NOW,
  },
  {
    id: 'event-detail-released',
    title: '活动详情 · 名额已被书记释放（原因可见）',
    page: DETAIL,
    tabBar: false,
    cloud: {
      ...member,
      'event.get': ok({
        ...demoEvent,
        myRegistration: {
          status: 'cancelled',
          waitlistPosition: null,
          signedUpAt: '2026-05-10T02:00:00.000Z',
          released: { byName: '李明', reason: '本人请假' },
        },
      }),
    },
    query: byId,
    now: DEMO_NOW,
  },
  {
    id: 'event-detail-check-in',
    title: '活动详情 · 签到进行中',
    page: DETAIL,
    tabBar: false,
    cloud: { ...member, 'event.get': ok(demoDetailCheckIn) },
    query: byId,
    now: DEMO_CHECK_IN_NOW,
  },
  {
    id: 'event-detail-checked-in',
    title: '活动详情 · 已签到（不再显示扫码签到）',
    page: DETAIL,
    tabBar: false,
    cloud: {
      ...member,
      'event.get': ok({ ...demoDetailCheckIn, myCheckIn: { at: '2026-05-15T06:08:00.000Z', timing: 'onTime' } }),
    },
    query: byId,
    now: DEMO_CHECK_IN_NOW,
  },
  {
    id: 'event-detail-cancelled',
    title: '活动详情 · 已取消',
    page: DETAIL,
    tabBar: false,
    cloud: {
      ...member,
      'event.get': ok(eventDetail({ ...demoEvent, status: 'cancelled', cancelReason: '暴雨红色预警，改期另行通知' })),
    },
    query: byId,
    now: DEMO_NOW,
  },
  {
    id: 'event-detail-manager',
    title: '活动详情 · 支部书记管理',
    page: DETAIL,
    tabBar: false,
    cloud: { ...secretary, 'event.get': ok(demoDetailManaged) },
    query: byId,
    now: DEMO_NOW,
  },
  {
    id: 'event-detail-cancel-dialog',
    title: '活动详情 · 取消活动（填写原因）',
    page: DETAIL,
    tabBar: false,
    cloud: { ...secretary, 'event.get': ok(demoDetailManaged) },
    query: byId,
    now: DEMO_NOW,
    act: (page) => tap(page, '.detail__cancel', '.t-cell'),
  },
  {
    id: 'event-detail-error',
    title: '活动详情 · 网络错误',
    page: DETAIL,
    tabBar: false,
    cloud: 'offline',
    query: byId,
  },

  {
    id: 'check-in-success',
    title: '扫码签到 · 签到成功',
    page: CHECK_IN,
    tabBar: false,
    cloud: {
      'event.get': ok(demoDetailCheckIn),
      'checkin.scan': ok({
        eventId: 'event-1',
        alreadyCheckedIn: false,
        at: DEMO_CHECK_IN_NOW,
        timing: 'onTime',
        method: 'qr',
      }),
    },
    query: forEvent,
    platform: cameraReads(SCREEN_QR),
  },
  {
    id: 'check-in-expired',
    title: '扫码签到 · 签到码过期',
    page: CHECK_IN,
    tabBar: false,
    cloud: {
      'event.get': ok(demoDetailCheckIn),
      'checkin.scan': fail({ code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期，请扫描现场屏幕上的最新签到码' }),
    },
    query: forEvent,
    platform: cameraReads(SCREEN_QR),
  },
  {
    id: 'check-in-not-ours',
    title: '扫码签到 · 不是签到码（需定位的活动）',
    page: CHECK_IN,
    tabBar: false,
    cloud: {
      'event.get': ok(
        eventDetail({
          ...demoDetailCheckIn,
          place: {
            name: demoEvent.place.name,
            location: { latitude: 39.9, longitude: 116.4 },
            radiusM: 300,
            requireLocation: true,
          },
        }),
      ),
    },
    query: forEvent,
    platform: cameraReads('https://u.wechat.com/some-group'),
  },
  {
    id: 'check-in-printed-no-location',
    title: '扫码签到 · 打印的签到码（未允许获取位置）',
    page: CHECK_IN,
    tabBar: false,
    cloud: {
      'checkin.resolveCode': ok(forEvent),
      'event.get': ok(eventDetail({ ...demoDetailCheckIn, place: locatedPlace })),
    },
    query: { scene: 'e%3DHQ7K2M9P' },
    platform: positionRefused,
  },
  {
    id: 'event-detail-print-code',
    title: '活动详情 · 管理（需定位签到，可打印签到码）',
    page: DETAIL,
    tabBar: false,
    cloud: { ...secretary, 'event.get': ok(eventDetail({ ...demoDetailManaged, place: locatedPlace })) },
    query: byId,
    now: DEMO_NOW,
  },

  {
    id: 'live-open',
    title: '签到现场 · 签到进行中（二维码画在 canvas 上，预览中为空白）',
    page: LIVE,
    tabBar: false,
    cloud: { 'checkin.code': ok(checkInCode({ present: 37, registered: 45, rotatesAt: '2026-05-15T06:12:30.000Z' })) },
    query: forEvent,
    now: DEMO_CHECK_IN_NOW,
  },
  {
    id: 'live-not-open',
    title: '签到现场 · 尚未开始（不显示二维码，只显示开始时间）',
    page: LIVE,
    tabBar: false,
    cloud: { 'checkin.code': ok(checkInCode({ window: { state: 'notOpen', opensAt: '2026-05-15T06:00:00.000Z' } })) },
    query: forEvent,
    now: DEMO_NOW,
  },

  {
    id: 'attendance',
    title: '出勤统计 · 两个支部',
    page: ATTENDANCE,
    tabBar: false,
    cloud: { 'attendance.get': ok(demoAttendance) },
    query: forEvent,
    now: DEMO_NOW,
  },
  {
    id: 'attendance-manual',
    title: '出勤统计 · 补签（填写原因）',
    page: ATTENDANCE,
    tabBar: false,
    cloud: { 'attendance.get': ok(demoAttendance) },
    query: forEvent,
    now: DEMO_NOW,
    act: tapOn('#person-m-3'),
  },
  {
    id: 'attendance-waitlist',
    title: '出勤统计 · 候补顺序（活动开始前，可释放名额）',
    page: ATTENDANCE,
    tabBar: false,
    cloud: { 'attendance.get': ok(demoAttendanceWaitlist) },
    query: forEvent,
    now: DEMO_NOW,
    act: tapOn('#filter-waitlist'),
  },
  {
    id: 'attendance-release',
    title: '出勤统计 · 释放名额（填写原因）',
    page: ATTENDANCE,
    tabBar: false,
    cloud: { 'attendance.get': ok(demoAttendanceWaitlist) },
    query: forEvent,
    now: DEMO_NOW,
    act: tapOn('#release-m-2'),
  },

  { id: 'event-new', title: '发起活动 · 空白表单', page: EDIT, tabBar: false, cloud: {}, now: DEMO_NOW },
  {
    id: 'event-new-errors',
    title: '发起活动 · 服务器指出的字段错误',
    page: EDIT,
    tabBar: false,
    cloud: {
      'event.create': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [
          { path: 'title', message: '请填写活动名称' },
          { path: 'signUpDeadline', message: '报名截止时间不能晚于活动开始时间' },
        ],
      }),
    },
    now: DEMO_NOW,
    act: (page) => {
      page.querySelector('#start-date')?.dispatchEvent('change', { detail: { value: '2026-05-15' } });
      typeText(page, '#place', '市财政局三楼党员活动室');
      tap(page, '#submit');
    },
  },
  {
    id: 'event-new-location',
    title: '发起活动 · 已选签到位置',
    page: EDIT,
    tabBar: false,
    cloud: {},
    now: DEMO_NOW,
    platform: mapPicks,
    act: (page) => {
      typeText(page, '#title', '五月主题党日');
      tap(page, '#choose-location');
    },
  },
  {
    id: 'event-edit',
    title: '编辑活动',
    page: EDIT,
    tabBar: false,
    cloud: { 'event.get': ok(demoEvent) },
    query: byId,
    now: DEMO_NOW,
  },

  {
    id: 'theme-days-member',
    title: '主题党日 · 党员查看',
    page: CALENDAR,
    tabBar: false,
    cloud: { 'themeDay.calendar': ok(demoCalendar(false)) },
    now: DEMO_NOW,
  },
  {
    id: 'theme-days-secretary',
    title: '主题党日 · 支部书记',
    page: CALENDAR,
    tabBar: false,
    cloud: { 'themeDay.calendar': ok(demoCalendar(true)) },
    now: DEMO_NOW,
  },
  {
    id: 'theme-days-move',
    title: '主题党日 · 调整日期（填写原因）',
    page: CALENDAR,
    tabBar: false,
    cloud: { 'themeDay.calendar': ok(demoCalendar(true)) },
    now: DEMO_NOW,
    act: tapOn('#move-2026-10'),
  },
  {
    id: 'theme-days-cancel',
    title: '主题党日 · 取消本月（两个按钮各说清做什么）',
    page: CALENDAR,
    tabBar: false,
    cloud: { 'themeDay.calendar': ok(demoCalendar(true)) },
    now: DEMO_NOW,
    act: tapOn('#cancel-2026-10'),
  },
  {
    id: 'theme-days-no-rule',
    title: '主题党日 · 尚未设置规则',
    page: CALENDAR,
    tabBar: false,
    cloud: {
      'themeDay.calendar': ok({ ...demoCalendar(true), rule: null, occurrences: [], holidayDataMissing: false }),
    },
    now: DEMO_NOW,
  },
  {
    id: 'theme-day-rule',
    title: '主题党日规则 · 支部书记设置',
    page: RULE,
    tabBar: false,
    cloud: { 'themeDay.rule.get': ok({ rule: demoCalendar(true).rule }) },
  },
];
