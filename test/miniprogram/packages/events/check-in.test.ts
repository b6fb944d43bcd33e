/**
 * 扫码签到 through the real services and API client; the WeChat transport, the camera
 * (wx.scanCode) and the position (wx.getLocation) are stubbed.
 */
import type { CheckInResult, EventDetail } from '../../../../src/contract';
import { encodeCheckInCode } from '../../../../miniprogram/utils/check-in-code';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { eventDetail } from '../../helpers/event-fixtures';
import { flush, load, tap, textOf } from '../../helpers/load';

const PAGE = 'packages/events/check-in/index';
const TOKEN = 'c1.AbCdEfGh.1a2b3c.0123456789abcdefghijkl';
const SCREEN_QR = encodeCheckInCode({ eventId: 'event-1', token: TOKEN });
const PLACE = {
  name: '机关三楼会议室',
  location: { latitude: 39.9087, longitude: 116.3975 },
  radiusM: 300,
  requireLocation: true,
};
const HERE = { latitude: 39.909, longitude: 116.398 };

const result = (overrides: Partial<CheckInResult> = {}): CheckInResult => ({
  eventId: 'event-1',
  alreadyCheckedIn: false,
  at: '2026-05-15T06:20:00.000Z',
  timing: 'onTime',
  method: 'qr',
  ...overrides,
});

/** The camera reads `texts` one scan after another; null: the person closed it. */
function camera(...texts: (string | null)[]): jest.SpyInstance {
  return jest.spyOn(wx, 'scanCode').mockImplementation(((options: WechatMiniprogram.ScanCodeOption) => {
    const text = texts.shift();
    if (text === null || text === undefined) options.fail?.({ errMsg: 'scanCode:fail cancel' });
    else
      options.success?.({
        result: text,
        scanType: 'QR_CODE',
        charSet: 'utf-8',
        rawData: '',
        errMsg: 'scanCode:ok',
      } as WechatMiniprogram.ScanCodeSuccessCallbackResult);
  }) as unknown as typeof wx.scanCode);
}

function position(allowed: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'getLocation').mockImplementation(((options: WechatMiniprogram.GetLocationOption) => {
    if (allowed)
      options.success?.({
        ...HERE,
        speed: 0,
        accuracy: 20,
        altitude: 0,
        verticalAccuracy: 0,
        horizontalAccuracy: 20,
        errMsg: 'getLocation:ok',
      });
    else options.fail?.({ errMsg: 'getLocation:fail auth deny' });
  }) as unknown as typeof wx.getLocation);
}

function open(scan: Replies['checkin.scan'], event: EventDetail = eventDetail()) {
  const calls = stubCloud({ 'event.get': ok(event), 'checkin.scan': scan });
  const page = load(PAGE, { query: { eventId: 'event-1' } });
  return { page, calls };
}

const scans = (calls: { action: string; data: unknown }[]) =>
  calls.filter((c) => c.action === 'checkin.scan').map((c) => c.data);

describe('扫码签到', () => {
  it('opens the camera once the event is known and checks in with the screen’s code', async () => {
    const scanner = camera(SCREEN_QR);
    const located = position(true);
    const { page, calls } = open(ok(result()));
    await flush();
    expect(scanner).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true }));
    expect(scans(calls)).toEqual([{ eventId: 'event-1', token: TOKEN }]);
    expect(located).not.toHaveBeenCalled(); // this event does not ask where the member is
    expect(textOf(page, '.check-in__outcome')).toBe('签到成功签到时间 14:20');
  });

  it('says 迟到 for a check-in after the start, and then no longer calls to scan', async () => {
    camera(SCREEN_QR);
    const { page } = open(ok(result({ timing: 'late', at: '2026-05-15T06:45:00.000Z' })));
    await flush();
    expect(textOf(page, '.check-in__outcome')).toBe('签到成功，记为迟到签到时间 14:45，活动已经开始');
    expect(page.querySelector('#scan')).toBeUndefined();
    expect(page.querySelector('#back')?.querySelector('.t-button--primary')).toBeDefined();
  });

  it('says 已签到 for a second check-in, with 返回活动 the only way on', async () => {
    camera(SCREEN_QR);
    const { page } = open(ok(result({ alreadyCheckedIn: true, timing: 'late', at: '2026-05-15T06:45:00.000Z' })));
    await flush();
    expect(textOf(page, '.check-in__outcome')).toBe('已签到你在 14:45 已经签到，无需重复签到');
    expect(page.querySelector('#scan')).toBeUndefined();
    expect(textOf(page, '.check-in__actions')).toBe('返回活动');
  });

  it('offers 扫码签到 again after a refused scan', async () => {
    camera('@@@###');
    const { page } = open(ok(result()));
    await flush();
    expect(textOf(page, '.check-in__actions')).toContain('扫码签到');
  });

  it.each([
    ['another app’s QR', 'https://u.wechat.com/some-group'],
    ['garbage', '@@@###'],
  ])('refuses %s without asking the server', async (_, text) => {
    camera(text);
    const { page, calls } = open(ok(result()));
    await flush();
    expect(scans(calls)).toEqual([]);
    expect(textOf(page, '.check-in__outcome')).toContain('这不是联建通的签到码');
  });

  it('shows the server’s Chinese message for a code of another event', async () => {
    camera(encodeCheckInCode({ eventId: 'event-9', token: TOKEN }));
    const { page, calls } = open(
      fail({ code: 'CHECKIN_CODE_OTHER_EVENT', message: '这是其他活动的签到码，请确认活动后重新扫描' }),
    );
    await flush();
    // The page's own event goes with the token: the server tells the two apart.
    expect(scans(calls)).toEqual([{ eventId: 'event-1', token: TOKEN }]);
    expect(textOf(page, '.check-in__outcome')).toBe('签到没有成功这是其他活动的签到码，请确认活动后重新扫描');
  });

  it('adds the position when the event asks for it', async () => {
    camera(SCREEN_QR);
    const located = position(true);
    const { calls } = open(ok(result()), eventDetail({ place: PLACE }));
    await flush();
    expect(located).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
    expect(scans(calls)).toEqual([{ eventId: 'event-1', token: TOKEN, location: HERE }]);
  });

  it('still checks in with the code when the member refuses the position', async () => {
    camera(SCREEN_QR);
    position(false);
    const { page, calls } = open(ok(result()), eventDetail({ place: PLACE }));
    await flush();
    expect(textOf(page)).toContain('不允许也可以扫码签到');
    expect(scans(calls)).toEqual([{ eventId: 'event-1', token: TOKEN }]);
    expect(textOf(page, '.check-in__outcome')).toContain('签到成功');
  });

  it('shows 不在活动地点附近 when the position is outside the radius', async () => {
    camera(SCREEN_QR);
    position(true);
    const { page } = open(
      fail({ code: 'OUT_OF_RANGE', message: '你不在活动地点附近，请到现场后再签到' }),
      eventDetail({ place: PLACE }),
    );
    await flush();
    expect(textOf(page, '.check-in__outcome')).toContain('你不在活动地点附近，请到现场后再签到');
  });

  it('waits with 扫码签到 when the member closes the camera', async () => {
    camera(null, SCREEN_QR);
    const { page, calls } = open(ok(result()));
    await flush();
    expect(scans(calls)).toEqual([]);
    expect(page.querySelector('.check-in__outcome')).toBeUndefined();
    tap(page, '#scan');
    await flush();
    expect(scans(calls)).toHaveLength(1);
  });

  it('shows the error with 重试 when the event cannot be loaded, and no camera', async () => {
    const scanner = camera(SCREEN_QR);
    stubCloud({ 'event.get': fail({ code: 'NOT_FOUND', message: '内容不存在或已被删除' }) });
    const page = load(PAGE, { query: { eventId: 'event-1' } });
    expect(textOf(page)).toContain('加载中');
    await flush();
    expect(textOf(page)).toContain('内容不存在或已被删除');
    expect(scanner).not.toHaveBeenCalled();
  });
});

describe('签到 from a printed code', () => {
  /** Opened by WeChat from the printed mini-program code: only `scene`, as iOS encodes it. */
  function openPrinted(scan: Replies['checkin.scan'], scene = 'e%3Dhq7k2m9p') {
    const calls = stubCloud({
      'checkin.resolveCode': ok({ eventId: 'event-1' }),
      'event.get': ok(eventDetail({ place: PLACE })),
      'checkin.scan': scan,
    });
    const page = load(PAGE, { query: { scene } });
    return { page, calls };
  }

  it('resolves the code, takes the position and checks in without the camera', async () => {
    const scanner = camera();
    const located = position(true);
    const { page, calls } = openPrinted(ok(result({ method: 'location' })));
    await flush();
    expect(calls.slice(0, 2)).toEqual([
      { action: 'checkin.resolveCode', data: { code: 'HQ7K2M9P' } },
      { action: 'event.get', data: { eventId: 'event-1' } },
    ]);
    expect(located).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
    expect(scans(calls)).toEqual([{ eventId: 'event-1', location: HERE }]);
    expect(scanner).not.toHaveBeenCalled();
    expect(textOf(page, '.check-in__outcome')).toBe('签到成功签到时间 14:20');
  });

  it('says the code needs the position when refused, sends nothing, and offers the screen’s QR', async () => {
    camera(SCREEN_QR);
    position(false);
    const { page, calls } = openPrinted(ok(result()));
    await flush();
    expect(scans(calls)).toEqual([]);
    expect(textOf(page, '.check-in__outcome')).toContain('此签到码需要获取你的位置');
    expect(textOf(page, '.check-in__outcome')).toContain('扫描书记手机或现场屏幕上的签到二维码');
    // One story on the page: the printed code needs the position, the screen's QR does not.
    expect(textOf(page, '.check-in__hint')).toBe('用此签到码签到需要获取你的位置；扫描现场屏幕上的二维码签到则不需要');
    expect(textOf(page)).not.toContain('不允许也可以');
    tap(page, '#scan');
    await flush();
    expect(scans(calls)).toEqual([{ eventId: 'event-1', token: TOKEN }]);
    expect(textOf(page, '.check-in__outcome')).toContain('签到成功');
  });

  it('tries the position again with 定位签到', async () => {
    camera();
    const located = position(false);
    const { page, calls } = openPrinted(ok(result({ method: 'location' })));
    await flush();
    located.mockRestore();
    position(true);
    tap(page, '#locate');
    await flush();
    expect(scans(calls)).toEqual([{ eventId: 'event-1', location: HERE }]);
  });

  it('refuses a scene that is not a printed check-in code without asking the server', async () => {
    const { page, calls } = openPrinted(ok(result()), 'code=ABCD2345');
    await flush();
    expect(calls).toEqual([]);
    expect(textOf(page)).toContain('这不是有效的活动签到码');
  });

  it('shows the server’s message for an unknown code', async () => {
    const calls = stubCloud({
      'checkin.resolveCode': fail({
        code: 'CHECKIN_CODE_INVALID',
        message: '找不到此签到码对应的活动，请扫描现场屏幕上的签到码',
      }),
    });
    const page = load(PAGE, { query: { scene: 'e=ZZZZZZZZ' } });
    await flush();
    expect(calls).toHaveLength(1);
    expect(textOf(page)).toContain('找不到此签到码对应的活动');
  });
});
