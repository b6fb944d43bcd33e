import {
  ledgerYearCounts,
  needsMetInYear,
  shanghaiYearBounds,
  wasOverdue,
  type LedgerFact,
} from '../../../src/domain/year-figures';

const fact = (fields: Partial<LedgerFact>): LedgerFact => ({
  raisedByOrgId: 'village',
  ownerOrgId: 'bureau',
  status: 'open',
  deadline: '2025-06-30',
  resolvedOn: null,
  createdAt: new Date('2025-03-01T02:00:00Z'),
  ...fields,
});

const afterYear = new Date('2026-02-01T00:00:00Z');

describe('shanghaiYearBounds', () => {
  it('starts and ends at Shanghai midnight', () => {
    expect(shanghaiYearBounds(2025)).toEqual({
      start: new Date('2024-12-31T16:00:00Z'),
      end: new Date('2025-12-31T16:00:00Z'),
    });
  });
});

describe('wasOverdue', () => {
  it('counts items not resolved by their deadline, once the deadline has passed', () => {
    expect(wasOverdue(fact({}), 2025, afterYear)).toBe(true);
    expect(wasOverdue(fact({ status: 'resolved', resolvedOn: '2025-06-30' }), 2025, afterYear)).toBe(false);
    expect(wasOverdue(fact({ status: 'resolved', resolvedOn: '2025-07-01' }), 2025, afterYear)).toBe(true);
    expect(wasOverdue(fact({ status: 'dropped' }), 2025, afterYear)).toBe(false);
  });

  it('does not count a deadline still ahead, or in another year', () => {
    expect(wasOverdue(fact({}), 2025, new Date('2025-06-30T15:00:00Z'))).toBe(false); // 23:00 on the day
    expect(wasOverdue(fact({}), 2025, new Date('2025-06-30T16:00:00Z'))).toBe(true); // 00:00 next day
    expect(wasOverdue(fact({ deadline: '2024-12-31' }), 2025, afterYear)).toBe(false);
  });
});

describe('ledgerYearCounts', () => {
  const items = [
    fact({ status: 'resolved', resolvedOn: '2025-05-01' }),
    fact({ createdAt: new Date('2024-12-31T16:30:00Z') }), // 1 Jan 2025 00:30 Shanghai
    fact({ createdAt: new Date('2024-12-31T15:30:00Z'), deadline: '2024-12-31' }), // still 2024
    fact({ raisedByOrgId: 'bureau', ownerOrgId: 'village', status: 'resolved', resolvedOn: '2025-08-01' }),
  ];

  it('counts the whole pairing without an organisation', () => {
    expect(ledgerYearCounts(items, 2025, afterYear)).toEqual({
      problemsRaised: 3,
      problemsResolved: 2,
      problemsOverdue: 2,
    });
  });

  it('counts raised by, and resolved or overdue for, one organisation', () => {
    expect(ledgerYearCounts(items, 2025, afterYear, 'bureau')).toEqual({
      problemsRaised: 1,
      problemsResolved: 1,
      problemsOverdue: 1,
    });
    expect(ledgerYearCounts(items, 2025, afterYear, 'village')).toEqual({
      problemsRaised: 2,
      problemsResolved: 1,
      problemsOverdue: 1,
    });
  });
});

describe('needsMetInYear', () => {
  it('counts needs met in the Shanghai year, by whoever met them', () => {
    const needs = [
      { status: 'met' as const, matchedByOrgId: 'bureau', metAt: new Date('2025-12-31T15:00:00Z') },
      { status: 'met' as const, matchedByOrgId: 'bureau', metAt: new Date('2025-12-31T16:00:00Z') }, // 2026
      { status: 'matched' as const, matchedByOrgId: 'bureau', metAt: null },
      { status: 'met' as const, matchedByOrgId: 'school', metAt: new Date('2025-04-01T00:00:00Z') },
    ];
    expect(needsMetInYear(needs, 2025)).toBe(2);
    expect(needsMetInYear(needs, 2025, 'bureau')).toBe(1);
    expect(needsMetInYear(needs, 2026)).toBe(1);
  });
});
