/** One month of the theme-day calendar as a row: the date, why it moved, what became of it. */
import type { EventStatus, RestDay, ThemeDayOccurrenceView } from '../../../../src/contract';
import { formatCivilDate } from '../../../utils/date';

export interface OccurrenceRow {
  key: string;
  /** The effective date and time, where a move starts from. */
  date: string;
  startTime: string;
  monthText: string;
  dateText: string;
  /** The holiday policy's doing, e.g. `逢国庆节，顺延（原定10月1日 周四）`. */
  adjustText: string;
  /** A move or cancellation by hand: its mark and reason. */
  markText: string;
  markClass: string;
  reasonText: string;
  eventText: string;
  eventId: string;
  holidayMissing: boolean;
  /** 调整 / 取消 for the secretary while it can still change. */
  showActions: boolean;
  rowClass: string;
}

const EVENT_TEXT: Record<EventStatus, string> = {
  draft: '活动草稿',
  published: '已发布',
  cancelled: '活动已取消',
  finished: '已结束',
};

const restName = (rest: RestDay): string => (rest.kind === 'weekend' ? '周末' : rest.holidayName);

function adjustText(o: ThemeDayOccurrenceView, year: number): string {
  const a = o.adjustment;
  if (a.kind === 'none') return '';
  if (a.kind === 'kept') return `逢${restName(a.restDay)}，照常举行`;
  const way = a.direction === 'next' ? '顺延' : '提前';
  return `逢${restName(a.restDay)}${way}（原定${formatCivilDate(o.ruleDate, year)}）`;
}

export function occurrenceRow(o: ThemeDayOccurrenceView, currentYear: number, canManage: boolean): OccurrenceRow {
  const [year, month] = o.key.split('-').map(Number) as [number, number];
  const cancelled = o.status === 'cancelled';
  return {
    key: o.key,
    date: o.date,
    startTime: o.startTime,
    monthText: year === currentYear ? `${month}月` : `${year}年${month}月`,
    dateText: `${formatCivilDate(o.date, currentYear)} ${o.startTime}`,
    adjustText: adjustText(o, currentYear),
    markText: cancelled ? '已取消' : o.status === 'moved' ? '已调整' : '',
    markClass: cancelled ? 'occurrence__mark occurrence__mark--cancelled' : 'occurrence__mark',
    reasonText: o.overrideReason ? `原因：${o.overrideReason}` : '',
    eventText: o.eventStatus ? EVENT_TEXT[o.eventStatus] : '',
    eventId: o.eventId ?? '',
    holidayMissing: o.holidayDataMissing,
    showActions: canManage && !cancelled && o.eventStatus !== 'cancelled' && o.eventStatus !== 'finished',
    rowClass: cancelled ? 'occurrence occurrence--cancelled' : 'occurrence',
  };
}
