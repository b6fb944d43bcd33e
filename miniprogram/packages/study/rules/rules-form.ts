/**
 * The points rules form (积分规则): each rule's points and cap as typed, checked on the page with
 * the same limits as the contract (points.rules.set), and turned into the action's input. Pure.
 */
import type { ActionInput, PointRulesView, PointRuleView } from '../../../../src/contract';

export type CapChoice = 'none' | 'day' | 'week' | 'month' | 'year';
type CapPeriod = Exclude<CapChoice, 'none'>;

export const CAP_CHOICES: { value: CapChoice; text: string }[] = [
  { value: 'none', text: '不封顶' },
  { value: 'day', text: '每天' },
  { value: 'week', text: '每周' },
  { value: 'month', text: '每月' },
  { value: 'year', text: '每年' },
];

export const POINTS_MAX = 20;
export const CAP_COUNT_MAX = 50;
export const WINDOW_DAYS_MAX = 31;

export interface RuleRow {
  rule: string;
  label: string;
  points: string;
  cap: CapChoice;
  count: string;
  pointsError: string;
  countError: string;
  /** The cap chips with their classes, so WXML only reads them. */
  chips: { value: CapChoice; text: string; className: string }[];
}

export interface RulesValues {
  rows: RuleRow[];
  windowDays: string;
  windowError: string;
}

function chipsFor(cap: CapChoice): RuleRow['chips'] {
  return CAP_CHOICES.map((c) => ({ ...c, className: c.value === cap ? 'st-chip st-chip--on' : 'st-chip' }));
}

function rowOf(rule: PointRuleView): RuleRow {
  const cap: CapChoice = rule.cap ? rule.cap.per : 'none';
  return {
    rule: rule.rule,
    label: rule.label,
    points: String(rule.points),
    cap,
    count: rule.cap ? String(rule.cap.count) : '1',
    pointsError: '',
    countError: '',
    chips: chipsFor(cap),
  };
}

export function valuesOf(view: PointRulesView): RulesValues {
  return { rows: view.rules.map(rowOf), windowDays: String(view.makeUpWindowDays), windowError: '' };
}

export function withCap(row: RuleRow, cap: CapChoice): RuleRow {
  return { ...row, cap, chips: chipsFor(cap), countError: '' };
}

/** 'a number as typed' → the number, or null when it is not one. */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function pointsError(text: string): string {
  if (text.trim() === '') return '请填写分值';
  const n = numberOf(text);
  if (n === null) return '分值应为数字，如 1 或 0.5';
  if (n < 0) return '分值不能为负';
  if (n > POINTS_MAX) return `分值最多 ${POINTS_MAX}`;
  if (!Number.isInteger(n * 2)) return '分值应为 0.5 的整数倍';
  return '';
}

export function countError(text: string): string {
  if (text.trim() === '') return '请填写封顶次数';
  const n = numberOf(text);
  if (n === null || !Number.isInteger(n)) return '封顶次数应为整数';
  if (n < 1) return '封顶次数至少 1 次';
  if (n > CAP_COUNT_MAX) return `封顶次数最多 ${CAP_COUNT_MAX}`;
  return '';
}

export function windowError(text: string): string {
  if (text.trim() === '') return '请填写补学期限';
  const n = numberOf(text);
  if (n === null || !Number.isInteger(n)) return '补学期限应为整数天';
  if (n < 1) return '补学期限至少 1 天';
  if (n > WINDOW_DAYS_MAX) return `补学期限最多 ${WINDOW_DAYS_MAX} 天`;
  return '';
}

/** The values with every message set; `ok` when none is. */
export function validate(values: RulesValues): { values: RulesValues; ok: boolean } {
  const rows = values.rows.map((row) => ({
    ...row,
    pointsError: pointsError(row.points),
    countError: row.cap === 'none' ? '' : countError(row.count),
  }));
  const checked = { rows, windowDays: values.windowDays, windowError: windowError(values.windowDays) };
  const ok = checked.windowError === '' && rows.every((row) => row.pointsError === '' && row.countError === '');
  return { values: checked, ok };
}

export function rulesInput(committeeId: string, values: RulesValues): ActionInput<'points.rules.set'> {
  return {
    committeeId,
    rules: values.rows.map((row) => ({
      rule: row.rule,
      points: Number(row.points.trim()),
      cap: row.cap === 'none' ? null : { per: row.cap as CapPeriod, count: Number(row.count.trim()) },
    })),
    makeUpWindowDays: Number(values.windowDays.trim()),
  };
}

/**
 * A refused save's INVALID_INPUT issues on their fields (`rules.3.points`, `rules.3.cap.count`,
 * `makeUpWindowDays`); answers the messages that belong to no field.
 */
export function placeServerIssues(
  values: RulesValues,
  issues: readonly { path: string; message: string }[],
): { values: RulesValues; unplaced: string[] } {
  const rows = values.rows.map((row) => ({ ...row }));
  let windowMessage = values.windowError;
  const unplaced: string[] = [];
  for (const issue of issues) {
    const match = /^rules\.(\d+)\.(points|cap)/.exec(issue.path);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row && match?.[2] === 'points') row.pointsError = issue.message;
    else if (row) row.countError = issue.message;
    else if (issue.path === 'makeUpWindowDays') windowMessage = issue.message;
    else unplaced.push(issue.message);
  }
  return { values: { rows, windowDays: values.windowDays, windowError: windowMessage }, unplaced };
}
