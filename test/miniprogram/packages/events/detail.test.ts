/**
 * The event page through the real events service, session store and API client; only the WeChat
 * transport is stubbed. The clock is frozen at NOW (three days before the event).
 */
import type { EventDetail, MyLeave, RegistrationResult } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { at, eventDetail, freezeDate } from '../../helpers/event-fixtures';
import { member } from '../../helpers/fixtures';
import { buttonText, flush, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const PAGE = 'packages/events/detail/index';
const query = { id: 'event-1' };

const isDetail = (value: unknown): value is EventDetail => typeof value === 'object' && value !== null && 'id' in value;

/** The event page for `event` (a detail, or how event.get answers), as a member of `role`. */
function open(event: EventDetail | NonNullable<Replies['event.get']>, extra: Replies = {}, role = member.role) {
  const calls = stubCloud({
    'member.me': ok({ member: { ...member, role } }),
    'event.get': isDetail(event) ? ok(event) : event,
    ...extra,
  });
  const page = load(PAGE, { query });
  return { page, calls };
}

const tapCell = (page: Rendered, selector: string) => tap(page, selector, '.t-cell');

beforeEach(() => freezeDate());

describe('event page', () => {
  it('shows the event, a countdown to the start, counts and who is coming by branch', async () => {
    const { page, calls } = open(
      eventDetail({
        coming: [
          { branch: { id: 'b1', name: '第一党支部' }, registered: 2, names: ['王芳', '赵强'] },
          {
            branch: { id: 'b2', name: '城西社区党委' },
            registered: 60,
            names: Array.from({ length: 50 }, (_, i) => `党员${i + 1}`),
          },
        ],
      }),
    );
    await flush();
    expect(calls[0]).toEqual({ action: 'event.get', data: { eventId: 'event-1' } });
    const text = textOf(page);
    for (const expected of [
      '五月主题党日',
      '集体学习',
      '距开始还有 3天4小时',
      '5月15日 周五 14:30–16:30',
      '机关三楼会议室',
      '学习贯彻全国两会精神',
      '报名情况 · 已报名 12 人 / 限 30 人',
      '第一党支部',
      '王芳、赵强',
      '城西社区党委',
      '党员50 等 60 人',
    ])
      expect(text).toContain(expected);
    expect(buttonText(page, '#action')).toBe('报名');
    expect(page.querySelector('#scan')).toBeUndefined();
    expect(page.querySelector('.detail__live')).toBeUndefined();
  });

  it('signs up, says so, and shows the new state from the server', async () => {
    let signedUp = false;
    const { page, calls } = open(
      () =>
        ok(
          eventDetail(
            signedUp ? { myRegistration: { status: 'registered', waitlistPosition: null, signedUpAt: at(0) } } : {},
          ),
        ),
      {
        'registration.signUp': () => {
          signedUp = true;
          return ok<RegistrationResult>({
            eventId: 'event-1',
            registration: { status: 'registered', waitlistPosition: null, signedUpAt: at(0) },
            counts: { registered: 13, waitlisted: 0, capacity: 30, remaining: 17 },
          });
        },
      },
    );
    const toast = jest.spyOn(wx, 'showToast');
    await flush();
    tap(page, '#action');
    await flush();
    await flush();
    expect(calls.map((c) => c.action)).toContain('registration.signUp');
    expect(calls.find((c) => c.action === 'registration.signUp')!.data).toEqual({ eventId: 'event-1' });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }));
    expect(buttonText(page, '#action')).toBe('取消报名');
  });

  it('tells a member beyond capacity their waitlist place', async () => {
    const { page } = open(eventDetail({ counts: { registered: 30, waitlisted: 0, capacity: 30, remaining: 0 } }), {
      'registration.signUp': ok<RegistrationResult>({
        eventId: 'event-1',
        registration: { status: 'waitlisted', waitlistPosition: 1, signedUpAt: at(0) },
        counts: { registered: 30, waitlisted: 1, capacity: 30, remaining: 0 },
      }),
    });
    const toast = jest.spyOn(wx, 'showToast');
    await flush();
    expect(buttonText(page, '#action')).toBe('报名候补');
    tap(page, '#action');
    await flush();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已进入候补第 1 位' }));
  });

  it('cancels a registration only after the member confirms', async () => {
    const { page, calls } = open(
      eventDetail({ myRegistration: { status: 'registered', waitlistPosition: null, signedUpAt: at(-24) } }),
      {
        'registration.cancel': ok<RegistrationResult>({
          eventId: 'event-1',
          registration: { status: 'cancelled', waitlistPosition: null, signedUpAt: at(-24) },
          counts: { registered: 11, waitlisted: 0, capacity: 30, remaining: 19 },
        }),
      },
    );
    const answer = { confirm: false };
    const modal = jest
      .spyOn(wx, 'showModal')
      .mockImplementation((() =>
        Promise.resolve({ ...answer, cancel: !answer.confirm })) as unknown as typeof wx.showModal);
    await flush();
    tap(page, '#action');
    await flush();
    // Both buttons say what they do: the way out keeps the place.
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '取消报名', confirmText: '取消报名', cancelText: '保留报名' }),
    );
    expect(calls.map((c) => c.action)).not.toContain('registration.cancel'); // 保留报名

    answer.confirm = true;
    tap(page, '#action');
    await flush();
    expect(calls.find((c) => c.action === 'registration.cancel')!.data).toEqual({ eventId: 'event-1' });
  });

  it('leaves the waitlist through 取消候补', async () => {
    const { page, calls } = open(
      eventDetail({ myRegistration: { status: 'waitlisted', waitlistPosition: 4, signedUpAt: at(-24) } }),
      {
        'registration.cancel': ok<RegistrationResult>({
          eventId: 'event-1',
          registration: null,
          counts: { registered: 30, waitlisted: 3, capacity: 30, remaining: 0 },
        }),
      },
    );
    const modal = jest
      .spyOn(wx, 'showModal')
      .mockImplementation((() => Promise.resolve({ confirm: true, cancel: false })) as unknown as typeof wx.showModal);
    await flush();
    expect(buttonText(page, '#action')).toBe('候补中第 4 位');
    page.querySelector('#secondary')!.dispatchEvent('tap');
    await flush();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消候补' }));
    expect(calls.find((c) => c.action === 'registration.cancel')!.data).toEqual({ eventId: 'event-1' });
  });

  it('shows the server’s message when sign-up has just closed', async () => {
    const { page } = open(eventDetail(), {
      'registration.signUp': fail({ code: 'SIGNUP_CLOSED', message: '报名已截止' }),
    });
    const toast = jest.spyOn(wx, 'showToast');
    await flush();
    tap(page, '#action');
    await flush();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名已截止', icon: 'none' }));
  });

  it('offers 扫码签到 while check-in is open and opens the scanner page', async () => {
    freezeDate(at(76.2)); // 14:12 on the day: check-in opened at 14:00
    const { page } = open(
      eventDetail({ myRegistration: { status: 'registered', waitlistPosition: null, signedUpAt: at(-24) } }),
    );
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await flush();
    expect(textOf(page)).toContain('签到进行中');
    tap(page, '#scan');
    await flush();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/events/check-in/index?eventId=event-1' }),
    );
  });

  it('says when check-in opens before it does, and shows 已签到 after', async () => {
    const { page } = open(eventDetail());
    await flush();
    expect(textOf(page)).toContain('签到将于 5月15日 周五 14:00 开放');

    const checkedIn = open(eventDetail({ myCheckIn: { at: '2026-05-15T06:20:00.000Z', timing: 'onTime' } }));
    await flush();
    // A settled state, not a (disabled) red button to press.
    expect(textOf(checkedIn.page, '#done')).toBe('已签到');
    expect(checkedIn.page.querySelector('#action')).toBeUndefined();
    expect(textOf(checkedIn.page, '.detail__hint')).toBe('签到时间 14:20');
    expect(checkedIn.page.querySelector('#scan')).toBeUndefined();
  });

  it('shows a cancelled event with its reason and no countdown', async () => {
    const { page } = open(eventDetail({ status: 'cancelled', cancelReason: '暴雨红色预警' }));
    await flush();
    expect(buttonText(page, '#action')).toBe('活动已取消');
    expect(textOf(page)).toContain('取消原因：暴雨红色预警');
    expect(textOf(page)).not.toContain('距开始');
  });

  it('gives managers the live screen, attendance and editing, and the secretary cancelling', async () => {
    const { page } = open(eventDetail({ canManage: true }), {}, 'secretary');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    await flush();
    tapCell(page, '.detail__live');
    tapCell(page, '.detail__attendance');
    tapCell(page, '.detail__edit');
    await flush();
    expect(navigateTo.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/events/live/index?eventId=event-1',
      '/packages/events/attendance/index?eventId=event-1',
      '/packages/events/edit/index?id=event-1',
    ]);
    expect(page.querySelector('.detail__cancel')).toBeDefined();
    expect(page.querySelector('.detail__publish')).toBeUndefined();
  });

  it('does not offer cancelling to a committee member', async () => {
    const { page } = open(eventDetail({ canManage: true }), {}, 'committeeMember');
    await flush();
    expect(page.querySelector('.detail__live')).toBeDefined();
    expect(page.querySelector('.detail__cancel')).toBeUndefined();
  });

  it('publishes a draft, or explains what is missing', async () => {
    let complete = false;
    const { page, calls } = open(eventDetail({ status: 'draft', signUpOpen: false, canManage: true }), {
      'event.publish': () =>
        complete
          ? ok(eventDetail({ canManage: true }))
          : fail({ code: 'EVENT_INCOMPLETE', message: '请先填写学习主题和活动地点，再发布活动' }),
    });
    const modal = jest.spyOn(wx, 'showModal');
    await flush();
    expect(buttonText(page, '#action')).toBe('活动尚未发布');
    tapCell(page, '.detail__publish');
    await flush();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请先填写学习主题和活动地点，再发布活动' }));

    complete = true;
    tapCell(page, '.detail__publish');
    await flush();
    expect(calls.filter((c) => c.action === 'event.publish').map((c) => c.data)).toEqual([
      { eventId: 'event-1' },
      { eventId: 'event-1' },
    ]);
    expect(buttonText(page, '#action')).toBe('报名');
    expect(page.querySelector('.detail__publish')).toBeUndefined();
  });

  it('cancels the event with a reason typed in the dialog', async () => {
    const { page, calls } = open(
      eventDetail({ canManage: true }),
      {
        'event.cancel': ok(eventDetail({ canManage: true, status: 'cancelled', cancelReason: '暴雨红色预警' })),
      },
      'secretary',
    );
    await flush();
    tapCell(page, '.detail__cancel');
    await flush();
    expect(textOf(page, '#cancel-dialog')).toContain('取消后不能恢复');
    // Never 取消 beside 确认取消活动: the destructive choice on top, the way to keep the event below.
    expect(textOf(page, '#cancel-dialog >>> .reason-dialog__actions')).toBe('取消活动不取消，保留活动');
    expect(page.querySelector('#cancel-dialog >>> #dialog-confirm')?.querySelector('.t-button--danger')).toBeDefined();

    tap(page, '#cancel-dialog >>> #dialog-confirm');
    await flush();
    expect(textOf(page, '#cancel-dialog')).toContain('请填写原因'); // nothing sent without a reason
    expect(calls.map((c) => c.action)).not.toContain('event.cancel');

    type(page, '#cancel-dialog >>> #reason', ' 暴雨红色预警 ');
    tap(page, '#cancel-dialog >>> #dialog-confirm');
    await flush();
    expect(calls.find((c) => c.action === 'event.cancel')!.data).toEqual({
      eventId: 'event-1',
      reason: '暴雨红色预警',
    });
    expect(page.querySelector('#cancel-dialog >>> .reason-dialog')).toBeUndefined();
    expect(buttonText(page, '#action')).toBe('活动已取消');
  });

  describe('请假', () => {
    const registered = { status: 'registered' as const, waitlistPosition: null, signedUpAt: at(-24) };
    const leave = (status: MyLeave['status'], reason = '外出培训'): MyLeave => ({
      eventId: 'event-1',
      reason,
      status,
      at: at(-1),
    });
    const confirmWith = (confirm: boolean) =>
      jest
        .spyOn(wx, 'showModal')
        .mockImplementation((() => Promise.resolve({ confirm, cancel: !confirm })) as unknown as typeof wx.showModal);

    it('asks for leave with a reason, then shows 已请假 and the reason from the server', async () => {
      let current: MyLeave | null = null;
      const { page, calls } = open(eventDetail({ myRegistration: registered }), {
        'event.get': () => ok(eventDetail({ myRegistration: registered, myLeave: current })),
        'leave.request': (data) => {
          current = leave('requested', (data as { reason: string }).reason);
          return ok(current);
        },
      });
      await flush();
      expect(textOf(page, '.detail__leave')).toContain('不能参加？');
      tap(page, '#ask-leave');
      await flush();
      tap(page, '#leave-dialog >>> #dialog-confirm');
      await flush();
      expect(textOf(page, '#leave-dialog')).toContain('请填写原因'); // nothing sent without a reason
      expect(calls.map((c) => c.action)).not.toContain('leave.request');

      type(page, '#leave-dialog >>> #reason', ' 外出培训 ');
      tap(page, '#leave-dialog >>> #dialog-confirm');
      await flush();
      expect(calls.find((c) => c.action === 'leave.request')!.data).toEqual({ eventId: 'event-1', reason: '外出培训' });
      expect(page.querySelector('#leave-dialog >>> .reason-dialog')).toBeUndefined();
      const card = textOf(page, '.detail__leave');
      expect(card).toContain('已请假');
      expect(card).toContain('原因：外出培训');
      expect(page.querySelector('#ask-leave')).toBeUndefined();
      expect(buttonText(page, '#withdraw-leave')).toBe('撤回请假');
    });

    it('keeps the dialog open with the server’s message when leave is refused', async () => {
      const { page } = open(eventDetail({ myRegistration: registered }), {
        'leave.request': fail({ code: 'LEAVE_CLOSED', message: '活动已开始，不能再请假' }),
      });
      await flush();
      tap(page, '#ask-leave');
      await flush();
      type(page, '#leave-dialog >>> #reason', '出差');
      tap(page, '#leave-dialog >>> #dialog-confirm');
      await flush();
      expect(textOf(page, '#leave-dialog')).toContain('活动已开始，不能再请假');
    });

    it('withdraws the leave only after the member confirms', async () => {
      let current: MyLeave | null = leave('requested');
      const { page, calls } = open(eventDetail({ myRegistration: registered, myLeave: current }), {
        'event.get': () => ok(eventDetail({ myRegistration: registered, myLeave: current })),
        'leave.withdraw': () => {
          current = leave('withdrawn');
          return ok(current);
        },
      });
      const modal = confirmWith(false);
      await flush();
      tap(page, '#withdraw-leave');
      await flush();
      expect(modal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '撤回请假', cancelText: '保留请假' }));
      expect(calls.map((c) => c.action)).not.toContain('leave.withdraw');

      modal.mockRestore();
      confirmWith(true);
      tap(page, '#withdraw-leave');
      await flush();
      expect(calls.find((c) => c.action === 'leave.withdraw')!.data).toEqual({ eventId: 'event-1' });
      expect(textOf(page, '.detail__leave')).not.toContain('已请假');
      expect(page.querySelector('#ask-leave')).toBeDefined();
    });

    it('offers no leave to a member not registered, nor once the event has started', async () => {
      const { page } = open(eventDetail());
      await flush();
      expect(page.querySelector('.detail__leave')).toBeUndefined();

      const started = eventDetail({ myRegistration: registered, startsAt: at(-1), endsAt: at(1) });
      const second = open(started);
      await flush();
      expect(second.page.querySelector('.detail__leave')).toBeUndefined();
    });

    it('still shows 已请假 after the start, without the way to withdraw', async () => {
      const { page } = open(
        eventDetail({ myRegistration: registered, myLeave: leave('requested'), startsAt: at(-1), endsAt: at(1) }),
      );
      await flush();
      const card = textOf(page, '.detail__leave');
      expect(card).toContain('已请假');
      expect(card).toContain('活动已开始，请假不能再撤回');
      expect(page.querySelector('#withdraw-leave')).toBeUndefined();
    });
  });

  it('shows loading, then the error with 重试', async () => {
    const { page } = open(fail({ code: 'NOT_FOUND', message: '内容不存在或已被删除' }));
    expect(textOf(page)).toContain('加载中');
    await flush();
    expect(textOf(page)).toContain('内容不存在或已被删除');
    expect(textOf(page)).toContain('重试');
  });

  it('stops its countdown timer when closed', async () => {
    const { page } = open(eventDetail());
    await flush();
    const clear = jest.spyOn(globalThis, 'clearInterval');
    page.detach();
    expect(clear).toHaveBeenCalled();
  });
});
