import { canMoveTo, isOverdue } from '../../../src/domain/ledger';

describe('isOverdue (Asia/Shanghai dates, functions in UTC)', () => {
  const due = { status: 'open' as const, deadline: '2026-03-04' };

  it('is not overdue on the deadline day itself', () => {
    expect(isOverdue(due, new Date('2026-03-04T15:59:59Z'))).toBe(false); // 23:59:59 Shanghai
  });

  it('is overdue from Shanghai midnight, while the UTC date is still the deadline', () => {
    const justAfter = new Date('2026-03-04T16:00:00Z'); // 00:00 on 5 March in Shanghai
    expect(justAfter.toISOString().slice(0, 10)).toBe('2026-03-04');
    expect(isOverdue(due, justAfter)).toBe(true);
  });

  it('is never overdue once resolved or dropped', () => {
    const later = new Date('2026-06-01T00:00:00Z');
    expect(isOverdue({ ...due, status: 'inProgress' }, later)).toBe(true);
    expect(isOverdue({ ...due, status: 'resolved' }, later)).toBe(false);
    expect(isOverdue({ ...due, status: 'dropped' }, later)).toBe(false);
  });
});

describe('canMoveTo', () => {
  it('moves an open item anywhere else and keeps closed ones closed', () => {
    expect(canMoveTo('open', 'inProgress')).toBe(true);
    expect(canMoveTo('inProgress', 'resolved')).toBe(true);
    expect(canMoveTo('open', 'dropped')).toBe(true);
    expect(canMoveTo('open', 'open')).toBe(false);
    expect(canMoveTo('resolved', 'open')).toBe(false);
    expect(canMoveTo('dropped', 'inProgress')).toBe(false);
  });
});
