/** 年度数据 on 支部管理: the branch's year figures as labelled cells, and the years to choose from. */
import type { BranchYearFigures } from '../../../../src/contract';

export interface FigureCell {
  key: string;
  label: string;
  value: number;
  className: string;
}

type Count = Exclude<keyof BranchYearFigures, 'year' | 'branchId'>;

/** In the order a branch reads them out at its assessment; overdue problems stand out when any. */
const CELLS: readonly { key: Count; label: string; alert?: true }[] = [
  { key: 'jointActivities', label: '联建活动' },
  { key: 'pairings', label: '联建结对' },
  { key: 'needsMet', label: '需求满足' },
  { key: 'problemsRaised', label: '问题提出' },
  { key: 'problemsResolved', label: '问题解决' },
  { key: 'problemsOverdue', label: '问题逾期', alert: true },
];

export function figureCells(figures: BranchYearFigures): FigureCell[] {
  return CELLS.map(({ key, label, alert }) => ({
    key,
    label,
    value: figures[key],
    className: alert && figures[key] > 0 ? 'figure figure--alert' : 'figure',
  }));
}

export interface YearChip {
  year: number;
  label: string;
  className: string;
}

/** This year and last year (what the assessment looks at), the chosen one marked. */
export function yearChips(thisYear: number, chosen: number): YearChip[] {
  return [thisYear, thisYear - 1].map((year) => ({
    year,
    label: `${year}年`,
    className: year === chosen ? 'chip chip--on' : 'chip',
  }));
}
