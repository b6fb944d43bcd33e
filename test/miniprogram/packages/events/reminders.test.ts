/**
 * Reminders and share cards in the mini-program, through the real services and API client (only
 * the WeChat transport and platform calls are stubbed): 提醒我 and the ask after a sign-up, the
 * 总是保持 choices respected, 我的提醒, the organisers' view with send-now and group naming, and
 * the share page's updatable message and 3-second fallback.
 */
import type { ReminderEventView, RegistrationResult, SubscriptionView, TemplateView } from '../../../../src/contract';
import { STATIC_CARD, SHARE_WAIT_MS } from '../../../../miniprogram/components/share-card/share-image';
import { ok, stubCloud } from '../../helpers/cloud';
import { answerModal, settle } from '../../helpers/ask';
import { at, eventDetail, freezeDate } from '../../helpers/event-fixtures';
import { member } from '../../helpers/fixtures';
import { buttonText, load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const template = (key: TemplateView['key'], credits = 0): TemplateView => ({
  key,
  templateId: `T_${key}`,
  title: key,
  reason: `${key} 的理由`,
  mode: 'oneTime',
  credits,
  longTerm: false,
  keep: null,
});
const subscriptions = (startCredits = 0): SubscriptionView => ({
  templates: [template('eventStart', startCredits), template('waitlistPromoted'), template('eventChanged')],
  upcoming: [],
});

type Wx = Record<string, unknown>;
let requested: string[][];
let settings: Record<string, string>;

beforeEach(() => {
  freezeDate();
  requested = [];
  settings = {};
  (wx as unknown as Wx).getSetting = jest.fn((options: { success?: (res: unknown) => void }) =>
    options.success?.({ subscriptionsSetting: { mainSwitch: true, itemSettings: settings } }),
  );
  (wx as unknown as Wx).requestSubscribeMessage = jest.fn(
    (options: { tmplIds: string[]; success?: (res: unknown) => void }) => {
      requested.push(options.tmplIds);
      options.success?.(Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])));
    },
  );
});

const tapCell = (page: Rendered, selector: string) => tap(page, selector, '.t-cell');

describe('the event page', () => {
  function open(extra = {}) {
    let view = subscriptions(0);
    const calls = stubCloud({
      'member.me': ok({ member }),
      'event.get': ok(eventDetail({})),
      'subscription.mine': () => ok(view),
      'subscription.record': () => {
        view = subscriptions(1);
        return ok(view);
      },
      ...extra,
    });
    return { page: load('packages/events/detail/index', { query: { id: 'event-1' } }), calls };
  }

  it('asks for start and change reminders from 提醒我, with the reason shown, and reports the answers', async () => {
    const { page, calls } = open();
    await settle();
    expect(textOf(page)).toContain('eventStart 的理由');
    tapCell(page, '#remind');
    await settle();
    expect(requested).toEqual([['T_eventStart', 'T_eventChanged']]);
    expect(calls.find((c) => c.action === 'subscription.record')?.data).toEqual({
      results: { T_eventStart: 'accept', T_eventChanged: 'accept' },
    });
    expect(textOf(page)).toContain('已开启活动提醒');
  });

  it('does not ask again for what the member chose always to reject, and reports what they always accept', async () => {
    settings = { T_eventStart: 'accept', T_eventChanged: 'reject' };
    const { page, calls } = open();
    await settle();
    tapCell(page, '#remind');
    await settle();
    expect(requested).toEqual([['T_eventStart']]);
    expect(calls.find((c) => c.action === 'subscription.record')?.data).toEqual({
      results: { T_eventStart: 'accept' },
      keep: { T_eventStart: 'accept' },
    });
  });

  it('offers reminders right after a sign-up; a waitlisted member is offered the promotion notice first', async () => {
    const { page } = open({
      'registration.signUp': ok<RegistrationResult>({
        eventId: 'event-1',
        registration: { status: 'waitlisted', waitlistPosition: 2, signedUpAt: at(0) },
        counts: { registered: 30, waitlisted: 2, capacity: 30, remaining: 0 },
      }),
    });
    const modal = answerModal(true);
    await settle();
    tap(page, '#action');
    await settle();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '已进入候补第 2 位', confirmText: '提醒我' }));
    expect(requested).toEqual([['T_waitlistPromoted', 'T_eventStart', 'T_eventChanged']]);
  });
});

describe('我的提醒', () => {
  it('shows what will be reminded and turns reminders on from a tap', async () => {
    const view: SubscriptionView = {
      ...subscriptions(2),
      upcoming: [{ eventId: 'e1', title: '五月主题党日', startsAt: at(3 * 24 * 60), covered: true }],
    };
    stubCloud({ 'member.me': ok({ member }), 'subscription.mine': ok(view), 'subscription.record': ok(view) });
    const page = load('packages/member/reminders/index');
    await settle();
    const text = textOf(page);
    expect(text).toContain('五月主题党日');
    expect(text).toContain('开始前会提醒你');
    expect(text).toContain('还可提醒 2 次');
    tap(page, '#turn-on');
    await settle();
    expect(requested).toEqual([['T_eventStart', 'T_eventChanged', 'T_waitlistPromoted']]);
  });
});

describe("the organisers' reminder page", () => {
  const view: ReminderEventView = {
    eventId: 'event-1',
    title: '五月主题党日',
    kinds: [{ kind: 'eventStart1d', label: '开始前 1 天', sent: 1, noCredit: 1, refused: 0, failed: 0, pending: 0 }],
    members: [
      { memberId: 'm1', name: '王芳', state: 'sent', kind: 'eventStart1d', at: at(0), hasCredit: false },
      { memberId: 'm2', name: '赵强', state: 'noCredit', kind: 'eventStart1d', at: null, hasCredit: true },
    ],
    withCredit: 1,
    sentNow: false,
    groups: [{ groupId: 'G1', name: null, visits: 3, signUps: 2 }],
  };

  it('sends now after a confirmation, and names a group chat', async () => {
    const calls = stubCloud({
      'member.me': ok({ member: { ...member, role: 'secretary' } }),
      'reminder.event': ok(view),
      'reminder.sendNow': ok({ eventId: 'event-1', sent: 1, noCredit: 0, failed: 0, skipped: 0 }),
      'group.name': ok({ ...view, groups: [{ ...view.groups[0]!, name: '支部群' }] }),
    });
    answerModal(true);
    const page = load('packages/events/reminders/index', { query: { eventId: 'event-1' } });
    await settle();
    expect(textOf(page)).toContain('未订阅，无法提醒');
    expect(buttonText(page, '#send-now')).toBe('立即提醒 1 人');
    tap(page, '#send-now');
    await settle();
    expect(calls.filter((c) => c.action === 'reminder.sendNow')).toHaveLength(1);
    page.instance.onNameGroup({ currentTarget: { dataset: { id: 'G1' } } } as never);
    await settle();
    page.instance.onNameConfirm({ detail: { reason: '支部群' } } as never);
    await settle();
    expect(calls.find((c) => c.action === 'group.name')?.data).toEqual({
      eventId: 'event-1',
      groupId: 'G1',
      name: '支部群',
    });
    expect(textOf(page)).toContain('支部群');
  });
});

describe('the share page', () => {
  it('makes the card an updatable message, and shares the static card when the drawing is not ready in time', async () => {
    const updateShareMenu = jest.fn();
    (wx as unknown as Wx).updateShareMenu = updateShareMenu;
    stubCloud({
      'member.me': ok({ member }),
      'event.get': ok(eventDetail({})),
      'share.card': ok({ eventId: 'event-1', activityId: 'act-1', expiresAt: null, memberCount: 12, roomLimit: 30 }),
    });
    const page = load('packages/events/share/index', { query: { kind: 'event', id: 'event-1' } });
    await settle();
    expect(textOf(page)).toContain('已报名 12 人 / 限 30 人');
    expect(updateShareMenu).toHaveBeenCalledWith(
      expect.objectContaining({ isUpdatableMessage: true, activityId: 'act-1', withShareTicket: true }),
    );
    jest.useFakeTimers({ now: Date.now() });
    const share = page.instance.onShareAppMessage() as { imageUrl: string; promise: Promise<{ imageUrl: string }> };
    expect(share.imageUrl).toBe(STATIC_CARD);
    jest.advanceTimersByTime(SHARE_WAIT_MS);
    await expect(share.promise).resolves.toMatchObject({
      imageUrl: STATIC_CARD,
      path: '/packages/events/detail/index?id=event-1',
    });
    jest.useRealTimers();
  });
});
