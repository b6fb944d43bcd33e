/**
 * Check-in through the gateway: 500 members scanning the rotating code at once, repeated scans,
 * every way a scan is refused, the printed code with location, corrections by hand, and the
 * attendance report they add up to.
 */
import type { ActionInput, AttendanceReport, CheckInCode, CheckInResult } from '../../src/contract';
import type { CheckInDoc, SecretDoc } from '../../src/db/documents';
import { issueToken } from '../../src/domain/checkin-token';
import { readAll } from '../../src/server/docs';
import {
  call,
  DAY,
  errorCode,
  FAR,
  HOUR,
  makeBranch,
  MINUTE,
  NEAR,
  PLACE,
  publishedEvent,
  unwrap,
  type TestBranch,
} from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;
let guests: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-hall', 500);
  guests = await makeBranch(cloud, 'b-guest', 2);
}, 60_000);
afterAll(() => cloud.stop());

async function checkIns(eventId: string): Promise<CheckInDoc[]> {
  return readAll<CheckInDoc>(
    cloud.db(),
    'checkins',
    { eventId, status: cloud.db().command.in(['present', 'undone']) },
    'at',
  );
}

async function secret(): Promise<Buffer> {
  const { data } = await cloud.db().collection('secrets').doc('checkin').get();
  return Buffer.from((data as SecretDoc[])[0]!.value, 'base64');
}

describe('500 members scanning the rotating code at once', () => {
  it('checks each in exactly once, and answers repeated scans idempotently', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    const { token } = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    const scans = await Promise.all(
      branch.members.map(async (openid) =>
        unwrap<CheckInResult>(await cloud.api('checkin.scan', { eventId: event.id, token }, openid)),
      ),
    );
    expect(scans.every((s) => !s.alreadyCheckedIn && s.timing === 'onTime' && s.method === 'qr')).toBe(true);

    // Weak networks retry: the same members scan again, concurrently, twice each.
    const fresh = (await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary)).token;
    const repeats = await Promise.all(
      branch.members
        .slice(0, 100)
        .flatMap((openid) => [
          cloud.api('checkin.scan', { eventId: event.id, token: fresh }, openid),
          cloud.api('checkin.scan', { eventId: event.id, token: fresh, location: NEAR }, openid),
        ]),
    );
    expect(repeats.every((r) => r.ok && (r.data as CheckInResult).alreadyCheckedIn)).toBe(true);

    const docs = await checkIns(event.id);
    expect(docs).toHaveLength(500);
    expect(new Set(docs.map((d) => d.memberId)).size).toBe(500);
    expect(docs.every((d) => d.status === 'present' && d.history.length === 1)).toBe(true);
    // Before the call: the code may rotate while the answer travels, never before it was asked for.
    const asked = Date.now();
    const screen = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    expect(screen).toMatchObject({ present: 500, windowSeconds: 30, window: { state: 'open', timing: 'onTime' } });
    expect(new Date(screen.rotatesAt).getTime()).toBeGreaterThan(asked);
  }, 120_000);
});

describe('what a scan costs', () => {
  it('reads the caller with the event in one call, then writes once; a stranger is refused unwritten', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE);
    const { token } = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    const scanners = branch.members.slice(0, 100);
    const before = cloud.local.databaseStats().requests;
    const scans = await Promise.all(
      scanners.map((openid) => cloud.api('checkin.scan', { eventId: event.id, token }, openid)),
    );
    expect(scans.every((scan) => scan.ok)).toBe(true);
    const calls = cloud.local.databaseStats().requests - before;
    // Two per scan, and at most one read of the code's secret by each of the 8 instances.
    expect(calls).toBeGreaterThanOrEqual(2 * scanners.length);
    expect(calls).toBeLessThanOrEqual(2 * scanners.length + 8);

    expect(errorCode(await cloud.api('checkin.scan', { eventId: event.id, token }, 'o-stranger'))).toBe('NOT_MEMBER');
    expect(await checkIns(event.id)).toHaveLength(scanners.length);
  }, 60_000);
});

describe('the live screen', () => {
  it('heads the code with the title and counts present against registered', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { title: '现场签到测试', capacity: 2 });
    const [a, b, c] = branch.members as [string, string, string];
    for (const openid of [a, b, c]) await call(cloud, 'registration.signUp', { eventId: event.id }, openid);
    const { token } = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    await call(cloud, 'checkin.scan', { eventId: event.id, token }, a);
    const screen = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    // The third sign-up waits on the waitlist: it is not counted among those expected.
    expect(screen).toMatchObject({ title: '现场签到测试', present: 1, registered: 2 });
  });
});

describe('a refused scan', () => {
  it('says why: expired, another event, invalid, not open, closed, out of range, no location', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    const other = await publishedEvent(cloud, branch, 10 * MINUTE);
    const later = await publishedEvent(cloud, branch, DAY);
    const code: CheckInCode = await call(cloud, 'checkin.code', { eventId: other.id }, branch.secretary);
    const key = await secret();
    const member = branch.members[0]!;
    const scan = (data: ActionInput<'checkin.scan'>) => cloud.api('checkin.scan', data, member);

    // A photo of the screen forwarded two minutes later.
    const old = issueToken(event.id, new Date(Date.now() - 2 * MINUTE), key);
    expect(errorCode(await scan({ eventId: event.id, token: old }))).toBe('CHECKIN_CODE_EXPIRED');
    expect(errorCode(await scan({ eventId: event.id, token: code.token }))).toBe('CHECKIN_CODE_OTHER_EVENT');
    expect(errorCode(await scan({ eventId: event.id, token: 'c1.not-a-code' }))).toBe('CHECKIN_CODE_INVALID');
    // Well-formed but made up, carrying the other event's tag: invalid, not "another event's".
    const [, otherTag, window] = code.token.split('.') as [string, string, string];
    const madeUp = `c2.${otherTag}.${window}.${'A'.repeat(22)}`;
    expect(errorCode(await scan({ eventId: event.id, token: madeUp }))).toBe('CHECKIN_CODE_INVALID');
    const forged = issueToken(event.id, new Date(), Buffer.alloc(32, 7));
    expect(errorCode(await scan({ eventId: event.id, token: forged }))).toBe('CHECKIN_CODE_INVALID');

    const early = await scan({ eventId: later.id, token: issueToken(later.id, new Date(), key) });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_NOT_OPEN', message: expect.stringMatching(/^签到将于 .+ 开始/) },
    });

    // The QR works without location; with a position it must be within the radius.
    const valid = issueToken(event.id, new Date(), key);
    expect(errorCode(await scan({ eventId: event.id, token: valid, location: FAR }))).toBe('OUT_OF_RANGE');
    // The printed code needs a position within the radius.
    expect(errorCode(await scan({ eventId: event.id }))).toBe('LOCATION_REQUIRED');
    expect(errorCode(await scan({ eventId: event.id, location: FAR }))).toBe('OUT_OF_RANGE');
    expect(errorCode(await scan({ eventId: other.id, location: NEAR }))).toBe('CHECKIN_CODE_INVALID');
    expect(await scan({ eventId: event.id, location: NEAR })).toMatchObject({ ok: true, data: { method: 'location' } });
    expect(await cloud.api('checkin.scan', { eventId: event.id, token: valid }, branch.members[1]!)).toMatchObject({
      ok: true,
      data: { method: 'qr', alreadyCheckedIn: false },
    });
    expect(errorCode(await cloud.api('checkin.scan', { eventId: event.id, token: valid }, guests.members[0]!))).toBe(
      'FORBIDDEN',
    );
    // The event is read beside the caller's membership, but someone who is no member learns nothing
    // of it: the same answer whether it exists or not; a member is told it does not.
    for (const eventId of [event.id, 'evt-none'])
      expect(errorCode(await cloud.api('checkin.scan', { eventId, token: valid }, 'o-stranger'))).toBe('NOT_MEMBER');
    expect(errorCode(await cloud.api('checkin.scan', { eventId: 'evt-none', token: valid }, branch.members[2]!))).toBe(
      'NOT_FOUND',
    );

    // Closed once the event ends.
    const short = await publishedEvent(cloud, branch, 1_000, { endsAt: new Date(Date.now() + 2_500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = await scan({ eventId: short.id, token: issueToken(short.id, new Date(), key) });
    expect(errorCode(after)).toBe('CHECKIN_CLOSED');
  }, 30_000);
});

describe('the report’s waitlist', () => {
  it('numbers the waitlisted in sign-up order, whatever order the names sort in', async () => {
    const event = await publishedEvent(cloud, branch, DAY, { capacity: 1 });
    const [a, b, c] = branch.members.slice(10, 13) as [string, string, string];
    for (const openid of [a, c, b]) await call(cloud, 'registration.signUp', { eventId: event.id }, openid);
    const report: AttendanceReport = await call(cloud, 'attendance.get', { eventId: event.id }, branch.secretary);
    const positions = Object.fromEntries(report.people.map((p) => [p.memberId, [p.registration, p.waitlistPosition]]));
    expect(positions).toEqual({ [a]: ['registered', null], [c]: ['waitlisted', 1], [b]: ['waitlisted', 2] });
  });
});

describe('corrections and the report', () => {
  it('checks in by hand with a reason, undoes it, and counts registered, attended, late, absent and walk-ins', async () => {
    // Starts in ten seconds: the first scans are on time, the one after the start is late.
    const event = await publishedEvent(cloud, branch, 10_000, { capacity: 3, checkInOpensBeforeMinutes: 30 });
    const [a, b, c, d, e] = branch.members as [string, string, string, string, string];
    for (const openid of [a, b, c, d]) await call(cloud, 'registration.signUp', { eventId: event.id }, openid);
    const { token } = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    await call(cloud, 'checkin.scan', { eventId: event.id, token }, a);
    // The member's list says so without opening the event.
    const listed = await call(cloud, 'event.list', { scope: 'upcoming', limit: 20 }, a);
    expect(listed.items.find((item) => item.id === event.id)?.myCheckIn).toMatchObject({ timing: 'onTime' });
    // d is waitlisted and e never signed up: both come as walk-ins.
    await call(cloud, 'checkin.scan', { eventId: event.id, token }, d);

    const manual = await call(
      cloud,
      'checkin.manual',
      { eventId: event.id, memberId: e, reason: '手机没电，现场登记' },
      branch.committeeMember,
    );
    expect(manual).toMatchObject({ memberId: e, status: 'present', method: 'manual' });
    expect(
      errorCode(
        await cloud.api('checkin.manual', { eventId: event.id, memberId: e, reason: '重复' }, branch.secretary),
      ),
    ).toBe('ALREADY_CHECKED_IN');
    expect(
      errorCode(
        await cloud.api(
          'checkin.manual',
          { eventId: event.id, memberId: guests.members[0]!, reason: '来宾' },
          branch.secretary,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await cloud.api('checkin.manual', { eventId: event.id, memberId: b, reason: '' }, branch.secretary)),
    ).toBe('INVALID_INPUT');
    expect(errorCode(await cloud.api('checkin.manual', { eventId: event.id, memberId: b, reason: '代签' }, c))).toBe(
      'FORBIDDEN',
    );

    await new Promise((resolve) => setTimeout(resolve, 10_500));
    await call(
      cloud,
      'checkin.scan',
      { eventId: event.id, token: (await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary)).token },
      b,
    );

    const undone = await call(
      cloud,
      'checkin.undo',
      { eventId: event.id, memberId: a, reason: '误签，本人未到' },
      branch.secretary,
    );
    expect(undone).toMatchObject({ memberId: a, status: 'undone' });
    expect(
      errorCode(await cloud.api('checkin.undo', { eventId: event.id, memberId: a, reason: '再撤' }, branch.secretary)),
    ).toBe('NOT_CHECKED_IN');
    const history = (await checkIns(event.id)).find((doc) => doc.memberId === a)!.history;
    expect(history.map((h) => [h.action, h.byName, h.reason])).toEqual([
      ['checkIn', '党员0', null],
      ['undo', '书记', '误签，本人未到'],
    ]);

    const report: AttendanceReport = await call(cloud, 'attendance.get', { eventId: event.id }, branch.secretary);
    // Seats: a, b, c (d waitlisted). Came: b (late), d, e. a undone, c absent.
    const expected = { registered: 3, attended: 1, late: 1, absent: 2, walkIns: 2 };
    expect(report.totals).toEqual(expected);
    expect(report.byBranch).toEqual([{ branch: { id: 'b-hall', name: 'b-hall 党支部' }, ...expected }]);
    const byMember = new Map(report.people.map((p) => [p.memberId, p]));
    expect(byMember.get(e)).toMatchObject({
      registration: 'none',
      checkIn: { method: 'manual', byName: '委员', reason: '手机没电，现场登记' },
    });
    expect(byMember.get(d)).toMatchObject({ registration: 'waitlisted', checkIn: { method: 'qr' } });
    expect(byMember.get(a)).toMatchObject({ registration: 'registered', checkIn: null });
    expect(byMember.get(b)?.checkIn?.timing).toBe('late');
    expect((await call(cloud, 'event.get', { eventId: event.id }, b)).myCheckIn).toMatchObject({ timing: 'late' });
  }, 40_000);

  it('refuses a check-in of a cancelled event', async () => {
    const event = await publishedEvent(cloud, branch, HOUR / 4);
    await call(cloud, 'event.cancel', { eventId: event.id, reason: '暴雨预警' }, branch.secretary);
    expect(errorCode(await cloud.api('checkin.code', { eventId: event.id }, branch.secretary))).toBe('EVENT_CANCELLED');
    expect(errorCode(await cloud.api('checkin.scan', { eventId: event.id, location: NEAR }, branch.members[0]!))).toBe(
      'EVENT_CANCELLED',
    );
  });
});
