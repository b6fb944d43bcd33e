/** 学习记录: a month grid of study days (补学 marked) and the list rows. */
import type { StudyCalendarView, StudyCheckInView } from '../../../../src/contract';

export interface CalendarCell {
  key: string;
  label: string;
  className: string;
}

/** Monday-first weeks of the month; days studied marked, 补学 marked differently. */
export function calendarCells(view: StudyCalendarView): CalendarCell[] {
  const [year, month] = view.month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const kinds = new Map(view.days.map((d) => [d.day, d.kind]));
  const cells: CalendarCell[] = Array.from({ length: lead }, (_, i) => ({
    key: `pad-${i}`,
    label: '',
    className: 'cal__cell',
  }));
  for (let d = 1; d <= days; d++) {
    const day = `${view.month}-${String(d).padStart(2, '0')}`;
    const kind = kinds.get(day);
    cells.push({
      key: day,
      label: String(d),
      className:
        kind === 'daily'
          ? 'cal__cell cal__cell--done'
          : kind === 'makeUp'
            ? 'cal__cell cal__cell--makeup'
            : 'cal__cell',
    });
  }
  return cells;
}

export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function historyRow(item: StudyCheckInView) {
  return {
    id: item.id,
    title: item.title,
    meta: `${Number(item.day.slice(5, 7))}月${Number(item.day.slice(8))}日 · ${item.materialKind} · ${item.minutes} 分钟${item.kind === 'makeUp' ? ' · 补学' : ''}`,
    reflection: item.reflection ?? '',
    note:
      item.reflectionState === 'review'
        ? '心得审核中，仅自己可见'
        : item.reflectionState === 'hidden'
          ? '心得未通过审核，仅自己可见'
          : '',
  };
}
