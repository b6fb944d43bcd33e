import { tallyAttendance } from '../../../src/domain/attendance';

describe('attendance tally', () => {
  it('counts registered, attended, late, absent and walk-ins per branch and in total', () => {
    const seats = [
      { memberId: 'a', branchId: 'b1' },
      { memberId: 'b', branchId: 'b1' },
      { memberId: 'c', branchId: 'b2' },
    ];
    const present = [
      { memberId: 'a', branchId: 'b1', timing: 'onTime' as const },
      { memberId: 'c', branchId: 'b2', timing: 'late' as const },
      { memberId: 'w', branchId: 'b2', timing: 'late' as const },
      { memberId: 'x', branchId: 'b9', timing: 'onTime' as const },
    ];
    const { totals, byBranch } = tallyAttendance(['b1', 'b2', 'b3'], seats, present);
    expect(totals).toEqual({ registered: 3, attended: 2, late: 2, absent: 1, walkIns: 2 });
    expect(byBranch.get('b1')).toEqual({ registered: 2, attended: 1, late: 0, absent: 1, walkIns: 0 });
    expect(byBranch.get('b2')).toEqual({ registered: 1, attended: 1, late: 2, absent: 0, walkIns: 1 });
    expect(byBranch.get('b3')).toEqual({ registered: 0, attended: 0, late: 0, absent: 0, walkIns: 0 });
    // A walk-in from a branch outside the list still gets a row.
    expect(byBranch.get('b9')).toEqual({ registered: 0, attended: 0, late: 0, absent: 0, walkIns: 1 });
  });
});
