/**
 * Places that must be given back: a member who leaves or is removed releases their places in
 * events still to come, and an organiser can release one with a reason the member sees. The
 * next in line is promoted each time, in order.
 */
import type { EventDetail, RegistrationResult } from '../../src/contract';
import type { RegistrationDoc } from '../../src/db/documents';
import { call, DAY, errorCode, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-rel', 6);
}, 60_000);
afterAll(() => cloud.stop());

async function statuses(eventId: string): Promise<Record<string, string>> {
  const { data } = await cloud.db().collection('registrations').where({ eventId }).limit(100).get();
  return Object.fromEntries((data as RegistrationDoc[]).map((r) => [r.memberId, r.status]));
}

it('leaving, removal and an organiser’s release each give the place to the next in line', async () => {
  const [m0, m1, m2, m3, m4, m5] = branch.members as [string, string, string, string, string, string];
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 2 });
  for (const member of [m0, m1, m2, m3, m4]) await call(cloud, 'registration.signUp', { eventId }, member);
  expect(await statuses(eventId)).toEqual({
    [m0]: 'registered',
    [m1]: 'registered',
    [m2]: 'waitlisted',
    [m3]: 'waitlisted',
    [m4]: 'waitlisted',
  });

  await call(cloud, 'member.leave', { reason: '调离' }, m0);
  expect(await statuses(eventId)).toMatchObject({ [m0]: 'cancelled', [m2]: 'registered', [m3]: 'waitlisted' });

  await call(cloud, 'member.remove', { memberId: m1, reason: '组织关系已转出' }, branch.secretary);
  expect(await statuses(eventId)).toMatchObject({ [m1]: 'cancelled', [m3]: 'registered', [m4]: 'waitlisted' });

  // Only organisers may release; the member sees who did and why.
  expect(errorCode(await cloud.api('registration.release', { eventId, memberId: m2, reason: '重复报名' }, m5))).toBe(
    'FORBIDDEN',
  );
  const released: RegistrationResult = await call(
    cloud,
    'registration.release',
    { eventId, memberId: m2, reason: '已请假，名额让给候补' },
    branch.secretary,
  );
  expect(released.counts).toMatchObject({ registered: 2, waitlisted: 0 });
  expect(await statuses(eventId)).toMatchObject({ [m2]: 'cancelled', [m4]: 'registered' });
  const seen: EventDetail = await call(cloud, 'event.get', { eventId }, m2);
  expect(seen.myRegistration).toMatchObject({
    status: 'cancelled',
    released: { byName: '书记', reason: '已请假，名额让给候补' },
  });
  expect(
    errorCode(
      await cloud.api('registration.release', { eventId, memberId: m2, reason: '再释放一次' }, branch.secretary),
    ),
  ).toBe('NOT_REGISTERED');
}, 60_000);

it('a request whose function died before it was decided is decided by the sweep; later sign-ups do not wait for it', async () => {
  // Members the first test left in the branch.
  const [m0, m1, m2] = branch.members.slice(3) as [string, string, string];
  const { id: eventId } = await publishedEvent(cloud, branch, 3 * DAY, { capacity: 5 });
  // What a function leaves behind when it dies right after writing its request.
  const orphan = (memberId: string): RegistrationDoc => ({
    _id: `${eventId}_${memberId}`,
    eventId,
    memberId,
    branchId: branch.id,
    name: '党员',
    status: 'pending',
    sequence: 0,
    signedUpAt: new Date(Date.now() - 120_000),
    updatedAt: new Date(Date.now() - 120_000),
    pending: true,
    request: { op: 'signUp', at: new Date(Date.now() - 120_000), by: memberId, byName: '党员', reason: null },
    refusal: null,
    released: null,
  });
  await cloud.db().collection('registrations').add(orphan(m0));
  const detail: EventDetail = await call(cloud, 'event.get', { eventId }, m0);
  expect(detail.myRegistration).toBeNull();
  // The timer's sweep (run as if now) decides it.
  const run = await cloud.fireTimer<{ signUpQueues: number }>('scheduler', 'daily', new Date());
  expect(run.signUpQueues).toBe(1);
  expect(await statuses(eventId)).toEqual({ [m0]: 'registered' });
  // A later sign-up claims its place at once; the sweep then decides what was left behind.
  await cloud
    .db()
    .collection('registrations')
    .add({ ...orphan(m1), _id: `${eventId}_${m1}` });
  await call(cloud, 'registration.signUp', { eventId }, m2);
  expect(await statuses(eventId)).toEqual({ [m0]: 'registered', [m1]: 'pending', [m2]: 'registered' });
  const again = await cloud.fireTimer<{ signUpQueues: number }>('scheduler', 'daily', new Date());
  expect(again.signUpQueues).toBe(1);
  const { data } = await cloud.db().collection('events').doc(eventId).get();
  expect(data[0]).toMatchObject({ registered: 3, waitlisted: 0, lastSequence: 3, openPlaces: 2 });
  expect(await statuses(eventId)).toEqual({ [m0]: 'registered', [m1]: 'registered', [m2]: 'registered' });
}, 60_000);
