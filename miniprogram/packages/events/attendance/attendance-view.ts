/**
 * The attendance report as the page shows it: a table by branch, people filtered by state, the
 * waitlist in its order (第 n 位), and the dialogs of the corrections an organiser makes.
 */
import type { AttendanceCounts, AttendancePerson, AttendanceReport, CheckInMethod } from '../../../../src/contract';
import { shanghaiTime } from '../../../utils/date';

export type PeopleFilter = 'all' | 'absent' | 'present' | 'waitlist';

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
  /** 释放名额: a place (seat or waitlist) held by someone not checked in, while the event is on. */
  canRelease: boolean;
  waitlisted: boolean;
}

export type DialogMode = 'manual' | 'undo' | 'release';

export interface PersonDialog {
  title: string;
  description: string;
  placeholder: string;
  confirmText: string;
  cancelText: string;
  danger: boolean;
  /** 释放名额 asks for a sentence the member will read: a textarea. */
  multiline: boolean;
}

function registrationText(person: AttendancePerson): string {
  if (person.registration === 'registered') return '已报名';
  if (person.registration === 'none') return '未报名';
  return person.waitlistPosition === null ? '候补' : `候补第 ${person.waitlistPosition} 位`;
}

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

function shown(person: AttendancePerson, filter: PeopleFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'waitlist') return person.registration === 'waitlisted';
  return (filter === 'present') === (person.checkIn !== null);
}

/** The waitlist reads in its order: the one who moves up next first. */
const byPosition = (a: AttendancePerson, b: AttendancePerson): number =>
  (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0);

export function personRows(report: AttendanceReport, filter: PeopleFilter): PersonRow[] {
  const branchNames = new Map(report.byBranch.map((row) => [row.branch.id, row.branch.name]));
  const open = report.event.status === 'published';
  const people = report.people.filter((p) => shown(p, filter));
  if (filter === 'waitlist') people.sort(byPosition);
  return people.map((p) => ({
    memberId: p.memberId,
    name: p.name,
    branchName: branchNames.get(p.branchId) ?? '',
    registrationText: registrationText(p),
    ...stateOf(p),
    actionText: p.checkIn ? '撤销' : '补签',
    present: p.checkIn !== null,
    canRelease: open && p.registration !== 'none' && p.checkIn === null,
    waitlisted: p.registration === 'waitlisted',
  }));
}

/** What each correction asks, naming both ways out: the decision, and keeping things as they are. */
export function personDialog(mode: DialogMode, person: Pick<PersonRow, 'name' | 'waitlisted'>): PersonDialog {
  const record = '原因会记录在签到记录中，并写明由你操作';
  if (mode === 'manual')
    return {
      title: `为 ${person.name} 补签`,
      description: record,
      placeholder: '如：现场手机没电，由书记确认到会',
      confirmText: '确认补签',
      cancelText: '不补签，返回',
      danger: false,
      multiline: false,
    };
  if (mode === 'undo')
    return {
      title: `撤销 ${person.name} 的签到`,
      description: record,
      placeholder: '如：误签，本人未到场',
      confirmText: '撤销签到',
      cancelText: '不撤销，保留签到',
      danger: true,
      multiline: false,
    };
  return {
    title: `释放 ${person.name} 的名额`,
    // The reason is kept with the registration and shown to the member on the event page.
    description: person.waitlisted
      ? `${person.name}将不再候补，本人会看到原因`
      : `名额按候补顺序让给下一位，本人会看到原因`,
    placeholder: '如：本人来电说明当天值班，不能参加',
    confirmText: '释放名额',
    cancelText: '不释放，保留名额',
    danger: true,
    multiline: true,
  };
}

/** The filter chips with the number of people under each; 候补 only when someone waits. */
export function filterTabs(report: AttendanceReport, chosen: PeopleFilter) {
  const present = report.people.filter((p) => p.checkIn !== null).length;
  const counts: Record<PeopleFilter, number> = {
    all: report.people.length,
    absent: report.people.length - present,
    present,
    waitlist: report.people.filter((p) => p.registration === 'waitlisted').length,
  };
  const labels: Record<PeopleFilter, string> = { all: '全部', absent: '未签到', present: '已签到', waitlist: '候补' };
  const filters: PeopleFilter[] = ['all', 'absent', 'present', ...(counts.waitlist > 0 ? ['waitlist' as const] : [])];
  return filters.map((filter) => ({
    filter,
    label: `${labels[filter]} ${counts[filter]}`,
    className: filter === chosen ? 'attendance__filter attendance__filter--on' : 'attendance__filter',
  }));
}
