/**
 * What the scheduler finds due at an instant: start reminders (1 day and 1 hour before, hours
 * from subscribe-templates.json `schedule`), sign-up deadline reminders, promotions not yet
 * notified, notices a day old (hours from `schedule.noticeUnread`) for those who have not read
 * them, and (once a day) overdue ledger items. Each becomes a job with a deterministic id,
 * so finding it again at the next firing creates nothing.
 */
import config from '../../../subscribe-templates.json';
import type { ReminderKindName } from '../../contract/reminder-models';
import type { EventDoc } from '../../db/documents';
import type { NoticeDoc } from '../../db/documents';
import type { LedgerItemDoc } from '../../db/org-documents';
import type { ReminderJobDoc } from '../../db/reminder-documents';
import { shanghaiDateOf } from '../../domain/shanghai-time';
import type { Database } from '../cloud';
import { enqueueMissing, newJob } from './jobs';
import { noticeLive } from './kinds';

const HOUR = 3_600_000;
const SCHEDULE = config.schedule as {
  eventStart1d: number;
  eventStart1h: number;
  signUpDeadline: number;
  noticeUnread: number;
};
/**
 * How far back a notice's reminder is still found after it fell due: firings missed for a day
 * (an outage) catch up, and an old notice (or every notice, when the kind is first deployed) is
 * never reminded of.
 */
const NOTICE_CATCH_UP_HOURS = 24;

/** The start reminder due for an event at `now`: the 1-hour one inside its hour, else the 1-day one. */
export function startKindDue(startsAt: Date, now: Date): ReminderKindName | null {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= SCHEDULE.eventStart1h * HOUR) return 'eventStart1h';
  if (left <= SCHEDULE.eventStart1d * HOUR) return 'eventStart1d';
  return null;
}

/** Published events starting (or closing sign-up) within the longest reminder window. */
async function eventsWithin(
  db: Database,
  field: 'startsAt' | 'signUpDeadline',
  now: Date,
  hours: number,
): Promise<EventDoc[]> {
  const _ = db.command;
  const { data } = await db
    .collection('events')
    .where({ status: 'published', [field]: _.gt(now).and(_.lte(new Date(now.getTime() + hours * HOUR))) })
    .limit(1000)
    .get();
  return data as EventDoc[];
}

export async function enqueueDueEvents(db: Database, now: Date): Promise<number> {
  const jobs: ReminderJobDoc[] = [];
  for (const event of await eventsWithin(db, 'startsAt', now, SCHEDULE.eventStart1d)) {
    const kind = startKindDue(event.startsAt, now);
    // Per start time: an event moved after its reminder is reminded again of the new time.
    if (kind) jobs.push(newJob(kind, `${event._id}@${event.startsAt.getTime()}`, { eventId: event._id }, now));
  }
  for (const event of await eventsWithin(db, 'signUpDeadline', now, SCHEDULE.signUpDeadline)) {
    // A deadline at the start itself is covered by the start reminder.
    if (event.signUpDeadline.getTime() < event.startsAt.getTime())
      jobs.push(newJob('signUpDeadline', event._id, { eventId: event._id }, now));
  }
  return enqueueMissing(db, jobs);
}

/** Overdue ledger items (deadline before today in Shanghai, still open): one reminder per item and deadline. */
export async function enqueueOverdueLedger(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const today = shanghaiDateOf(now);
  const { data } = await db
    .collection('ledgerItems')
    .where({ status: _.in(['open', 'inProgress']), deadline: _.lt(today) })
    .limit(1000)
    .get();
  const jobs = (data as LedgerItemDoc[]).map((item) =>
    newJob('ledgerOverdue', `${item._id}@${item.deadline}`, {}, now),
  );
  return enqueueMissing(db, jobs);
}

/**
 * Published notices whose publication is `schedule.noticeUnread` hours ago (up to a day more):
 * one unread reminder each, `noticeUnread_${noticeId}`, so finding it again creates nothing.
 */
export async function enqueueUnreadNotices(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const dueBy = new Date(now.getTime() - SCHEDULE.noticeUnread * HOUR);
  const since = new Date(dueBy.getTime() - NOTICE_CATCH_UP_HOURS * HOUR);
  const { data } = await db
    .collection('notices')
    .where({ status: 'published', publishedAt: _.gt(since).and(_.lte(dueBy)) })
    .limit(1000)
    .get();
  const jobs = (data as NoticeDoc[])
    .filter((notice) => noticeLive(notice, now))
    .map((notice) => newJob('noticeUnread', notice._id, {}, now));
  return enqueueMissing(db, jobs);
}
