/**
 * Attendance points (attended +3, on time +1) settled after the check-in (attendance-points.ts):
 * a scan writes only the check-in; the points reach the ledger before anyone reads points, or by
 * the scheduler's sweep, exactly once, dated by the check-in; an undo racing a settler never
 * leaves points behind, and a check-in after an undo earns again once.
 */
import type { CheckInCode } from '../../src/contract';
import type { CheckInDoc } from '../../src/db/documents';
import { settleCheckIns, settleDue } from '../../src/server/attendance-points';
import { getDoc } from '../../src/server/docs';
import { call, makeBranch, MINUTE, publishedEvent, type TestBranch } from './event-support';
import { entriesOf, sumOf } from './study-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-att', 60);
}, 60_000);
afterAll(() => cloud.stop());

async function openEvent(): Promise<{ id: string; token: string }> {
  const event = await publishedEvent(cloud, branch, 10 * MINUTE);
  const code: CheckInCode = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
  return { id: event.id, token: code.token };
}

async function attendanceEntries(eventId: string): Promise<number> {
  const { total } = await cloud
    .db()
    .collection('pointEntries')
    .where({ sourceKey: cloud.db().command.in(branch.members.map((m) => `att_${eventId}_${m}_0`)) })
    .count();
  return total;
}

const checkIn = (eventId: string, memberId: string) =>
  getDoc<CheckInDoc>(cloud.db(), 'checkins', `${eventId}_${memberId}`) as Promise<CheckInDoc>;

describe('attendance points', () => {
  it('are not written by the scan, reach the ledger once by the sweep, and a second sweep adds nothing', async () => {
    const event = await openEvent();
    const members = branch.members.slice(0, 40);
    await Promise.all(members.map((m) => call(cloud, 'checkin.scan', { eventId: event.id, token: event.token }, m)));
    expect(await attendanceEntries(event.id)).toBe(0);
    expect((await checkIn(event.id, members[0]!)).pointsDue).toBe(true);

    const first = await cloud.fireTimer<{ attendancePoints: number }>('scheduler', 'daily', new Date());
    expect(first.attendancePoints).toBeGreaterThanOrEqual(40);
    expect(await attendanceEntries(event.id)).toBe(40);
    for (const m of members.slice(0, 5)) {
      const entries = (await entriesOf(cloud, m)).filter((e) => e.sourceKey.endsWith(`${event.id}_${m}_0`));
      expect(entries.map((e) => [e.rule, e.points]).sort()).toEqual([
        ['event.attended', 3],
        ['event.onTime', 1],
      ]);
      expect((await checkIn(event.id, m)).pointsDue).toBe(false);
    }
    const again = await cloud.fireTimer<{ attendancePoints: number }>('scheduler', 'daily', new Date());
    expect(again.attendancePoints).toBe(0);
    expect(await attendanceEntries(event.id)).toBe(40);
  });

  it('are settled before a member or a secretary reads points, once however many read at once', async () => {
    const event = await openEvent();
    const [a, b] = [branch.members[40]!, branch.members[41]!];
    const before = await call(cloud, 'points.mine', {}, a);
    await call(cloud, 'checkin.scan', { eventId: event.id, token: event.token }, a);
    await call(cloud, 'checkin.scan', { eventId: event.id, token: event.token }, b);
    const reads = await Promise.all([
      ...Array.from({ length: 6 }, () => call(cloud, 'points.mine', {}, a)),
      ...Array.from({ length: 6 }, () => call(cloud, 'points.ranking', {}, branch.secretary)),
    ]);
    expect(reads[0]).toMatchObject({ total: before.total + 4 });
    const ranked = (reads[11] as { rows: { memberId: string; points: number }[] }).rows;
    expect(ranked.find((r) => r.memberId === b)?.points).toBeGreaterThanOrEqual(4);
    expect(sumOf(await entriesOf(cloud, a))).toBe(before.total + 4);
    expect(sumOf(await entriesOf(cloud, b))).toBe(4);
  });

  it('never stand for a check-in undone while a settler was at work, and a check-in again earns once', async () => {
    const event = await openEvent();
    const m = branch.members[42]!;
    await call(cloud, 'checkin.scan', { eventId: event.id, token: event.token }, m);
    const stale = await checkIn(event.id, m); // what a settler read, just before the undo
    await call(cloud, 'checkin.undo', { eventId: event.id, memberId: m, reason: '误签' }, branch.secretary);
    // The settler awards after the undo found nothing to reverse: its clearing is refused, so it takes it back.
    await settleCheckIns(cloud.db(), [stale], new Date());
    expect(sumOf(await entriesOf(cloud, m))).toBe(0);

    await call(cloud, 'checkin.manual', { eventId: event.id, memberId: m, reason: '确认到场' }, branch.secretary);
    // The stale settler again, now that a later check-in stands: it must not disturb it.
    await settleCheckIns(cloud.db(), [stale], new Date());
    await settleDue(cloud.db(), { memberId: m }, new Date());
    const entries = await entriesOf(cloud, m);
    expect(sumOf(entries)).toBe(4);
    expect(entries.filter((e) => e.points > 0 && e.sourceKey.endsWith('_1'))).toHaveLength(2);
  });

  it('come out exact for members whose undo races several settlers', async () => {
    const event = await openEvent();
    const members = branch.members.slice(43, 58);
    await Promise.all(members.map((m) => call(cloud, 'checkin.scan', { eventId: event.id, token: event.token }, m)));
    const undone = new Set(members.filter((_, i) => i % 2 === 0));
    await Promise.all(
      members.flatMap((m) => [
        ...(undone.has(m)
          ? [call(cloud, 'checkin.undo', { eventId: event.id, memberId: m, reason: '误签' }, branch.secretary)]
          : []),
        call(cloud, 'points.mine', {}, m),
        settleDue(cloud.db(), { memberId: m }, new Date()),
        settleDue(cloud.db(), { branchIds: [branch.id] }, new Date()),
      ]),
    );
    await cloud.fireTimer('scheduler', 'daily', new Date());
    for (const m of members) expect([m, sumOf(await entriesOf(cloud, m))]).toEqual([m, undone.has(m) ? 0 : 4]);
  });

  it('are dated by the check-in, so one at 23:59 on 31 December counts for that year', async () => {
    const m = branch.members[59]!;
    const at = new Date('2025-12-31T15:59:00Z'); // 23:59 in Shanghai
    const doc: CheckInDoc = {
      _id: `evt-newyear_${m}`,
      eventId: 'evt-newyear',
      memberId: m,
      branchId: branch.id,
      name: m,
      status: 'present',
      at,
      timing: 'late',
      method: 'qr',
      byName: null,
      reason: null,
      history: [{ action: 'checkIn', by: m, byName: m, at, reason: null }],
      pointsDue: true,
    };
    await cloud.db().collection('checkins').add(doc);
    await settleCheckIns(cloud.db(), [doc], new Date('2026-01-01T02:00:00Z'));
    const [entry, ...rest] = await entriesOf(cloud, m);
    expect(rest).toHaveLength(0); // late: attended only
    expect(entry).toMatchObject({ rule: 'event.attended', points: 3, year: 2025, day: '2025-12-31' });
  });
});
