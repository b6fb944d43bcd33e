/** The event page's big button in every state a member can meet. */
import { signUpAction } from '../../../../miniprogram/packages/events/detail/sign-up-action';
import { at, eventDetail, NOW } from '../../helpers/event-fixtures';

const now = Date.parse(NOW);
const registered = { status: 'registered' as const, waitlistPosition: null, signedUpAt: at(-24) };

describe('sign-up button', () => {
  it('报名 while sign-up is open, with the deadline in Beijing time', () => {
    const action = signUpAction(eventDetail(), now);
    expect(action).toMatchObject({ label: '报名', tap: 'signUp', variant: 'base', secondary: null });
    expect(action.hint).toBe('报名截止：5月15日 周五 14:30');
  });

  it('says who released a member’s place and why, and lets them sign up again', () => {
    const released = {
      status: 'cancelled' as const,
      waitlistPosition: null,
      signedUpAt: at(-24),
      released: { byName: '李明', reason: '本人请假' },
    };
    const action = signUpAction(eventDetail({ myRegistration: released }), now);
    expect(action).toMatchObject({ label: '报名', tap: 'signUp' });
    expect(action.hint).toBe('你的名额已由李明释放：本人请假。报名截止：5月15日 周五 14:30');
    const closed = signUpAction(eventDetail({ myRegistration: released, signUpOpen: false }), now);
    expect(closed).toMatchObject({ label: '报名已截止', hint: '你的名额已由李明释放：本人请假' });
  });

  it('报名候补 when every seat is taken', () => {
    const action = signUpAction(
      eventDetail({ counts: { registered: 30, waitlisted: 2, capacity: 30, remaining: 0 } }),
      now,
    );
    expect(action).toMatchObject({ label: '报名候补', tap: 'signUp' });
    expect(action.hint).toContain('名额已满，报名后进入候补');
  });

  it('取消报名 for a registered member before the start, 已报名 after it', () => {
    expect(signUpAction(eventDetail({ myRegistration: registered }), now)).toMatchObject({
      label: '取消报名',
      tap: 'cancel',
      variant: 'outline',
    });
    const started = eventDetail({ myRegistration: registered, startsAt: at(-1), endsAt: at(1) });
    expect(signUpAction(started, now)).toMatchObject({ label: '已报名', tap: null });
  });

  it('候补中第 n 位 with 取消候补 as the quieter way out', () => {
    const action = signUpAction(
      eventDetail({ myRegistration: { status: 'waitlisted', waitlistPosition: 3, signedUpAt: at(-2) } }),
      now,
    );
    expect(action).toMatchObject({
      label: '候补中第 3 位',
      tap: null,
      secondary: { label: '取消候补', tap: 'cancel' },
    });
  });

  it('报名已截止 after the deadline for someone not registered, also after cancelling', () => {
    expect(signUpAction(eventDetail({ signUpOpen: false }), now)).toMatchObject({ label: '报名已截止', tap: null });
    const cancelled = { ...registered, status: 'cancelled' as const };
    expect(signUpAction(eventDetail({ signUpOpen: false, myRegistration: cancelled }), now).label).toBe('报名已截止');
    expect(signUpAction(eventDetail({ myRegistration: cancelled }), now).label).toBe('报名');
  });

  it('已签到 with the time, marked late when late, whatever the registration', () => {
    const onTime = eventDetail({
      myRegistration: registered,
      myCheckIn: { at: '2026-05-15T06:20:00.000Z', timing: 'onTime' },
    });
    expect(signUpAction(onTime, now)).toMatchObject({ label: '已签到', tap: null, hint: '签到时间 14:20' });
    const late = eventDetail({ myCheckIn: { at: '2026-05-15T06:45:00.000Z', timing: 'late' } });
    expect(signUpAction(late, now).hint).toBe('签到时间 14:45（迟到）');
  });

  it('活动已取消 with the reason, before anything else', () => {
    const action = signUpAction(
      eventDetail({ status: 'cancelled', cancelReason: '暴雨预警', myRegistration: registered }),
      now,
    );
    expect(action).toMatchObject({ label: '活动已取消', tap: null, hint: '取消原因：暴雨预警' });
  });

  it('活动已结束 and 活动尚未发布 only inform', () => {
    expect(signUpAction(eventDetail({ status: 'finished' }), now)).toMatchObject({ label: '活动已结束', tap: null });
    expect(signUpAction(eventDetail({ status: 'draft', signUpOpen: false }), now)).toMatchObject({
      label: '活动尚未发布',
      tap: null,
    });
  });
});
