/** Moves and cancellations of events, enqueued where they happen; the scheduler's next firing sends them. */
import type { EventDoc } from '../../db/documents';
import type { Database } from '../cloud';
import { enqueueJob, newJob } from './jobs';

export async function noteEventCancelled(db: Database, event: EventDoc, reason: string, now: Date): Promise<void> {
  await enqueueJob(db, newJob('eventCancelled', event._id, { eventId: event._id, data: { reason } }, now));
}

/** One reminder per new start time: moving twice tells members twice. */
export async function noteEventMoved(db: Database, event: EventDoc, reason: string, now: Date): Promise<void> {
  const subjectId = `${event._id}@${event.startsAt.getTime()}`;
  await enqueueJob(db, newJob('eventMoved', subjectId, { eventId: event._id, data: { reason } }, now));
}
