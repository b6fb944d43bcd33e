/**
 * Reminder jobs: one fan-out of one kind for one subject (`${kind}_${subjectId}`), created with
 * a deterministic id (so enqueuing twice is harmless) by the scheduler's due scan or where the
 * thing happens (a cancellation, a move). A run takes the job's lease, pages through the
 * recipients from the job's cursor, and saves the cursor after every page: a run that died is
 * resumed by the next firing where it stopped, and the page it was in is safe because each
 * member's reminder is claimed on its own (engine.ts).
 */
import type { ReminderKindName } from '../../contract/reminder-models';
import type { ReminderDoc, ReminderJobDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { getDoc, isDuplicateWrite } from '../docs';
import { addCounts, deliver, type Counts, type RunClock } from './engine';
import { kindOf } from './kinds';

/** A job's lease: longer than one scheduler run. */
const JOB_LEASE_MS = 2 * 60_000;
const DUE_SLACK_MS = 60_000;

export const jobId = (kind: ReminderKindName, subjectId: string): string => `${kind}_${subjectId}`;

export function newJob(
  kind: ReminderKindName,
  subjectId: string,
  fields: {
    eventId?: string | null;
    data?: Record<string, string>;
    openids?: string[] | null;
    createdBy?: string | null;
  },
  now: Date,
): ReminderJobDoc {
  return {
    _id: jobId(kind, subjectId),
    kind,
    subjectId,
    eventId: fields.eventId ?? null,
    data: fields.data ?? {},
    openids: fields.openids ?? null,
    state: 'pending',
    dueAt: now,
    leaseUntil: 0,
    leaseBy: '',
    cursor: null,
    counts: {},
    createdBy: fields.createdBy ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Creates the job unless it exists; answers whether it was new. */
export async function enqueueJob(db: Database, job: ReminderJobDoc): Promise<boolean> {
  try {
    await db.collection('reminderJobs').add(job);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Creates those of `jobs` that do not exist yet, with one read for all of them. */
export async function enqueueMissing(db: Database, jobs: ReminderJobDoc[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const _ = db.command;
  const { data } = await db
    .collection('reminderJobs')
    .where({ _id: _.in(jobs.map((j) => j._id)) })
    .field({ _id: true })
    .limit(1000)
    .get();
  const existing = new Set((data as { _id: string }[]).map((d) => d._id));
  let created = 0;
  for (const job of jobs) if (!existing.has(job._id) && (await enqueueJob(db, job))) created += 1;
  return created;
}

export interface JobRun {
  jobId: string;
  counts: Counts;
  /** False when the time budget ran out first (the next firing goes on). */
  finished: boolean;
}

/**
 * Runs the job if nobody else is (its lease), until it is done or `deadline` (ms) passes; null
 * when another run holds it or it is done.
 */
export async function runJob(db: Database, id: string, clock: RunClock, deadline: number): Promise<JobRun | null> {
  const _ = db.command;
  const takenAt = clock.now().getTime();
  const { updated } = await db
    .collection('reminderJobs')
    .where({ _id: id, state: 'pending', leaseUntil: _.lt(takenAt) })
    .update({ leaseUntil: takenAt + JOB_LEASE_MS, leaseBy: clock.token });
  if (updated !== 1) return null;
  const job = await getDoc<ReminderJobDoc>(db, 'reminderJobs', id);
  if (!job) return null;
  const kind = kindOf(job.kind);
  const subject = await kind.load(db, job);
  const counts: Counts = { ...job.counts };
  const finish = async (finished: boolean, cursor: string | null): Promise<JobRun> => {
    await db
      .collection('reminderJobs')
      .doc(id)
      .update({
        ...(finished ? { state: 'done' } : {}),
        cursor,
        counts,
        leaseUntil: finished ? takenAt + JOB_LEASE_MS : 0,
        updatedAt: clock.now(),
      });
    return { jobId: id, counts, finished };
  };
  if (subject === null || !kind.stillDue(subject, clock.now())) return finish(true, job.cursor);
  let cursor = job.cursor;
  for (;;) {
    const page = await kind.recipients(db, subject, job, cursor);
    addCounts(counts, await deliver(db, job, kind, subject, page.openids, clock));
    cursor = page.next;
    if (cursor === null) return finish(true, null);
    if (clock.now().getTime() > deadline) return finish(false, cursor);
    await db
      .collection('reminderJobs')
      .doc(id)
      .update({ cursor, counts, leaseUntil: clock.now().getTime() + JOB_LEASE_MS, updatedAt: clock.now() });
  }
}

/** Every pending job that is due, oldest first, within the time budget. */
export async function runDueJobs(db: Database, clock: RunClock, deadline: number): Promise<JobRun[]> {
  const _ = db.command;
  const { data } = await db
    .collection('reminderJobs')
    // A trigger's Time is its scheduled second: a job enqueued by a call a moment later is due too.
    .where({ state: 'pending', dueAt: _.lte(new Date(clock.now().getTime() + DUE_SLACK_MS)) })
    .orderBy('dueAt', 'asc')
    .limit(100)
    .get();
  const runs: JobRun[] = [];
  for (const job of data as ReminderJobDoc[]) {
    if (clock.now().getTime() > deadline) break;
    const run = await runJob(db, job._id, clock, deadline);
    if (run) runs.push(run);
  }
  return runs;
}

/** Reminders a passing failure left for later whose back-off has passed: tried again. */
export async function retryDue(db: Database, clock: RunClock): Promise<Counts> {
  const _ = db.command;
  const { data } = await db
    .collection('reminders')
    .where({ state: 'retry', leaseUntil: _.lte(clock.now().getTime()) })
    .limit(200)
    .get();
  const byJob = new Map<string, ReminderDoc[]>();
  for (const reminder of data as ReminderDoc[])
    byJob.set(reminder.jobId, [...(byJob.get(reminder.jobId) ?? []), reminder]);
  const counts: Counts = {};
  for (const [id, reminders] of byJob) {
    const first = reminders[0] as ReminderDoc;
    // Promotions and send-now have no stored job: their reminders carry what one needs.
    const job =
      (await getDoc<ReminderJobDoc>(db, 'reminderJobs', id)) ??
      newJob(first.kind, first.subjectId, { eventId: first.eventId }, clock.now());
    const kind = kindOf(job.kind);
    const subject = await kind.load(db, job);
    if (subject === null || !kind.stillDue(subject, clock.now())) continue;
    const attempts = new Map(reminders.map((r) => [r.openid, r.attempts]));
    addCounts(
      counts,
      await deliver(
        db,
        job,
        kind,
        subject,
        reminders.map((r) => r.openid),
        clock,
        attempts,
      ),
    );
  }
  return counts;
}
