/**
 * Sign-ups that claim their own place (server/registration-claims.ts), against everything else
 * that moves an event's counters at the same moment: cancellations and their promotions, a
 * capacity edit, a member tapping five times, and a function that died between its claim and its
 * registration. After each storm the counters must equal the registrations, no seat may stand
 * free while someone waits, and nobody waiting may have arrived before someone seated.
 */
import type { RegistrationResult } from '../../src/contract';
import type { EventDoc, RegistrationDoc } from '../../src/db/documents';
import { readAll } from '../../src/server/docs';
import { claimPlace } from '../../src/server/registration-claims';
import { call, DAY, errorCode, makeBranch, publishedEvent, unwrap, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-claims', 300);
}, 60_000);
afterAll(() => cloud.stop());

async function eventDoc(eventId: string): Promise<EventDoc> {
  const { data } = await cloud.db().collection('events').doc(eventId).get();
  return (data as EventDoc[])[0]!;
}

async function active(eventId: string): Promise<RegistrationDoc[]> {
  const db = cloud.db();
  return readAll<RegistrationDoc>(
    db,
    'registrations',
    { eventId, status: db.command.in(['registered', 'waitlisted']) },
    'sequence',
  );
}

/** The invariants every storm must leave behind. */
async function expectConsistent(eventId: string): Promise<{ registered: string[]; waitlisted: string[] }> {
  const [event, regs] = await Promise.all([eventDoc(eventId), active(eventId)]);
  const registered = regs.filter((r) => r.status === 'registered');
  const waitlisted = regs.filter((r) => r.status === 'waitlisted');
  expect({ registered: event.registered, waitlisted: event.waitlisted }).toEqual({
    registered: registered.length,
    waitlisted: waitlisted.length,
  });
  const capacity = event.capacity as number;
  expect(event.openPlaces).toBe(capacity - registered.length - waitlisted.length);
  // No seat stands free while someone waits, and nobody waiting arrived before someone seated.
  if (waitlisted.length > 0) {
    expect(registered.length).toBe(capacity);
    expect(Math.max(...registered.map((r) => r.sequence))).toBeLessThan(Math.min(...waitlisted.map((r) => r.sequence)));
  }
  expect(new Set(regs.map((r) => r.sequence)).size).toBe(regs.length);
  expect(regs.every((r) => !r.pending)).toBe(true);
  return { registered: registered.map((r) => r.memberId), waitlisted: waitlisted.map((r) => r.memberId) };
}

const signUp = async (eventId: string, openid: string) =>
  unwrap<RegistrationResult>(await cloud.api('registration.signUp', { eventId }, openid));

it('sign-ups and cancellations at the same moment leave exact counters and promote in order', async () => {
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 40 });
  const first = branch.members.slice(0, 60);
  for (const openid of first) await signUp(eventId, openid);
  const leaving = first.slice(0, 30);
  const arriving = branch.members.slice(60, 200);
  const answers = await Promise.all([
    ...leaving.map(async (openid) =>
      unwrap<RegistrationResult>(await cloud.api('registration.cancel', { eventId }, openid)),
    ),
    ...arriving.map((openid) => signUp(eventId, openid)),
  ]);
  expect(answers.slice(0, 30).every((a) => a.registration?.status === 'cancelled')).toBe(true);
  expect(answers.slice(30).every((a) => a.registration !== null)).toBe(true);
  const { registered, waitlisted } = await expectConsistent(eventId);
  expect(registered).toHaveLength(40);
  expect(waitlisted).toHaveLength(60 - 30 + 140 - 40);
  // The ten who stayed seated and the twenty who waited first are seated now.
  expect(registered.slice(0, 30)).toEqual(first.slice(30, 60));
}, 60_000);

it('a capacity raised in the middle of a storm of sign-ups is filled from the head of the waitlist', async () => {
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 20 });
  const crowd = branch.members.slice(0, 150);
  const c0 = cloud.local.databaseStats().conflicts;
  const [edited] = await Promise.all([
    (async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return cloud.api('event.update', { eventId, capacity: 60 }, branch.secretary);
    })(),
    ...crowd.map((openid) => signUp(eventId, openid)),
  ]);
  expect(edited).toMatchObject({ ok: true });
  // The edit's transaction writes the event first, so claims wait for it rather than make it
  // start over: only a claim between its start and that write can (6–7 retries without it).
  expect(cloud.local.databaseStats().conflicts - c0).toBeLessThanOrEqual(2);
  const { registered, waitlisted } = await expectConsistent(eventId);
  expect(registered).toHaveLength(60);
  expect(waitlisted).toHaveLength(90);
}, 60_000);

it('five taps of one member at once make one registration, with the seat, and leave no place taken twice', async () => {
  // Several times over: which tap's registration lands first varies from run to run.
  for (let round = 0; round < 3; round++) {
    const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 2 });
    await signUp(eventId, branch.members[0]!);
    const taps = await Promise.all(Array.from({ length: 5 }, () => signUp(eventId, branch.members[1]!)));
    // Each tap answers the member's one registration. The first tap claims the last seat, the
    // others waitlist places; if a waitlisted tap writes the registration first, it answers the
    // waitlist, and the seat handed back by the first promotes the member at once.
    for (const { registration } of taps)
      expect(registration).toMatchObject(
        registration?.status === 'registered'
          ? { status: 'registered' }
          : { status: 'waitlisted', waitlistPosition: 1 },
      );
    // A third member gets the waitlist: the taps handed back the places they claimed twice.
    expect((await signUp(eventId, branch.members[2]!)).registration).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    // One registration each, the member's with the seat.
    const { registered, waitlisted } = await expectConsistent(eventId);
    expect({ registered, waitlisted }).toEqual({
      registered: branch.members.slice(0, 2),
      waitlisted: [branch.members[2]],
    });
    expect(await active(eventId)).toHaveLength(3);
  }
}, 30_000);

it('signing up again after cancelling takes a new place at the back, under the same registration', async () => {
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 1 });
  const [a, b] = branch.members as [string, string];
  await signUp(eventId, a);
  await call(cloud, 'registration.cancel', { eventId }, a);
  await signUp(eventId, b);
  const again = await signUp(eventId, a);
  expect(again.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  const mine = (await active(eventId)).find((r) => r.memberId === a)!;
  expect(mine).toMatchObject({ _id: `${eventId}_${a}`, sequence: 3, released: null });
  await expectConsistent(eventId);
}, 30_000);

it('a place claimed by a function that died before its registration is given back by the scheduler', async () => {
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 2 });
  await signUp(eventId, branch.members[0]!);
  // What a sign-up leaves behind when it dies between its claim and its registration.
  const orphan = await claimPlace(cloud.db(), await eventDoc(eventId), { branchId: branch.id }, new Date());
  expect(orphan).toMatchObject({ status: 'registered', sequence: 2 });
  const late = await signUp(eventId, branch.members[1]!);
  expect(late.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

  // Not while the claim could still be written: no function runs that long, but it might yet.
  const soon = await cloud.fireTimer<{ signUpCounts: number }>('scheduler', 'daily', new Date());
  expect(soon.signUpCounts).toBe(0);
  expect(await eventDoc(eventId)).toMatchObject({ registered: 2, waitlisted: 1 });

  const later = await cloud.fireTimer<{ signUpCounts: number }>(
    'scheduler',
    'daily',
    new Date(Date.now() + 2 * 60_000),
  );
  expect(later.signUpCounts).toBe(1);
  const { registered, waitlisted } = await expectConsistent(eventId);
  // The seat nobody held went to the one waiting.
  expect(registered).toEqual(branch.members.slice(0, 2));
  expect(waitlisted).toEqual([]);
  expect(await eventDoc(eventId)).toMatchObject({ countsToCheck: false, drainLeaseUntil: 0 });
  // Checked once: the next run has nothing to look at.
  const again = await cloud.fireTimer<{ signUpCounts: number }>(
    'scheduler',
    'daily',
    new Date(Date.now() + 3 * 60_000),
  );
  expect(again.signUpCounts).toBe(0);
}, 30_000);

describe('a warm instance that claims without reading the event first', () => {
  let one: ApiCloud;
  let home: TestBranch;
  let other: TestBranch;

  beforeAll(async () => {
    // One instance, so every sign-up after the first runs where the event was seen.
    one = await startApiCloud({ maxInstances: 1 });
    home = await makeBranch(one, 'b-hint', 12);
    other = await makeBranch(one, 'b-hint-other', 2);
  }, 60_000);
  afterAll(() => one.stop());

  const signUpOn = (eventId: string, openid: string) => one.api('registration.signUp', { eventId }, openid);

  it('makes three database calls cold or warm, and answers what a cold instance would when the claim is refused', async () => {
    const { id: eventId } = await publishedEvent(one, home, 3 * DAY, { capacity: 2 });
    const cold = one.local.databaseStats().requests;
    expect(errorCode(await signUpOn(eventId, home.members[0]!))).toBe('ok');
    // Cold: the caller's membership with the event in one call, the claim, the registration.
    expect(one.local.databaseStats().requests - cold).toBe(3);
    const before = one.local.databaseStats().requests;
    const second = unwrap<RegistrationResult>(await signUpOn(eventId, home.members[1]!));
    // Warm: the caller's membership, the claim, the registration.
    expect(one.local.databaseStats().requests - before).toBe(3);
    expect(second.registration).toMatchObject({ status: 'registered' });
    expect(unwrap<RegistrationResult>(await signUpOn(eventId, home.members[2]!)).registration).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });

    // Another branch's member: the claim's conditions refuse, and the event's read says why.
    expect(errorCode(await signUpOn(eventId, other.members[0]!))).toBe('FORBIDDEN');
    // Capacity raised: the hint's capacity is stale, the read one decides.
    await call(one, 'event.update', { eventId, capacity: 4 }, home.secretary);
    expect(unwrap<RegistrationResult>(await signUpOn(eventId, home.members[3]!)).registration).toMatchObject({
      status: 'registered',
    });
    // Cancelled: no claim matches a cancelled event.
    await call(one, 'event.cancel', { eventId, reason: '改期' }, home.secretary);
    expect(errorCode(await signUpOn(eventId, home.members[4]!))).toBe('EVENT_CANCELLED');

    const { data } = await one.db().collection('events').doc(eventId).get();
    expect((data as EventDoc[])[0]).toMatchObject({ registered: 4, waitlisted: 0, lastSequence: 4 });
    const { data: regs } = await one.db().collection('registrations').where({ eventId }).get();
    expect((regs as RegistrationDoc[]).map((r) => r.memberId).sort()).toEqual(home.members.slice(0, 4).sort());
  }, 30_000);

  it('refuses a claim after the sign-up deadline, as the read would', async () => {
    const { id: eventId } = await publishedEvent(one, home, 3 * DAY, {
      signUpDeadline: new Date(Date.now() + 1_500).toISOString(),
    });
    expect(errorCode(await signUpOn(eventId, home.members[5]!))).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(errorCode(await signUpOn(eventId, home.members[6]!))).toBe('SIGNUP_CLOSED');
    const { data } = await one.db().collection('events').doc(eventId).get();
    expect((data as EventDoc[])[0]).toMatchObject({ registered: 1, lastSequence: 1 });
  }, 30_000);
});
