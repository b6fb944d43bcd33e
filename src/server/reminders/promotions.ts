/**
 * Waitlist promotions, notified as soon as they happen without lengthening a sign-up: the drain
 * that promotes marks the registration `promotionNotice: 'due'` inside its own transaction (no
 * extra write), and the promoted member is reminded by the call that freed the seat (a
 * cancellation or release, after it answered its own change) or, failing that, by the next
 * scheduler firing. Each member is reminded once per event (reminder id
 * `waitlistPromoted_${eventId}_${openid}`).
 */
import type { RegistrationDoc } from '../../db/documents';
import type { Database } from '../cloud';
import { addCounts, deliver, type Counts, type RunClock } from './engine';
import { newJob } from './jobs';
import { kindOf } from './kinds';

async function notifyEvent(
  db: Database,
  eventId: string,
  openids: string[],
  regIds: string[],
  clock: RunClock,
): Promise<Counts> {
  const job = newJob('waitlistPromoted', eventId, { eventId, openids }, clock.now());
  const kind = kindOf('waitlistPromoted');
  const subject = await kind.load(db, job);
  const counts =
    subject && kind.stillDue(subject, clock.now()) ? await deliver(db, job, kind, subject, openids, clock) : {};
  const _ = db.command;
  await db
    .collection('registrations')
    .where({ _id: _.in(regIds), promotionNotice: 'due' })
    .update({ promotionNotice: 'done' });
  return counts;
}

/** Promotions of one event still to be notified. */
export async function notifyPromotions(db: Database, eventId: string, clock: RunClock): Promise<Counts> {
  const { data } = await db.collection('registrations').where({ promotionNotice: 'due', eventId }).limit(1000).get();
  const regs = data as RegistrationDoc[];
  if (regs.length === 0) return {};
  return notifyEvent(
    db,
    eventId,
    regs.map((r) => r.memberId),
    regs.map((r) => r._id),
    clock,
  );
}

/** The scheduler's sweep: every promotion not notified yet. */
export async function notifyAllPromotions(db: Database, clock: RunClock): Promise<Counts> {
  const { data } = await db.collection('registrations').where({ promotionNotice: 'due' }).limit(1000).get();
  const byEvent = new Map<string, RegistrationDoc[]>();
  for (const reg of data as RegistrationDoc[]) byEvent.set(reg.eventId, [...(byEvent.get(reg.eventId) ?? []), reg]);
  const counts: Counts = {};
  for (const [eventId, regs] of byEvent)
    addCounts(
      counts,
      await notifyEvent(
        db,
        eventId,
        regs.map((r) => r.memberId),
        regs.map((r) => r._id),
        clock,
      ),
    );
  return counts;
}
