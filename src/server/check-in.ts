/**
 * Check-in rules applied to an event, and the one write that records a check-in. Each member's
 * check-in is its own document (`${eventId}_${openid}`), never the event's: two hundred members
 * scanning at once never wait for each other, and a repeated scan finds the first one and answers
 * it again instead of counting twice. Its points are settled after it (attendance-points.ts), so a
 * scan stays one write.
 */
import { AppError, type CheckInMethod } from '../contract';
import type { CheckInAuditEntry, CheckInDoc, EventDoc } from '../db/documents';
import { checkInWindowState, type CheckInWindowState } from '../domain/check-in-window';
import { DEFAULT_WINDOW_SECONDS, verifyToken } from '../domain/checkin-token';
import { withinRadius, type GeoPoint } from '../domain/geo';
import { checkInId, getDocInTx, isDuplicateWrite, withoutId } from './docs';
import type { Database } from './cloud';
import { inTransaction } from './transaction';

export const CHECKIN_WINDOW_SECONDS = DEFAULT_WINDOW_SECONDS;

// Made on first use (see attendance-xlsx.ts): most calls never format a time.
let shanghaiClock: Intl.DateTimeFormat | undefined;
const clockOf = (instant: Date): string =>
  (shanghaiClock ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })).format(instant);

export function windowOf(event: EventDoc, now: Date): CheckInWindowState {
  return checkInWindowState(
    { startsAt: event.startsAt, endsAt: event.endsAt, opensBeforeMinutes: event.checkInOpensBeforeMinutes },
    now,
  );
}

export function assertCheckInEvent(event: EventDoc): void {
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (event.status !== 'published') throw new AppError('NOT_FOUND', '活动尚未发布');
}

/** The timing of a check-in now, or the reason none is accepted. */
export function openTiming(event: EventDoc, now: Date): 'onTime' | 'late' {
  const window = windowOf(event, now);
  if (window.state === 'notOpen')
    throw new AppError('CHECKIN_NOT_OPEN', `签到将于 ${clockOf(window.opensAt)} 开始，请届时再来`);
  if (window.state === 'closed') throw new AppError('CHECKIN_CLOSED');
  return window.timing;
}

export function assertToken(token: string, event: EventDoc, now: Date, secret: Buffer): void {
  const verdict = verifyToken(token, event._id, now, secret, { windowSeconds: CHECKIN_WINDOW_SECONDS });
  switch (verdict.kind) {
    case 'ok':
      return;
    case 'expired':
      throw new AppError('CHECKIN_CODE_EXPIRED');
    case 'wrongEvent':
      throw new AppError('CHECKIN_CODE_OTHER_EVENT');
    default:
      throw new AppError('CHECKIN_CODE_INVALID');
  }
}

/**
 * The QR path checks the position only when the event requires it and the member shared one
 * (refusing location leaves the QR working); the printed code (no token) always needs it.
 */
export function assertLocation(event: EventDoc, location: GeoPoint | undefined, viaPrintedCode: boolean): void {
  const centre = event.place.location;
  if (viaPrintedCode) {
    if (!centre) throw new AppError('CHECKIN_CODE_INVALID', '此活动未设置签到位置，请扫描现场屏幕上的签到码');
    if (!location) throw new AppError('LOCATION_REQUIRED');
  } else if (!centre || !event.place.requireLocation || !location) {
    return;
  }
  if (!withinRadius(location, centre, event.place.radiusM)) throw new AppError('OUT_OF_RANGE');
}

export interface Attendee {
  openid: string;
  branchId: string;
  name: string;
}

export interface Recorder {
  openid: string;
  name: string;
  /** Set for a check-in by hand. */
  reason: string | null;
}

function firstCheckIn(
  event: EventDoc,
  attendee: Attendee,
  how: { method: CheckInMethod; timing: 'onTime' | 'late'; by: Recorder },
  now: Date,
  history: readonly CheckInAuditEntry[],
): CheckInDoc {
  const manual = how.method === 'manual';
  const entry: CheckInAuditEntry = {
    action: manual ? 'manual' : 'checkIn',
    by: how.by.openid,
    byName: how.by.name,
    at: now,
    reason: how.by.reason,
  };
  return {
    _id: checkInId(event._id, attendee.openid),
    eventId: event._id,
    memberId: attendee.openid,
    branchId: attendee.branchId,
    name: attendee.name,
    status: 'present',
    at: now,
    timing: how.timing,
    method: how.method,
    byName: manual ? how.by.name : null,
    reason: manual ? how.by.reason : null,
    history: [...history, entry],
    pointsDue: true,
  };
}

/**
 * Records the check-in unless one stands; answers the standing one and whether it already stood.
 * The common case, a first scan, is one insert that the database refuses if the document exists;
 * only then (a repeat, or a check-in after an undo) does a transaction decide.
 */
export async function recordCheckIn(
  db: Database,
  event: EventDoc,
  attendee: Attendee,
  how: { method: CheckInMethod; timing: 'onTime' | 'late'; by: Recorder },
  now: Date,
): Promise<{ doc: CheckInDoc; already: boolean }> {
  const fresh = firstCheckIn(event, attendee, how, now, []);
  try {
    await db.collection('checkins').add(fresh);
    return { doc: fresh, already: false };
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
  return inTransaction(db, async (tx) => {
    const existing = await getDocInTx<CheckInDoc>(tx, 'checkins', fresh._id);
    if (existing && existing.status === 'present') return { doc: existing, already: true };
    const doc = firstCheckIn(event, attendee, how, now, existing?.history ?? []);
    await tx.collection('checkins').doc(doc._id).set(withoutId(doc));
    return { doc, already: false };
  });
}

/** Withdraws a standing check-in, keeping who did it and why in its history. */
export async function undoCheckIn(
  db: Database,
  eventId: string,
  memberId: string,
  by: Recorder,
  now: Date,
): Promise<CheckInDoc> {
  const id = checkInId(eventId, memberId);
  return inTransaction(db, async (tx) => {
    const existing = await getDocInTx<CheckInDoc>(tx, 'checkins', id);
    if (!existing || existing.status !== 'present') throw new AppError('NOT_CHECKED_IN');
    const entry: CheckInAuditEntry = { action: 'undo', by: by.openid, byName: by.name, at: now, reason: by.reason };
    // Not due any more: what was awarded is reversed by the caller, what was not never will be.
    const doc: CheckInDoc = { ...existing, status: 'undone', history: [...existing.history, entry], pointsDue: false };
    await tx.collection('checkins').doc(id).set(withoutId(doc));
    return doc;
  });
}

export async function presentCount(db: Database, eventId: string): Promise<number> {
  const { total } = await db.collection('checkins').where({ eventId, status: 'present' }).count();
  return total;
}
