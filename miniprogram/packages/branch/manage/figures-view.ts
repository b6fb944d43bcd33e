/** 年度数据 on 支部管理: the branch's year figures as labelled cells, and the years to choose from. */
import type { BranchYearFigures, StudyYearFiguresView } from '../../../../src/contract';

export interface FigureCell {
  key: string;
  label: string;
  value: number | string;
  className: string;
}

type Count = Exclude<keyof BranchYearFigures, 'year' | 'branchId' | 'study'>;

/** In the order a branch reads them out at its assessment; overdue problems stand out when any. */
const CELLS: readonly { key: Count; label: string; alert?: true }[] = [
  { key: 'jointActivities', label: '联建活动' },
  { key: 'pairings', label: '联建结对' },
  { key: 'needsMet', label: '需求满足' },
  { key: 'problemsRaised', label: '问题提出' },
  { key: 'problemsResolved', label: '问题解决' },
  { key: 'problemsOverdue', label: '问题逾期', alert: true },
];

const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

/** Study and points (issue 9): from check-ins, plans and the points ledger. */
function studyCells(study: StudyYearFiguresView): FigureCell[] {
  return [
    { key: 'studyParticipation', label: '学习参与率', value: percent(study.studyParticipation), className: 'figure' },
    { key: 'firstTopicCoverage', label: '第一议题覆盖', value: percent(study.firstTopicCoverage), className: 'figure' },
    { key: 'pointsTotal', label: '积分总数', value: study.pointsTotal, className: 'figure' },
    { key: 'pointsAverage', label: '人均积分', value: study.pointsAverage, className: 'figure' },
  ];
}

export function figureCells(figures: BranchYearFigures): FigureCell[] {
  return [
    ...CELLS.map(({ key, label, alert }) => ({
      key,
      label,
      value: figures[key],
      className: alert && figures[key] > 0 ? 'figure figure--alert' : 'figure',
    })),
    ...studyCells(figures.study),
  ];
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
