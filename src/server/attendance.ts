/** The attendance report of one event: per-branch counts and the people behind them. */
import type { AttendancePerson, AttendanceReport } from '../contract';
import type { CheckInDoc, EventDoc, RegistrationDoc } from '../db/documents';
import { tallyAttendance } from '../domain/attendance';
import { effectiveStatus } from '../domain/event-lifecycle';
import type { Database } from './cloud';
import { readAll } from './docs';
import { branchRefs } from './organizations';

export async function attendanceReport(db: Database, event: EventDoc, now: Date): Promise<AttendanceReport> {
  const _ = db.command;
  const [registrations, checkIns] = await Promise.all([
    readAll<RegistrationDoc>(
      db,
      'registrations',
      { eventId: event._id, status: _.in(['registered', 'waitlisted']) },
      'sequence',
    ),
    readAll<CheckInDoc>(db, 'checkins', { eventId: event._id, status: 'present' }, 'at'),
  ]);
  const seated = registrations.filter((r) => r.status === 'registered');
  const { totals, byBranch } = tallyAttendance(
    event.audience,
    seated.map((r) => ({ memberId: r.memberId, branchId: r.branchId })),
    checkIns.map((c) => ({ memberId: c.memberId, branchId: c.branchId, timing: c.timing })),
  );
  const branches = await branchRefs(db, [...byBranch.keys()]);

  const people = new Map<string, AttendancePerson>();
  let waitlisted = 0; // registrations come in sequence order: the waitlist's order
  for (const r of registrations) {
    people.set(r.memberId, {
      memberId: r.memberId,
      name: r.name,
      branchId: r.branchId,
      registration: r.status === 'registered' ? 'registered' : 'waitlisted',
      waitlistPosition: r.status === 'waitlisted' ? ++waitlisted : null,
      checkIn: null,
    });
  }
  for (const c of checkIns) {
    const person = people.get(c.memberId) ?? {
      memberId: c.memberId,
      name: c.name,
      branchId: c.branchId,
      registration: 'none',
      waitlistPosition: null,
      checkIn: null,
    };
    person.checkIn = { at: c.at.toISOString(), timing: c.timing, method: c.method, byName: c.byName, reason: c.reason };
    people.set(c.memberId, person);
  }
  const branchOrder = new Map(branches.map((b, i) => [b.id, i]));
  const sorted = [...people.values()].sort(
    (a, b) =>
      (branchOrder.get(a.branchId) ?? 0) - (branchOrder.get(b.branchId) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
  );
  return {
    event: {
      id: event._id,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      status: effectiveStatus(event.status, event.endsAt, now),
    },
    totals,
    byBranch: branches.map((branch) => ({ branch, ...byBranch.get(branch.id)! })),
    people: sorted,
    generatedAt: now.toISOString(),
  };
}
