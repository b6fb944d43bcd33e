/**
 * CloudBase / SCF timer cron: seven space-separated fields
 * `second minute hour day month weekday year`, each `*`, `?` (day and weekday), a number or name,
 * a range `a-b`, a step `*\/n`, `a/n` or `a-b/n`, or a comma list of those. Weekday 0 is Sunday.
 * SCF's L, W and # are not supported (rejected as syntax errors). Evaluated in a fixed UTC offset
 * (China Standard Time by default), never in the machine's TZ.
 */
export interface CronSchedule {
  source: string;
  second: ReadonlySet<number>;
  minute: ReadonlySet<number>;
  hour: ReadonlySet<number>;
  day: ReadonlySet<number>;
  month: ReadonlySet<number>;
  weekday: ReadonlySet<number>;
  year: ReadonlySet<number>;
  /** `*` or `?` in the day / weekday field: that field doesn't restrict. */
  anyDay: boolean;
  anyWeekday: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

export class CronSyntaxError extends Error {}

function parseValue(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + spec.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new CronSyntaxError(`${spec.name}: ${text} is not in ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [rangeText, stepText, ...rest] = item.split('/');
    if (rest.length > 0 || rangeText === '') throw new CronSyntaxError(`${spec.name}: bad item "${item}"`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronSyntaxError(`${spec.name}: bad step in "${item}"`);
    let from: number;
    let to: number;
    if (rangeText === '*' || rangeText === '?') {
      [from, to] = [spec.min, spec.max];
    } else if (rangeText.includes('-')) {
      const [a, b] = rangeText.split('-');
      [from, to] = [parseValue(a, spec), parseValue(b, spec)];
      if (from > to) throw new CronSyntaxError(`${spec.name}: empty range "${item}"`);
    } else {
      from = parseValue(rangeText, spec);
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== FIELDS.length)
    throw new CronSyntaxError(
      `expected 7 fields (sec min hour day month weekday year), got ${parts.length}: "${source}"`,
    );
  parts.forEach((part, i) => {
    if (part === '?' && FIELDS[i].name !== 'day' && FIELDS[i].name !== 'weekday')
      throw new CronSyntaxError(`${FIELDS[i].name}: "?" only allowed for day and weekday`);
  });
  const [second, minute, hour, day, month, weekday, year] = parts.map((part, i) => parseField(part, FIELDS[i]));
  const isAny = (part: string): boolean => part === '*' || part === '?';
  return {
    source,
    second,
    minute,
    hour,
    day,
    month,
    weekday,
    year,
    anyDay: isAny(parts[3]),
    anyWeekday: isAny(parts[5]),
  };
}

/** Does the schedule fire in the second containing `at`, read at the given UTC offset? */
export function cronMatches(schedule: CronSchedule, at: Date, utcOffsetMinutes: number): boolean {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const dayOk = schedule.day.has(local.getUTCDate());
  const weekdayOk = schedule.weekday.has(local.getUTCDay());
  // As in cron: when both day and weekday are restricted, either one may match.
  const dateOk = schedule.anyDay ? weekdayOk : schedule.anyWeekday ? dayOk : dayOk || weekdayOk;
  return (
    dateOk &&
    schedule.second.has(local.getUTCSeconds()) &&
    schedule.minute.has(local.getUTCMinutes()) &&
    schedule.hour.has(local.getUTCHours()) &&
    schedule.month.has(local.getUTCMonth() + 1) &&
    schedule.year.has(local.getUTCFullYear())
  );
}
