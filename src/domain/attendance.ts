/**
 * Attendance of one event, per branch: who held a seat, who came, who came late, who stayed away
 * and who came without a seat. Pure: the handler loads registrations and check-ins and asks here.
 */
import type { AttendanceCounts } from '../contract';

export interface SeatHolder {
  memberId: string;
  branchId: string;
}

export interface Presence {
  memberId: string;
  branchId: string;
  timing: 'onTime' | 'late';
}

const zero = (): AttendanceCounts => ({ registered: 0, attended: 0, late: 0, absent: 0, walkIns: 0 });

/** Totals and one row per branch (every branch in `branches` gets a row, even an empty one). */
export function tallyAttendance(
  branches: readonly string[],
  seatHolders: readonly SeatHolder[],
  present: readonly Presence[],
): { totals: AttendanceCounts; byBranch: Map<string, AttendanceCounts> } {
  const byBranch = new Map<string, AttendanceCounts>(branches.map((id) => [id, zero()]));
  const row = (branchId: string): AttendanceCounts => {
    let counts = byBranch.get(branchId);
    if (!counts) byBranch.set(branchId, (counts = zero()));
    return counts;
  };
  const totals = zero();
  const bump = (branchId: string, field: keyof AttendanceCounts): void => {
    row(branchId)[field] += 1;
    totals[field] += 1;
  };
  const came = new Map(present.map((p) => [p.memberId, p]));
  const seated = new Set(seatHolders.map((s) => s.memberId));
  for (const holder of seatHolders) {
    bump(holder.branchId, 'registered');
    bump(holder.branchId, came.has(holder.memberId) ? 'attended' : 'absent');
  }
  for (const presence of present) {
    if (presence.timing === 'late') bump(presence.branchId, 'late');
    if (!seated.has(presence.memberId)) bump(presence.branchId, 'walkIns');
  }
  return { totals, byBranch };
}
