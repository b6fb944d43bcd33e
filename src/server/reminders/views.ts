/** What a member sees of their subscriptions, and what an organiser sees of an event's reminders. */
import type {
  ReminderEventView,
  ReminderKindName,
  ReminderKindSummary,
  ReminderMemberRow,
  SendNowResult,
  SubscriptionView,
} from '../../contract/reminder-models';
import type { EventDoc, RegistrationDoc } from '../../db/documents';
import type { ReminderDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { readAll, readByIds } from '../docs';
import { groupCounts } from '../share/groups';
import { creditsOf, holdersOf } from './credits';
import type { Counts, RunClock } from './engine';
import { enqueueJob, jobId, newJob, runJob } from './jobs';
import { KINDS } from './kinds';
import { TEMPLATES, TEMPLATE_KEYS } from './templates';

export async function subscriptionView(db: Database, openid: string, now: Date): Promise<SubscriptionView> {
  const credits = new Map((await creditsOf(db, openid)).map((doc) => [doc.templateKey, doc]));
  const templates = TEMPLATE_KEYS.map((key) => {
    const template = TEMPLATES[key];
    const doc = credits.get(key);
    return {
      key,
      templateId: template.id,
      title: template.title,
      reason: template.reason,
      mode: template.mode,
      credits: doc?.credits ?? 0,
      longTerm: doc?.longTerm ?? false,
      keep: doc?.keep ?? null,
    };
  });
  const { data } = await db
    .collection('registrations')
    .where({ memberId: openid, status: 'registered' })
    .limit(100)
    .get();
  const eventIds = (data as RegistrationDoc[]).map((r) => r.eventId);
  const events = await readByIds<EventDoc>(db, 'events', eventIds);
  const start = templates.find((t) => t.key === 'eventStart');
  const covered = (start?.credits ?? 0) > 0 || (start?.longTerm ?? false);
  const upcoming = events
    .filter((e) => e.status === 'published' && e.startsAt.getTime() > now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, 20)
    .map((e) => ({ eventId: e._id, title: e.title, startsAt: e.startsAt.toISOString(), covered }));
  return { templates, upcoming };
}

const START_KINDS: ReminderKindName[] = ['eventStartNow', 'eventStart1h', 'eventStart1d'];
/** Rows shown at most (a secretary scrolls; the counts cover everyone). */
const MAX_ROWS = 500;

export async function eventReminderView(db: Database, event: EventDoc): Promise<ReminderEventView> {
  const regs = await readAll<RegistrationDoc>(
    db,
    'registrations',
    { eventId: event._id, status: 'registered' },
    'sequence',
  );
  const reminders = await readAll<ReminderDoc>(db, 'reminders', { eventId: event._id }, 'openid');
  const summaries = new Map<ReminderKindName, ReminderKindSummary>();
  const latest = new Map<string, ReminderDoc>();
  for (const r of reminders) {
    const row =
      summaries.get(r.kind) ??
      ({
        kind: r.kind,
        label: KINDS[r.kind].label,
        sent: 0,
        noCredit: 0,
        refused: 0,
        failed: 0,
        pending: 0,
      } as ReminderKindSummary);
    if (r.state === 'sent') row.sent += 1;
    else if (r.state === 'noCredit') row.noCredit += 1;
    else if (r.state === 'refused') row.refused += 1;
    else if (r.state === 'bug' || r.state === 'failed') row.failed += 1;
    else row.pending += 1;
    summaries.set(r.kind, row);
    if (START_KINDS.includes(r.kind)) {
      const before = latest.get(r.openid);
      if (!before || START_KINDS.indexOf(r.kind) < START_KINDS.indexOf(before.kind)) latest.set(r.openid, r);
    }
  }
  const holders = await holdersOf(
    db,
    regs.map((r) => r.memberId),
    'eventStart',
  );
  const nowDone = new Set(reminders.filter((r) => r.kind === 'eventStartNow').map((r) => r.openid));
  const members: ReminderMemberRow[] = regs.slice(0, MAX_ROWS).map((reg) => {
    const r = latest.get(reg.memberId);
    return {
      memberId: reg.memberId,
      name: reg.name,
      state: r?.state ?? 'none',
      kind: r?.kind ?? null,
      at: r?.sentAt ? r.sentAt.toISOString() : null,
      hasCredit: holders.has(reg.memberId),
    };
  });
  return {
    eventId: event._id,
    title: event.title,
    kinds: [...summaries.values()],
    members,
    withCredit: regs.filter((r) => holders.has(r.memberId) && !nowDone.has(r.memberId)).length,
    sentNow: nowDone.size > 0,
    groups: await groupCounts(db, event),
  };
}

/** A send-now of an organiser: the registered members with a credit, once per member. */
export async function sendNow(db: Database, event: EventDoc, by: string, clock: RunClock): Promise<SendNowResult> {
  const job = newJob('eventStartNow', event._id, { eventId: event._id, createdBy: by }, clock.now());
  if (!(await enqueueJob(db, job))) {
    // Pressed again: the job runs again, and everyone already handled is skipped.
    await db
      .collection('reminderJobs')
      .doc(job._id)
      .update({ state: 'pending', cursor: null, counts: {}, updatedAt: clock.now() });
  }
  const run = await runJob(db, jobId('eventStartNow', event._id), clock, clock.now().getTime() + 12_000);
  const counts: Counts = run?.counts ?? {};
  return {
    eventId: event._id,
    sent: counts.sent ?? 0,
    noCredit: (counts.noCredit ?? 0) + (counts.refused ?? 0),
    failed: (counts.bug ?? 0) + (counts.failed ?? 0) + (counts.retry ?? 0),
    skipped: counts.skipped ?? 0,
  };
}
