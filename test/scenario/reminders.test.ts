/**
 * Reminders end to end through the scheduler and the api, against the local cloud's outbox:
 * exactly once under concurrent firings, credits spent only by a successful send, values cut to
 * WeChat's limits, promotions told at once, moves and cancellations, send-now, retries and bugs.
 */
import { DEFAULTS } from '../../local-cloud/src/config';
import { localGroupCloudId, localOpengid } from '../../local-cloud/src/open-data';
import type { ReminderEventView, SendNowResult, ShareCardView, SubscriptionView } from '../../src/contract';
import type { ReminderDoc, SubscriptionCreditDoc } from '../../src/db/reminder-documents';
import { deliver, runClock } from '../../src/server/reminders/engine';
import { newJob } from '../../src/server/reminders/jobs';
import { kindOf } from '../../src/server/reminders/kinds';
import { TEMPLATES } from '../../src/server/reminders/templates';
import { call, HOUR, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { accept, delivered, sends } from './reminder-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(async () => {
  await cloud.reset();
  branch = await makeBranch(cloud, 'b-rem', 12);
}, 60_000);

const fire = (at = new Date()) =>
  cloud.fireTimer<{ reminders: { counts: Record<string, number> } }>('scheduler', 'daily', at);

async function signUpAll(eventId: string, members: string[]): Promise<void> {
  for (const m of members) await call(cloud, 'registration.signUp', { eventId }, m);
}

async function reminders(kind?: string): Promise<ReminderDoc[]> {
  const { data } = await cloud
    .db()
    .collection('reminders')
    .where(kind ? { kind } : {})
    .limit(1000)
    .get();
  return data as ReminderDoc[];
}

async function credit(openid: string, key = 'eventStart'): Promise<number> {
  const { data } = await cloud.db().collection('subscriptionCredits').doc(`${openid}_${key}`).get();
  return (data as SubscriptionCreditDoc[])[0]?.credits ?? 0;
}

describe('start reminders', () => {
  it('reach each registered member with a credit exactly once, even when two firings run at once', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    await signUpAll(event.id, branch.members);
    const withCredit = branch.members.slice(0, 10);
    for (const m of withCredit) await accept(cloud, m, ['eventStart']);

    await Promise.all([fire(), fire()]);
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([...withCredit].sort());
    const docs = await reminders('eventStart1d');
    expect(
      docs
        .filter((r) => r.state === 'sent')
        .map((r) => r.openid)
        .sort(),
    ).toEqual([...withCredit].sort());
    expect(
      docs
        .filter((r) => r.state === 'noCredit')
        .map((r) => r.openid)
        .sort(),
    ).toEqual(branch.members.slice(10).sort());
    for (const m of withCredit) expect(await credit(m)).toBe(0);

    // Later firings on the same day find nothing new to send.
    await Promise.all([fire(new Date(Date.now() + 5 * 60_000)), fire(new Date(Date.now() + 10 * 60_000))]);
    expect(await sends(cloud, 'eventStart')).toHaveLength(10);

    // The 1-hour reminder is another kind: it needs (and spends) another credit.
    await accept(cloud, withCredit[0] as string, ['eventStart']);
    await fire(new Date(Date.now() + 19.5 * HOUR));
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([...withCredit, withCredit[0]].sort());
  }, 60_000);

  it('never sends one reminder twice when two instances deliver the same members at once', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    await signUpAll(event.id, branch.members);
    for (const m of branch.members) await accept(cloud, m, ['eventStart']);
    // Beneath the job's lease: two runs of the engine itself over the same page, in this process.
    const job = newJob('eventStart1d', event.id, { eventId: event.id }, new Date());
    const kind = kindOf('eventStart1d');
    const subject = await kind.load(cloud.db(), job);
    const [a, b] = await Promise.all(
      [runClock(new Date()), runClock(new Date())].map((clock) =>
        deliver(cloud.db(), job, kind, subject, branch.members, clock),
      ),
    );
    expect((a.sent ?? 0) + (b.sent ?? 0)).toBe(branch.members.length);
    expect((a.skipped ?? 0) + (b.skipped ?? 0)).toBe(branch.members.length);
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([...branch.members].sort());
  }, 60_000);

  it('spends nothing when WeChat answers 43101, and records it', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    const [m0, m1] = branch.members as [string, string];
    await signUpAll(event.id, [m0, m1]);
    // m0 accepted as far as we know, but WeChat holds no credit (e.g. accepted on another device and used).
    await call(cloud, 'subscription.record', { results: { [TEMPLATES.eventStart.id]: 'accept' } }, m0);
    await accept(cloud, m1, ['eventStart']);
    await fire();
    const byMember = new Map((await reminders('eventStart1d')).map((r) => [r.openid, r]));
    expect(byMember.get(m0)).toMatchObject({ state: 'refused', errcode: 43101 });
    expect(byMember.get(m1)).toMatchObject({ state: 'sent' });
    expect(await credit(m0)).toBe(1);
    expect(await credit(m1)).toBe(0);
    // Not retried.
    await fire(new Date(Date.now() + 30 * 60_000));
    expect((await sends(cloud, 'eventStart')).filter((s) => s.to === m0)).toHaveLength(1);
  }, 60_000);

  it('cuts a 40-character Chinese title to 20 characters, so the send succeeds', async () => {
    const title = '学习贯彻党的二十届三中全会精神暨深化改革推进中国式现代化主题党日联学联建共建活动';
    expect([...title].length).toBe(40);
    const event = await publishedEvent(cloud, branch, 20 * HOUR, { title });
    const m0 = branch.members[0] as string;
    await signUpAll(event.id, [m0]);
    await accept(cloud, m0, ['eventStart']);
    await fire();
    const [sent] = await sends(cloud, 'eventStart');
    expect(sent?.errcode).toBe(0);
    expect([...(sent?.data.thing1?.value ?? '')]).toHaveLength(20);
    expect(sent?.data.thing1?.value).toBe(`${[...title].slice(0, 19).join('')}…`);
    expect(sent?.data.time2?.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sent?.page).toBe(`packages/events/detail/index?id=${event.id}`);
  }, 60_000);

  it('retries a passing failure (-1) with back-off, records a bug (47003) without retrying, and spends no credit on either failure', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    const [m0, m1] = branch.members as [string, string];
    await signUpAll(event.id, [m0, m1]);
    await accept(cloud, m0, ['eventStart']);
    await accept(cloud, m1, ['eventStart']);
    // Sends run a few at once: the first call fails -1, the second 47003; whichever member gets which.
    await cloud.failNth('subscribeMessage.send', 1, { errcode: -1 });
    await cloud.failNth('subscribeMessage.send', 2, { errcode: 47003 });
    await fire();
    const states = (await reminders('eventStart1d')).map((r) => r.state).sort();
    expect(states).toEqual(['bug', 'sent']);
    const bug = (await reminders('eventStart1d')).find((r) => r.state === 'bug') as ReminderDoc;
    expect(bug.errcode).toBe(47003);
    expect(await credit(bug.openid)).toBe(1);
    const all = await sends(cloud, 'eventStart');
    expect(all.map((s) => s.errcode).sort()).toEqual([-1, 0, 47003].sort());
    expect(delivered(all)).toHaveLength(1);
  }, 60_000);
});

describe('waitlist promotion', () => {
  it('tells the promoted member at once, and only once', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR, { capacity: 1 });
    const [m0, m1] = branch.members as [string, string];
    await signUpAll(event.id, [m0, m1]);
    await accept(cloud, m1, ['waitlistPromoted']);
    await call(cloud, 'registration.cancel', { eventId: event.id }, m0);
    // Before any timer: the cancellation that freed the seat told m1.
    expect(delivered(await sends(cloud, 'waitlistPromoted'))).toEqual([m1]);
    await fire();
    await fire(new Date(Date.now() + 5 * 60_000));
    expect(delivered(await sends(cloud, 'waitlistPromoted'))).toEqual([m1]);
    const [promoted] = (await cloud.db().collection('registrations').doc(`${event.id}_${m1}`).get()).data as {
      status: string;
      promotionNotice: string;
    }[];
    expect(promoted).toMatchObject({ status: 'registered', promotionNotice: 'done' });
  }, 60_000);
});

describe('moves and cancellations', () => {
  it('reminds again of the new start time after a move, and not of the old one', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    const m0 = branch.members[0] as string;
    await signUpAll(event.id, [m0]);
    await accept(cloud, m0, ['eventStart']);
    await accept(cloud, m0, ['eventStart']);
    await fire();
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([m0]);
    const startsAt = new Date(Date.now() + 22 * HOUR);
    await call(
      cloud,
      'event.update',
      {
        eventId: event.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        signUpDeadline: startsAt.toISOString(),
      },
      branch.secretary,
    );
    await fire(new Date(Date.now() + 5 * 60_000));
    const sent = (await sends(cloud, 'eventStart')).filter((s) => s.errcode === 0);
    expect(sent.map((s) => s.to)).toEqual([m0, m0]);
    expect(sent[1]?.data.time2?.value).not.toBe(sent[0]?.data.time2?.value);
  }, 60_000);

  it('tells registered and waitlisted members once when an event is cancelled', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR, { capacity: 2 });
    const [m0, m1, m2] = branch.members as [string, string, string];
    await signUpAll(event.id, [m0, m1, m2]);
    for (const m of [m0, m2]) await accept(cloud, m, ['eventChanged']);
    await call(cloud, 'event.cancel', { eventId: event.id, reason: '场地临时检修' }, branch.secretary);
    await Promise.all([fire(), fire()]);
    const sent = await sends(cloud, 'eventChanged');
    expect(delivered(sent)).toEqual([m0, m2].sort());
    expect(sent[0]?.data).toMatchObject({ phrase2: { value: '已取消' }, thing4: { value: '场地临时检修' } });
  }, 60_000);

  it('tells members when the start moves, once per new time', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR);
    const m0 = branch.members[0] as string;
    await signUpAll(event.id, [m0]);
    await accept(cloud, m0, ['eventChanged']);
    await accept(cloud, m0, ['eventChanged']);
    const moveTo = async (hours: number) => {
      const startsAt = new Date(Date.now() + hours * HOUR);
      await call(
        cloud,
        'event.update',
        {
          eventId: event.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
          signUpDeadline: startsAt.toISOString(),
        },
        branch.secretary,
      );
    };
    await moveTo(4 * 24);
    await fire();
    await fire();
    expect(delivered(await sends(cloud, 'eventChanged'))).toEqual([m0]);
    await moveTo(5 * 24);
    await fire();
    expect(delivered(await sends(cloud, 'eventChanged'))).toEqual([m0, m0]);
  }, 60_000);
});

describe("the secretary's reminder view and send-now", () => {
  it('shows who was reminded and who could not be, and sends now once to those with a credit', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR);
    const [m0, m1, m2] = branch.members as [string, string, string];
    await signUpAll(event.id, [m0, m1, m2]);
    await accept(cloud, m0, ['eventStart']);
    await accept(cloud, m1, ['eventStart']);
    const before = await call<'reminder.event'>(cloud, 'reminder.event', { eventId: event.id }, branch.secretary);
    expect(before).toMatchObject({ withCredit: 2, sentNow: false });
    const first: SendNowResult = await call(cloud, 'reminder.sendNow', { eventId: event.id }, branch.secretary);
    expect(first).toMatchObject({ sent: 2, failed: 0 });
    const again: SendNowResult = await call(cloud, 'reminder.sendNow', { eventId: event.id }, branch.secretary);
    expect(again.sent).toBe(0);
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([m0, m1].sort());
    const view: ReminderEventView = await call(cloud, 'reminder.event', { eventId: event.id }, branch.secretary);
    expect(view.sentNow).toBe(true);
    expect(view.withCredit).toBe(0);
    const rows = new Map(view.members.map((r) => [r.memberId, r]));
    expect(rows.get(m0)).toMatchObject({ state: 'sent', kind: 'eventStartNow' });
    expect(rows.get(m2)).toMatchObject({ state: 'none', hasCredit: false });
    expect(view.kinds).toEqual([expect.objectContaining({ kind: 'eventStartNow', sent: 2 })]);
    // A plain member may not.
    const denied = await cloud.api('reminder.sendNow', { eventId: event.id }, m0);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);

  it('shows a member what they will be reminded of', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR, { title: '红色教育基地参观' });
    const m0 = branch.members[0] as string;
    await signUpAll(event.id, [m0]);
    const none: SubscriptionView = await call(cloud, 'subscription.mine', {}, m0);
    expect(none.upcoming).toEqual([expect.objectContaining({ eventId: event.id, covered: false })]);
    const after = await accept(cloud, m0, ['eventStart', 'waitlistPromoted']);
    expect(after.templates.find((t) => t.key === 'eventStart')).toMatchObject({
      credits: 1,
      reason: expect.any(String),
    });
    expect(after.upcoming[0]).toMatchObject({ title: '红色教育基地参观', covered: true });
    const kept: SubscriptionView = await call(
      cloud,
      'subscription.record',
      { results: { [TEMPLATES.eventStart.id]: 'accept' }, keep: { [TEMPLATES.eventStart.id]: 'accept' } },
      m0,
    );
    expect(kept.templates.find((t) => t.key === 'eventStart')).toMatchObject({ credits: 2, keep: 'accept' });
  }, 60_000);
});

describe('group attribution', () => {
  it('counts sign-ups by the group chat they came from, named by the secretary', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR);
    const [m0, m1, m2, m3] = branch.members as [string, string, string, string];
    // What the mini-program sends after wx.getGroupEnterInfo: the chat's CloudID at the top level.
    const enter = (openid: string, chat: string) =>
      cloud.callFunction<{ ok: boolean; data: { attributed: boolean } }>(
        'api',
        {
          action: 'group.enter',
          data: { eventId: event.id },
          groupInfo: { cloudID: localGroupCloudId(chat, Date.now() + 300_000) },
        },
        { openid },
      );
    expect((await enter(m0, '财政局党员群')).data.attributed).toBe(true);
    expect((await enter(m1, '财政局党员群')).data.attributed).toBe(true);
    expect((await enter(m2, '红旗村联建群')).data.attributed).toBe(true);
    await signUpAll(event.id, [m0, m1, m2]);
    // m3 opened from a card but did not sign up; a sign-up already made keeps its group.
    await enter(m3, '红旗村联建群');
    expect((await enter(m0, '红旗村联建群')).data.attributed).toBe(false);
    // Opened without a group: nothing attributed.
    expect(await call(cloud, 'group.enter', { eventId: event.id }, m3)).toEqual({ attributed: false });

    const finance = localOpengid(DEFAULTS.appId, '财政局党员群');
    const village = localOpengid(DEFAULTS.appId, '红旗村联建群');
    const view: ReminderEventView = await call(cloud, 'reminder.event', { eventId: event.id }, branch.secretary);
    expect(view.groups).toEqual([
      { groupId: finance, name: null, visits: 2, signUps: 2 },
      { groupId: village, name: null, visits: 2, signUps: 1 },
    ]);
    const named: ReminderEventView = await call(
      cloud,
      'group.name',
      { eventId: event.id, groupId: finance, name: '财政局党员群' },
      branch.secretary,
    );
    expect(named.groups[0]).toEqual({ groupId: finance, name: '财政局党员群', visits: 2, signUps: 2 });
    const denied = await cloud.api('group.name', { eventId: event.id, groupId: finance, name: 'x' }, m0);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);
});

describe('share cards', () => {
  it('shares a plain card when WeChat gives no activity id', async () => {
    const event = await publishedEvent(cloud, branch, 2 * HOUR);
    await cloud.failNext('updatableMessage.createActivityId', -1);
    const card: ShareCardView = await call(cloud, 'share.card', { eventId: event.id }, branch.members[0] as string);
    expect(card).toMatchObject({ activityId: null, memberCount: 0 });
    await fire();
    expect(await cloud.outbox('updatableMessage.setUpdatableMsg')).toEqual([]);
  }, 60_000);

  it('creates an updatable message when shared, and updates it when the counts change and when the event starts', async () => {
    const event = await publishedEvent(cloud, branch, 2 * HOUR, { capacity: 30 });
    const card: ShareCardView = await call(cloud, 'share.card', { eventId: event.id }, branch.members[0] as string);
    expect(card).toMatchObject({ activityId: expect.stringMatching(/^local_/), memberCount: 0, roomLimit: 30 });
    await signUpAll(event.id, branch.members.slice(0, 3));
    await fire();
    await fire(new Date(Date.now() + 5 * 60_000));
    const updates = await cloud.outbox('updatableMessage.setUpdatableMsg');
    expect(updates.map((u) => [u.errcode, u.params.target_state])).toEqual([[0, 0]]);
    expect(updates[0]?.params.template_info).toEqual({
      parameter_list: [
        { name: 'member_count', value: '3' },
        { name: 'room_limit', value: '30' },
      ],
    });
    await fire(new Date(Date.now() + 3 * HOUR));
    const after = await cloud.outbox('updatableMessage.setUpdatableMsg');
    expect(after.map((u) => [u.errcode, u.params.target_state])).toEqual([
      [0, 0],
      [0, 1],
    ]);
  }, 60_000);
});

describe('deadline, ledger and retries by later firings', () => {
  it('reminds audience members who have not signed up before the sign-up deadline, once', async () => {
    const event = await publishedEvent(cloud, branch, 3 * 24 * HOUR, {
      signUpDeadline: new Date(Date.now() + 20 * HOUR).toISOString(),
    });
    const [m0, m1, m2] = branch.members as [string, string, string];
    await signUpAll(event.id, [m0]);
    for (const m of [m0, m1]) await accept(cloud, m, ['signUpDeadline']);
    await fire();
    await fire(new Date(Date.now() + 5 * 60_000));
    expect(delivered(await sends(cloud, 'signUpDeadline'))).toEqual([m1]);
    const states = new Map((await reminders('signUpDeadline')).map((r) => [r.openid, r.state]));
    expect(states.get(m2)).toBe('noCredit');
    expect(states.has(m0)).toBe(false);
  }, 60_000);

  it("tells an overdue ledger item's owning branch leaders once per deadline", async () => {
    await accept(cloud, 'demo-secretary', ['ledgerOverdue']);
    await fire();
    // The next day's first firing scans again and finds the job already there.
    await fire(new Date(Date.now() + 24 * HOUR));
    const sent = await sends(cloud, 'ledgerOverdue');
    expect(delivered(sent)).toEqual(['demo-secretary']);
    expect(sent[0]?.page).toBe('packages/pairing/ledger-item/index?id=ledger-road');
    expect(sent[0]?.data.date2?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  }, 60_000);

  it('leaves a reminder that kept failing (45009) to a later firing, which sends it once', async () => {
    const event = await publishedEvent(cloud, branch, 20 * HOUR);
    const m0 = branch.members[0] as string;
    await signUpAll(event.id, [m0]);
    await accept(cloud, m0, ['eventStart']);
    for (let n = 1; n <= 3; n++) await cloud.failNth('subscribeMessage.send', n, { errcode: 45009 });
    await fire();
    const [waiting] = await reminders('eventStart1d');
    expect(waiting).toMatchObject({ state: 'retry', attempts: 1, errcode: 45009 });
    // Too early for its back-off: nothing.
    await fire(new Date(Date.now() + 60_000));
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([]);
    await fire(new Date(Date.now() + 10 * 60_000));
    await fire(new Date(Date.now() + 15 * 60_000));
    expect(delivered(await sends(cloud, 'eventStart'))).toEqual([m0]);
    expect(await credit(m0)).toBe(0);
  }, 60_000);
});
