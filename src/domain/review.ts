/**
 * Pure rules of the year-end review: an event's attendance with 请假, the periods of the 三会一课
 * cadence, a contact point's duty, and a figure's value from its evidence. Months are 'YYYY-MM'
 * and dates 'YYYY-MM-DD' in Asia/Shanghai.
 */
import type {
  AttendanceTally,
  CadenceItem,
  CadencePeriod,
  CadenceState,
  ContactDuty,
  EvidenceRow,
  FigureUnit,
} from '../contract';

// ── Attendance ───────────────────────────────────────────────────────────────

export interface AttendanceFacts {
  /** Members holding a seat. */
  registered: readonly string[];
  /** Members present after the minutes' corrections (registered or not). */
  present: readonly string[];
  /** Members with a standing 请假. */
  onLeave: readonly string[];
}

/**
 * attended: registered and present; excused: registered, on leave and not present (one who asked
 * for leave and came anyway counts as attended); rate = attended / (registered − excused).
 */
export function tallyAttendance(facts: AttendanceFacts): AttendanceTally {
  const present = new Set(facts.present);
  const onLeave = new Set(facts.onLeave);
  let attended = 0;
  let excused = 0;
  for (const id of new Set(facts.registered)) {
    if (present.has(id)) attended += 1;
    else if (onLeave.has(id)) excused += 1;
  }
  const registered = new Set(facts.registered).size;
  const expected = registered - excused;
  return { registered, excused, attended, rate: expected > 0 ? attended / expected : null };
}

/** Check-ins, then the minutes' corrections in order (the last word on a person stands). */
export function presentAfter(
  checkedIn: readonly string[],
  adjustments: readonly { memberId: string; present: boolean }[],
): string[] {
  const present = new Set(checkedIn);
  for (const a of adjustments) {
    if (a.present) present.add(a.memberId);
    else present.delete(a.memberId);
  }
  return [...present];
}

// ── Cadence ─────────────────────────────────────────────────────────────────

export const DEFAULT_CADENCE: CadenceItem[] = [
  { kind: '支部党员大会', period: 'quarter', times: 1 },
  { kind: '支委会', period: 'month', times: 1 },
  { kind: '党小组会', period: 'month', times: 1 },
  { kind: '党课', period: 'quarter', times: 1 },
  { kind: '主题党日', period: 'month', times: 1 },
];

export const DEFAULT_CONTACT_DUTY: ContactDuty = { notesPerMonth: 1, visitsPerYear: 1 };

const PERIOD_MONTHS: Record<CadencePeriod, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

export interface Period {
  label: string;
  months: string[];
}

const monthText = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`;

/** The period of the rhythm containing `month`, and the one before it. */
export function periodOf(month: string, period: CadencePeriod, offset = 0): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const size = PERIOD_MONTHS[period];
  const index = Math.floor((m - 1) / size) + offset * 1;
  const perYear = 12 / size;
  const year = y + Math.floor(index / perYear);
  const inYear = ((index % perYear) + perYear) % perYear;
  const first = inYear * size + 1;
  const months = Array.from({ length: size }, (_, i) => monthText(year, first + i));
  const label =
    period === 'month'
      ? months[0]!
      : period === 'quarter'
        ? `${year}-Q${inYear + 1}`
        : period === 'halfYear'
          ? `${year}-H${inYear + 1}`
          : `${year}`;
  return { label, months };
}

/** done: enough this period; overdue: the previous period fell short; due: otherwise. */
export function cadenceState(item: CadenceItem, held: number, heldBefore: number): CadenceState {
  if (held >= item.times) return 'done';
  return heldBefore < item.times ? 'overdue' : 'due';
}

// ── Contact points ───────────────────────────────────────────────────────────

export interface DutyFacts {
  termStart: string;
  termEnd: string;
  year: number;
  /** This month (Shanghai): months before it are over. */
  thisMonth: string;
  notesByMonth: ReadonlyMap<string, number>;
  visits: number;
}

export interface DutyOutcome {
  noted: string[];
  missed: string[];
  met: boolean;
  owing: string[];
}

/** Months of `year` inside the term. */
export function termMonths(termStart: string, termEnd: string, year: number): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const month = monthText(year, m);
    if (month >= termStart.slice(0, 7) && month <= termEnd.slice(0, 7)) out.push(month);
  }
  return out;
}

/**
 * A finished month of the term without the required notes is missed; the visits are owed by the
 * end of the year (or of the term, if sooner) and only missed once that has passed.
 */
export function contactDuty(facts: DutyFacts, duty: ContactDuty): DutyOutcome {
  const months = termMonths(facts.termStart, facts.termEnd, facts.year);
  const enough = (month: string) => (facts.notesByMonth.get(month) ?? 0) >= duty.notesPerMonth;
  const noted = months.filter(enough);
  const missed = duty.notesPerMonth > 0 ? months.filter((m) => m < facts.thisMonth && !enough(m)) : [];
  const lastMonth = months[months.length - 1];
  const visitsDue = lastMonth !== undefined && lastMonth < facts.thisMonth;
  const visitsShort = facts.visits < duty.visitsPerYear;
  const owing: string[] = [];
  if (missed.length) owing.push(`${missed.join('、')} 未记录联系情况`);
  if (visitsShort) owing.push(`全年走访 ${facts.visits}/${duty.visitsPerYear} 次`);
  return { noted, missed, met: missed.length === 0 && !(visitsDue && visitsShort), owing };
}

// ── Figures ─────────────────────────────────────────────────────────────────

/** A figure's value from its evidence: the count of rows, the sum of amounts, or Σnum/Σden. */
export function figureValue(unit: FigureUnit, rows: readonly EvidenceRow[]): number | null {
  if (unit === 'count') return rows.length;
  if (unit === 'sum') return rows.reduce((sum, row) => sum + (row.amount ?? 0), 0);
  const den = rows.reduce((sum, row) => sum + (row.den ?? 0), 0);
  return den > 0 ? rows.reduce((sum, row) => sum + (row.num ?? 0), 0) / den : null;
}

export function rowsInMonth(rows: readonly EvidenceRow[], year: number, month: number): EvidenceRow[] {
  const prefix = `${monthText(year, month)}-`;
  return rows.filter((row) => row.date.startsWith(prefix));
}

export function byMonth(unit: FigureUnit, rows: readonly EvidenceRow[], year: number): (number | null)[] {
  return Array.from({ length: 12 }, (_, i) => figureValue(unit, rowsInMonth(rows, year, i + 1)));
}

export function byKind(unit: FigureUnit, rows: readonly EvidenceRow[]): { kind: string; value: number }[] {
  const kinds = [...new Set(rows.flatMap((row) => (row.kind ? [row.kind] : [])))];
  return kinds.map((kind) => ({
    kind,
    value:
      figureValue(
        unit,
        rows.filter((row) => row.kind === kind),
      ) ?? 0,
  }));
}
