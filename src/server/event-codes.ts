/**
 * The short codes printed check-in codes carry, one per event: whoever asks first creates it, and
 * the unique index on eventId makes a concurrent second attempt fail and read the first instead.
 */
import { randomInt } from 'node:crypto';
import type { EventCodeDoc } from '../db/documents';
import { newEventCode } from '../domain/event-code';
import type { Database } from './cloud';
import { getDoc, isDuplicateWrite } from './docs';

/** A clash needs another event's code (31^8 of them) or a concurrent first print: a few turns suffice. */
const ATTEMPTS = 5;

async function codeOfEvent(db: Database, eventId: string): Promise<EventCodeDoc | null> {
  const { data } = await db.collection('eventCodes').where({ eventId }).limit(1).get();
  return (data as EventCodeDoc[])[0] ?? null;
}

export async function eventCodeFor(db: Database, eventId: string, createdBy: string, now: Date): Promise<EventCodeDoc> {
  for (let attempt = 1; ; attempt++) {
    const existing = await codeOfEvent(db, eventId);
    if (existing) return existing;
    const doc: EventCodeDoc = { _id: newEventCode(randomInt), eventId, createdBy, createdAt: now };
    try {
      await db.collection('eventCodes').add(doc);
      return doc;
    } catch (err) {
      // Taken code or a concurrent print of this event: the next turn tells which.
      if (!isDuplicateWrite(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

export function eventCodeDoc(db: Database, code: string): Promise<EventCodeDoc | null> {
  return getDoc<EventCodeDoc>(db, 'eventCodes', code);
}

export async function recordEventCodeFile(db: Database, code: string, fileId: string): Promise<void> {
  await db.collection('eventCodes').doc(code).update({ fileId });
}
