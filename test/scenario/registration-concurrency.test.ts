/**
 * Sign-up under contention, through the gateway and under CloudBase's transaction semantics (a
 * contending transaction fails at once): 500 members at once for 100 places, duplicates, 50
 * cancellations at once promoting the waitlist in arrival order, and the deadline. Every member
 * is answered ok: nobody sees CONFLICT merely because others acted at the same moment.
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
  branch = await makeBranch(cloud, 'b-big', 500);
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

describe('500 concurrent sign-ups for 100 places', () => {
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
    console.log(`500 concurrent sign-ups through the gateway: ${elapsedMs} ms`);
  }, 120_000);

  it('registers exactly 100 and waitlists 400 in arrival order', async () => {
    const all = await registrations(eventId);
    expect(all).toHaveLength(500);
    expect(all.map((r) => r.sequence)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    // The time each member is shown is the order that decided their place.
    const times = all.map((r) => r.signedUpAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(all.every((r) => r.pending === false && r.request === null)).toBe(true);
    expect(all.slice(0, 100).every((r) => r.status === 'registered')).toBe(true);
    expect(all.slice(100).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(new Set(all.map((r) => r.memberId)).size).toBe(500);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 400, lastSequence: 500 });
    // Each sign-up claimed its own place: nobody took the queue's lease, nobody waited for it.
    expect((await eventDoc(eventId)).drainLeaseUntil ?? 0).toBe(0);
    expect((await eventDoc(eventId)).openPlaces).toBe(-400);

    // Each caller was told their own outcome; waitlist positions are 1..200 without gaps.
    expect(results.filter((r) => r.registration?.status === 'registered')).toHaveLength(100);
    const positions = results.flatMap((r) =>
      r.registration?.waitlistPosition ? [r.registration.waitlistPosition] : [],
    );
    expect(positions.length).toBe(400);
    expect(Math.max(...positions)).toBeLessThanOrEqual(400);
    // Nobody left the waitlist meanwhile, so each answer is exactly the member's place in it.
    const placeOf = new Map(all.filter((r) => r.status === 'waitlisted').map((r) => [r.memberId, r.sequence - 100]));
    const answered = results.flatMap((r, i) =>
      r.registration?.status === 'waitlisted' ? [[i, r.registration.waitlistPosition] as const] : [],
    );
    for (const [i, position] of answered) expect(position).toBe(placeOf.get(branch.members[i]!));
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
    expect(await registrations(eventId)).toHaveLength(500);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 400 });
  });

  it('50 concurrent cancellations all succeed and promote exactly the next 50, in order', async () => {
    const before = await registrations(eventId);
    const leaving = before.slice(0, 50).map((r) => r.memberId);
    const next = before.slice(100, 150).map((r) => r.memberId);
    const answers = await Promise.all(
      leaving.map(async (openid) =>
        unwrap<RegistrationResult>(await cloud.api('registration.cancel', { eventId }, openid)),
      ),
    );
    expect(answers.every((a) => a.registration?.status === 'cancelled')).toBe(true);
    const status = new Map((await registrations(eventId)).map((r) => [r.memberId, r.status]));
    expect(leaving.every((m) => status.get(m) === 'cancelled')).toBe(true);
    expect(next.every((m) => status.get(m) === 'registered')).toBe(true);
    expect(status.get(before[150]!.memberId)).toBe('waitlisted');
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 350 });
    const detail = await call(cloud, 'event.get', { eventId }, before[150]!.memberId);
    expect(detail.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  }, 60_000);

  it('promotes the next in line when registered members cancel, and shifts the waitlist', async () => {
    const before = (await registrations(eventId)).filter((r) => r.status !== 'cancelled');
    const leaving = before.slice(0, 3).map((r) => r.memberId);
    const head = before.slice(100, 103).map((r) => r.memberId);
    const fourth = before[103]!.memberId;
    await Promise.all(leaving.map((openid) => call(cloud, 'registration.cancel', { eventId }, openid)));

    const after = await registrations(eventId);
    const status = new Map(after.map((r) => [r.memberId, r.status]));
    expect(leaving.map((m) => status.get(m))).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(head.map((m) => status.get(m))).toEqual(['registered', 'registered', 'registered']);
    expect(await eventDoc(eventId)).toMatchObject({ registered: 100, waitlisted: 347 });
    const detail = await call(cloud, 'event.get', { eventId }, fourth);
    expect(detail.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(detail.counts).toEqual({ registered: 100, waitlisted: 347, capacity: 100, remaining: 0 });

    // A waitlisted member leaving moves those behind up, without promoting anyone.
    const cancelled = await call(cloud, 'registration.cancel', { eventId }, fourth);
    expect(cancelled.registration).toMatchObject({ status: 'cancelled', waitlistPosition: null });
    const next = (await registrations(eventId)).filter((r) => r.status === 'waitlisted')[0]!;
    expect((await call(cloud, 'event.get', { eventId }, next.memberId)).myRegistration?.waitlistPosition).toBe(1);
    expect(errorCode(await cloud.api('registration.cancel', { eventId }, fourth))).toBe('NOT_REGISTERED');

    // Signing up again after cancelling queues at the back.
    const back = await call(cloud, 'registration.signUp', { eventId }, fourth);
    expect(back.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 347 });
  }, 30_000);

  it('promotes from the waitlist when the capacity is raised', async () => {
    await call(cloud, 'event.update', { eventId, capacity: 125 }, branch.secretary);
    const event = await eventDoc(eventId);
    expect(event).toMatchObject({ registered: 125, waitlisted: 322 });
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
