import type { EvidenceRow } from '../../../src/contract';
import {
  byKind,
  byMonth,
  cadenceState,
  contactDuty,
  figureValue,
  periodOf,
  presentAfter,
  tallyAttendance,
  termMonths,
} from '../../../src/domain/review';

describe('attendance with 请假', () => {
  it('excuses only the registered who asked for leave and did not come', () => {
    expect(tallyAttendance({ registered: ['a', 'b', 'c', 'd'], present: ['a', 'b', 'x'], onLeave: [] })).toEqual({
      registered: 4,
      excused: 0,
      attended: 2,
      rate: 0.5,
    });
    // d asked for leave; b asked but came anyway; x walked in unregistered and asked for nothing.
    expect(
      tallyAttendance({ registered: ['a', 'b', 'c', 'd'], present: ['a', 'b', 'x'], onLeave: ['d', 'b', 'y'] }),
    ).toEqual({
      registered: 4,
      excused: 1,
      attended: 2,
      rate: 2 / 3,
    });
    expect(tallyAttendance({ registered: ['a'], present: [], onLeave: ['a'] }).rate).toBeNull();
  });

  it('applies the minutes’ corrections in order after check-in', () => {
    expect(
      presentAfter(
        ['a', 'b'],
        [
          { memberId: 'c', present: true },
          { memberId: 'a', present: false },
        ],
      ).sort(),
    ).toEqual(['b', 'c']);
    expect(
      presentAfter(
        ['a'],
        [
          { memberId: 'a', present: false },
          { memberId: 'a', present: true },
        ],
      ),
    ).toEqual(['a']);
  });
});

describe('cadence periods', () => {
  it('finds the period of a month and the one before, across years', () => {
    expect(periodOf('2026-05', 'quarter')).toEqual({ label: '2026-Q2', months: ['2026-04', '2026-05', '2026-06'] });
    expect(periodOf('2026-02', 'quarter', -1)).toEqual({ label: '2025-Q4', months: ['2025-10', '2025-11', '2025-12'] });
    expect(periodOf('2026-01', 'month', -1).label).toBe('2025-12');
    expect(periodOf('2026-08', 'halfYear').label).toBe('2026-H2');
    expect(periodOf('2026-08', 'year', -1).months).toHaveLength(12);
  });

  it('is done when held, overdue when the previous period fell short, due otherwise', () => {
    const item = { kind: '支委会' as const, period: 'month' as const, times: 1 };
    expect(cadenceState(item, 1, 0)).toBe('done');
    expect(cadenceState(item, 0, 1)).toBe('due');
    expect(cadenceState(item, 0, 0)).toBe('overdue');
  });
});

describe('contact-point duty', () => {
  const duty = { notesPerMonth: 1, visitsPerYear: 1 };
  const notes = (months: string[]) => new Map(months.map((m) => [m, 1]));

  it('misses a finished month of the term without a note, not the current one', () => {
    expect(termMonths('2026-03-15', '2027-02-28', 2026)).toHaveLength(10);
    const outcome = contactDuty(
      {
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
        year: 2026,
        thisMonth: '2026-05',
        notesByMonth: notes(['2026-01', '2026-03']),
        visits: 0,
      },
      duty,
    );
    expect(outcome.missed).toEqual(['2026-02', '2026-04']);
    expect(outcome.met).toBe(false);
  });

  it('owes the visits only once the year (or term) is over', () => {
    const all = ['01', '02', '03', '04'].map((m) => `2026-${m}`);
    const during = {
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      year: 2026,
      thisMonth: '2026-05',
      notesByMonth: notes(all),
      visits: 0,
    };
    expect(contactDuty(during, duty).met).toBe(true);
    const after = { ...during, termEnd: '2026-04-30' };
    expect(contactDuty(after, duty).met).toBe(false);
    expect(contactDuty({ ...after, visits: 1 }, duty).met).toBe(true);
  });
});

describe('figure values from evidence', () => {
  const row = (date: string, extra: Partial<EvidenceRow> = {}): EvidenceRow => ({
    id: date,
    date,
    title: '',
    link: '',
    ...extra,
  });
  it('counts rows, sums amounts and divides rates, per month and kind', () => {
    const rows = [
      row('2026-01-31', { kind: 'a', amount: 2, num: 1, den: 2 }),
      row('2026-02-01', { kind: 'b', amount: 3, num: 2, den: 2 }),
    ];
    expect(figureValue('count', rows)).toBe(2);
    expect(figureValue('sum', rows)).toBe(5);
    expect(figureValue('rate', rows)).toBe(3 / 4);
    expect(figureValue('rate', [])).toBeNull();
    expect(byMonth('count', rows, 2026).slice(0, 3)).toEqual([1, 1, 0]);
    expect(byMonth('rate', rows, 2026).slice(0, 3)).toEqual([0.5, 1, null]);
    expect(byKind('sum', rows)).toEqual([
      { kind: 'a', value: 2 },
      { kind: 'b', value: 3 },
    ]);
  });
});
