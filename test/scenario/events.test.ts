/**
 * Events through the gateway: a draft's way to publication, who sees and manages what, the
 * branch list with its cursor, editing and cancelling.
 */
import type { EventPage } from '../../src/contract';
import { call, DAY, errorCode, eventInput, HOUR, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let finance: TestBranch;
let village: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(async () => {
  await cloud.reset();
  finance = await makeBranch(cloud, 'b-fin', 3);
  village = await makeBranch(cloud, 'b-vil', 2);
});

describe('a draft', () => {
  it('is seen only by its managers until published, and needs a theme to publish', async () => {
    const draft = await call(cloud, 'event.create', eventInput(DAY, { theme: '' }), finance.committeeMember);
    expect(draft).toMatchObject({ status: 'draft', kind: 'activity', canManage: true, organisers: ['委员'] });
    expect(errorCode(await cloud.api('event.get', { eventId: draft.id }, finance.members[0]))).toBe('NOT_FOUND');

    const incomplete = await cloud.api('event.publish', { eventId: draft.id }, finance.secretary);
    expect(incomplete).toMatchObject({
      ok: false,
      error: { code: 'EVENT_INCOMPLETE', details: [{ path: 'theme', message: '请填写学习主题' }] },
    });
    await call(cloud, 'event.update', { eventId: draft.id, theme: '学习党章' }, finance.secretary);
    const published = await call(cloud, 'event.publish', { eventId: draft.id }, finance.secretary);
    expect(published).toMatchObject({ status: 'published', theme: '学习党章', signUpOpen: true });
    expect(await call(cloud, 'event.get', { eventId: draft.id }, finance.members[0])).toMatchObject({
      status: 'published',
      canManage: false,
      audience: [{ id: 'b-fin', name: 'b-fin 党支部' }],
      myRegistration: null,
    });
  });

  it('refuses end before start and a deadline after the start, naming the field', async () => {
    const start = Date.now() + DAY;
    const bad = await cloud.api(
      'event.create',
      eventInput(DAY, {
        endsAt: new Date(start - HOUR).toISOString(),
        signUpDeadline: new Date(start + HOUR).toISOString(),
      }),
      finance.secretary,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: [
          { path: 'endsAt', message: '结束时间需晚于开始时间' },
          { path: 'signUpDeadline', message: '报名截止时间不能晚于活动开始时间' },
        ],
      },
    });
    const event = await publishedEvent(cloud, finance, DAY);
    const moved = await cloud.api('event.update', { eventId: event.id, endsAt: event.startsAt }, finance.secretary);
    expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'endsAt' }] } });
  });
});

describe('access', () => {
  it('keeps other branches and plain members out', async () => {
    const event = await publishedEvent(cloud, finance, DAY);
    const outsider = village.members[0]!;
    expect(errorCode(await cloud.api('event.get', { eventId: event.id }, outsider))).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('registration.signUp', { eventId: event.id }, outsider))).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('checkin.scan', { eventId: event.id, token: 'x' }, outsider))).toBe('FORBIDDEN');
    // Another branch's secretary is a secretary, but not of this event's owner.
    for (const action of ['event.publish', 'checkin.code', 'attendance.get'] as const) {
      expect(errorCode(await cloud.api(action, { eventId: event.id }, village.secretary))).toBe('FORBIDDEN');
    }
    expect(errorCode(await cloud.api('event.update', { eventId: event.id, title: '改' }, village.secretary))).toBe(
      'FORBIDDEN',
    );
    // A plain member of the branch may not run it; a committee member may not cancel it.
    expect(errorCode(await cloud.api('event.create', eventInput(DAY), finance.members[0]!))).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('checkin.code', { eventId: event.id }, finance.members[0]!))).toBe('FORBIDDEN');
    expect(
      errorCode(await cloud.api('event.cancel', { eventId: event.id, reason: '下雨' }, finance.committeeMember)),
    ).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('event.get', { eventId: event.id }, 'o-stranger'))).toBe('NOT_MEMBER');
    // An audience outside the owner is refused.
    const wide = await cloud.api('event.create', eventInput(DAY, { audience: ['b-fin', 'b-vil'] }), finance.secretary);
    expect(wide).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'audience' }] } });
  });
});

describe('the list', () => {
  it('pages through upcoming events soonest first, without repeats, and shows my registration', async () => {
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      // Two events share each start instant, so the cursor must break ties by id.
      const event = await publishedEvent(cloud, finance, DAY + Math.floor(i / 2) * HOUR);
      created.push(event.id);
    }
    await publishedEvent(cloud, village, DAY);
    await call(cloud, 'registration.signUp', { eventId: created[5]! }, finance.members[0]!);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page: EventPage = await call(
        cloud,
        'event.list',
        { limit: 10, ...(cursor ? { cursor } : {}) },
        finance.members[0]!,
      );
      seen.push(...page.items.map((e) => e.id));
      for (const item of page.items.filter((e) => e.id === created[5]))
        expect(item.myRegistration).toMatchObject({ status: 'registered' });
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...created].sort());
    const starts = await Promise.all(
      seen.map(async (id) => (await call(cloud, 'event.get', { eventId: id }, finance.secretary)).startsAt),
    );
    expect(starts).toEqual([...starts].sort());
    expect(errorCode(await cloud.api('event.list', { cursor: 'garbage' }, finance.members[0]!))).toBe('INVALID_INPUT');
    expect(errorCode(await cloud.api('event.list', { limit: 21 }, finance.members[0]!))).toBe('INVALID_INPUT');
  }, 60_000);

  it('shows drafts to leaders only and cancelled events with their reason', async () => {
    const draft = await call(cloud, 'event.create', eventInput(DAY), finance.secretary);
    const event = await publishedEvent(cloud, finance, 2 * DAY);
    const cancelled = await call(cloud, 'event.cancel', { eventId: event.id, reason: '场地维修' }, finance.secretary);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '场地维修' });
    const asMember = await call(cloud, 'event.list', {}, finance.members[0]!);
    expect(asMember.items.map((e) => [e.id, e.status])).toEqual([[event.id, 'cancelled']]);
    const asSecretary = await call(cloud, 'event.list', {}, finance.secretary);
    expect(asSecretary.items.map((e) => e.id)).toEqual([draft.id, event.id]);
    expect(errorCode(await cloud.api('registration.signUp', { eventId: event.id }, finance.members[0]!))).toBe(
      'EVENT_CANCELLED',
    );
    expect(errorCode(await cloud.api('event.update', { eventId: event.id, title: '再办' }, finance.secretary))).toBe(
      'EVENT_NOT_EDITABLE',
    );
  });
});
