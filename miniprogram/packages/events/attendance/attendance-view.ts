/** The attendance report as the page shows it: a table by branch, and people filtered by state. */
import type { AttendanceCounts, AttendancePerson, AttendanceReport, CheckInMethod } from '../../../../src/contract';
import { shanghaiTime } from '../../../utils/date';

export type PeopleFilter = 'all' | 'absent' | 'present';

export interface TableRow extends AttendanceCounts {
  id: string;
  name: string;
  className: string;
}

export interface PersonRow {
  memberId: string;
  name: string;
  branchName: string;
  registrationText: string;
  stateText: string;
  stateClass: string;
  /** 补签 for someone not checked in, 撤销 for someone who is. */
  actionText: string;
  present: boolean;
}

const REGISTRATION_TEXT: Record<AttendancePerson['registration'], string> = {
  registered: '已报名',
  waitlisted: '候补',
  none: '未报名',
};

const METHOD_TEXT: Record<CheckInMethod, string> = { qr: '扫码签到', location: '定位签到', manual: '补签' };

export function tableRows(report: AttendanceReport): TableRow[] {
  const rows = report.byBranch.map(({ branch, ...counts }) => ({
    id: branch.id,
    name: branch.name,
    ...counts,
    className: 'attendance__row',
  }));
  if (rows.length < 2) return rows;
  return [
    ...rows,
    { id: 'total', name: '合计', ...report.totals, className: 'attendance__row attendance__row--total' },
  ];
}

function stateOf(person: AttendancePerson): Pick<PersonRow, 'stateText' | 'stateClass'> {
  const check = person.checkIn;
  if (!check) return { stateText: '未签到', stateClass: 'person__state person__state--absent' };
  const late = check.timing === 'late' ? ' · 迟到' : '';
  const by = check.method === 'manual' && check.byName ? ` · ${check.byName}：${check.reason ?? ''}` : '';
  return {
    stateText: `${shanghaiTime(check.at)} ${METHOD_TEXT[check.method]}${late}${by}`,
    stateClass: check.timing === 'late' ? 'person__state person__state--late' : 'person__state',
  };
}

export function personRows(report: AttendanceReport, filter: PeopleFilter): PersonRow[] {
  const branchNames = new Map(report.byBranch.map((row) => [row.branch.id, row.branch.name]));
  return report.people
    .filter((p) => filter === 'all' || (filter === 'present') === (p.checkIn !== null))
    .map((p) => ({
      memberId: p.memberId,
      name: p.name,
      branchName: branchNames.get(p.branchId) ?? '',
      registrationText: REGISTRATION_TEXT[p.registration],
      ...stateOf(p),
      actionText: p.checkIn ? '撤销' : '补签',
      present: p.checkIn !== null,
    }));
}

/** The filter chips with the number of people under each. */
export function filterTabs(report: AttendanceReport, chosen: PeopleFilter) {
  const present = report.people.filter((p) => p.checkIn !== null).length;
  const counts: Record<PeopleFilter, number> = {
    all: report.people.length,
    absent: report.people.length - present,
    present,
  };
  const labels: Record<PeopleFilter, string> = { all: '全部', absent: '未签到', present: '已签到' };
  return (['all', 'absent', 'present'] as const).map((filter) => ({
    filter,
    label: `${labels[filter]} ${counts[filter]}`,
    className: filter === chosen ? 'attendance__filter attendance__filter--on' : 'attendance__filter',
  }));
}
