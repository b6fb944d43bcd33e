/** How an event reads on a card and at the top of its page: labels derived once, not in WXML. */
import type { EventStatus, EventSummary, MyCheckIn, MyRegistration, RegistrationCountsView } from '../../src/contract';
import { formatEventTime, shanghaiTime } from './date';

const STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  published: '',
  cancelled: '已取消',
  finished: '已结束',
};

/** The event's state when it is not simply published: 草稿, 已取消, 已结束. */
export function statusLabel(status: EventStatus): string {
  return STATUS_LABELS[status];
}

/** The member's own state: 已签到 14:20 wins over the registration; '' when they have none. */
export function myStateLabel(registration: MyRegistration | null, checkIn: MyCheckIn | null): string {
  if (checkIn) return `已签到 ${shanghaiTime(checkIn.at)}${checkIn.timing === 'late' ? '（迟到）' : ''}`;
  if (!registration) return '';
  if (registration.status === 'registered') return '已报名';
  if (registration.status === 'waitlisted') return `候补第 ${registration.waitlistPosition ?? '?'} 位`;
  return '';
}

/** `已报名 12 人 / 限 30 人 · 候补 3 人`. */
export function countsText(counts: RegistrationCountsView): string {
  const limit = counts.capacity === null ? '' : ` / 限 ${counts.capacity} 人`;
  const waitlist = counts.waitlisted > 0 ? ` · 候补 ${counts.waitlisted} 人` : '';
  return `已报名 ${counts.registered} 人${limit}${waitlist}`;
}

export interface EventCard {
  id: string;
  title: string;
  form: string;
  timeText: string;
  placeName: string;
  stateText: string;
  statusText: string;
  countsText: string;
  /** Cancelled and finished events are greyed (the list's `event-card--muted`). */
  mutedClass: string;
}

export function eventCard(event: EventSummary, now = Date.now()): EventCard {
  return {
    id: event.id,
    title: event.title,
    form: event.form,
    timeText: formatEventTime(event.startsAt, event.endsAt, now),
    placeName: event.placeName || '地点待定',
    stateText: myStateLabel(event.myRegistration, event.myCheckIn),
    statusText: statusLabel(event.status),
    countsText: countsText(event.counts),
    mutedClass: event.status === 'cancelled' || event.status === 'finished' ? 'event-card--muted' : '',
  };
}
