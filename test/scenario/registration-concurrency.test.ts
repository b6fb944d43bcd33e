/**
 * Sign-up under contention, through the gateway: 300 members at once for 100 places, duplicates,
 * cancellations promoting the waitlist in arrival order, and the deadline.
 */
import type { RegistrationResult } from '../../src/contract';
import type { EventDoc, RegistrationDoc } from '../../src/db/documents';
import { readAll } from '../../src/server/docs';
import { call, DAY, errorCode, makeBranch, publishedEvent, unwrap, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-big', 300);
}, 60_000);
afterAll(() => cloud.stop());

async function registrations(eventId: string): Promise<RegistrationDoc[]> {
  const db = cloud.db();
  return readAll<RegistrationDoc>(
    db,
    'registrations',
    { eventId, status: db.command.in(['registered', 'waitlisted', 'cancelled']) },
    'sequence',
  );
}

async function eventDoc(eventId: string): Promise<EventDoc> {
  const { data } = await cloud.db().collection('events').doc(eventId).get();
  return (data as EventDoc[])[0]!;
}

describe('300 concurrent sign-ups for 100 places', () => {
  let eventId: string;
  let results: RegistrationResult[];
  let elapsedMs: number;

  beforeAll(async () => {
    eventId = (await publishedEvent(cloud, branch, DAY, { capacity: 100 })).id;
    const started = Date.now();
    results = await Promise.all(
      branch.members.map(async (openid) =>
        unwrap<RegistrationResult>(await cloud.api('registration.signUp', { eventId }, openid)),
      ),
    );
    elapsedMs = Date.now() - started;
    console.log(`300 concurrent sign-ups through the gateway: ${elapsedMs} ms`);
  }, 120_000);

  it('registers exactly 100 and waitlists 200 in arrival order', async () => {
    const all = await registrations(eventId);
    expect(all).toHaveLength(300);
    expect(all.map((r) => r.sequence)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(all.slice(0, 100).every((r) => r.status === 'registered')).toBe(true);
    expect(all.slice(100).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(new Set(all.map((r) => r.memberId)).size).toBe(300);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 200, lastSequence: 300 });

    // Each caller was told their own outcome; waitlist positions are 1..200 without gaps.
    expect(results.filter((r) => r.registration?.status === 'registered')).toHaveLength(100);
    const positions = results.flatMap((r) =>
      r.registration?.waitlistPosition ? [r.registration.waitlistPosition] : [],
    );
    expect(positions.length).toBe(200);
    expect(Math.max(...positions)).toBeLessThanOrEqual(200);
    expect(elapsedMs).toBeLessThan(60_000);
  });

  it('answers a repeated sign-up with the first one, never a second registration', async () => {
    const member = branch.members[0]!;
    const again = await Promise.all(
      Array.from({ length: 5 }, async () =>
        unwrap<RegistrationResult>(await cloud.api('registration.signUp', { eventId }, member)),
      ),
    );
    const first = (await registrations(eventId)).find((r) => r.memberId === member)!;
    for (const result of again) expect(result.registration?.status).toBe(first.status);
    expect(await registrations(eventId)).toHaveLength(300);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 200 });
  });

  it('promotes the next in line when registered members cancel, and shifts the waitlist', async () => {
    const before = await registrations(eventId);
    const leaving = before.slice(0, 3).map((r) => r.memberId);
    const head = before.slice(100, 103).map((r) => r.memberId);
    const fourth = before[103]!.memberId;
    await Promise.all(leaving.map((openid) => call(cloud, 'registration.cancel', { eventId }, openid)));

    const after = await registrations(eventId);
    const status = new Map(after.map((r) => [r.memberId, r.status]));
    expect(leaving.map((m) => status.get(m))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(head.map((m) => status.get(m))).toEqual(['registered', 'registered', 'registered']);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 197 });
    const detail = await call(cloud, 'event.get', { eventId }, fourth);
    expect(detail.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(detail.counts).toEqual({ registered: 100, waitlisted: 197, capacity: 100, remaining: 0 });

    // A waitlisted member leaving moves those behind up, without promoting anyone.
    const cancelled = await call(cloud, 'registration.cancel', { eventId }, fourth);
    expect(cancelled.registration).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    const next = (await registrations(eventId)).filter((r) => r.status === 'waitlisted')[0]!;
    expect((await call(cloud, 'event.get', { eventId }, next.memberId)).myRegistration?.waitlistPosition).toBe(1);
    expect(errorCode(await cloud.api('registration.cancel', { eventId }, fourth))).toBe('NOT_REGISTERED');

    // Signing up again after cancelling queues at the back.
    const back = await call(cloud, 'registration.signUp', { eventId }, fourth);
    expect(back.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 197 });
  }, 30_000);

  it('promotes from the waitlist when the capacity is raised', async () => {
    await call(cloud, 'event.update', { eventId, capacity: 125 }, branch.secretary);
    const event = await eventDoc(eventId);
    expect(event).toMatchObject({ registered: 125, waitlisted: 172 });
    const registered = (await registrations(eventId)).filter((r) => r.status === 'registered').map((r) => r.sequence);
    const waitlisted = (await registrations(eventId)).filter((r) => r.status === 'waitlisted').map((r) => r.sequence);
    expect(Math.max(...registered)).toBeLessThan(Math.min(...waitlisted));
    const cut = await cloud.api('event.update', { eventId, capacity: 50 }, branch.secretary);
    expect(cut).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '名额不能少于已报名的 125 人' } });
  }, 30_000);
});

describe('the sign-up deadline and the start', () => {
  it('refuses sign-up after the deadline and cancellation after the start', async () => {
    const start = Date.now() + DAY;
    const closed = await publishedEvent(cloud, branch, DAY, {
      signUpDeadline: new Date(start - 2 * DAY).toISOString(),
    });
    expect(errorCode(await cloud.api('registration.signUp', { eventId: closed.id }, branch.members[0]!))).toBe(
      'SIGNUP_CLOSED',
    );

    const started = await publishedEvent(cloud, branch, 3_000, { capacity: 1 });
    await call(cloud, 'registration.signUp', { eventId: started.id }, branch.members[0]!);
    await call(cloud, 'registration.signUp', { eventId: started.id }, branch.members[1]!);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(errorCode(await cloud.api('registration.cancel', { eventId: started.id }, branch.members[0]!))).toBe(
      'REGISTRATION_LOCKED',
    );
    expect(errorCode(await cloud.api('registration.signUp', { eventId: started.id }, branch.members[2]!))).toBe(
      'SIGNUP_CLOSED',
    );
  }, 20_000);
});
