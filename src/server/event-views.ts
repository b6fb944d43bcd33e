/** EventDoc → what the pages show: counts, the caller's registration, who is coming by branch. */
import type {
  ComingFromBranch,
  EventDetail,
  EventSummary,
  MyCheckIn,
  MyRegistration,
  RegistrationCountsView,
} from '../contract';
import type { CheckInDoc, EventDoc, LeaveDoc, RegistrationDoc } from '../db/documents';
import { checkInOpensAt } from '../domain/check-in-window';
import type { Actor, OwnerAccess } from '../domain/event-access';
import { effectiveStatus, signUpOpen } from '../domain/event-lifecycle';
import type { Database } from './cloud';
import { checkInId, getDoc, registrationId } from './docs';
import { branchRefs } from './organizations';
import { ownerName } from './owner-access';

const COMING_NAMES = 50;

export function countsView(event: Pick<EventDoc, 'registered' | 'waitlisted' | 'capacity'>): RegistrationCountsView {
  return {
    registered: event.registered,
    waitlisted: event.waitlisted,
    capacity: event.capacity,
    remaining: event.capacity === null ? null : Math.max(0, event.capacity - event.registered - event.waitlisted),
  };
}

/** 1-based: waitlisted registrations of the event with a sequence up to this one. */
export async function waitlistPosition(db: Database, reg: RegistrationDoc): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection('registrations')
    .where({ eventId: reg.eventId, status: 'waitlisted', sequence: _.lte(reg.sequence) })
    .count();
  return total;
}

/** `knownPosition`: the waitlist place a decision just gave it, so none is counted. */
export async function registrationView(
  db: Database,
  reg: RegistrationDoc | null,
  knownPosition?: number,
): Promise<MyRegistration | null> {
  // A first sign-up still in the queue is not a registration yet.
  if (!reg || reg.status === 'pending') return null;
  return {
    status: reg.status,
    waitlistPosition: reg.status === 'waitlisted' ? (knownPosition ?? (await waitlistPosition(db, reg))) : null,
    signedUpAt: reg.signedUpAt.toISOString(),
    ...(reg.status === 'cancelled' && reg.released
      ? { released: { byName: reg.released.byName, reason: reg.released.reason } }
      : {}),
  };
}

export function summaryOf(
  event: EventDoc,
  now: Date,
  mine: MyRegistration | null,
  checkIn: CheckInDoc | null,
): EventSummary {
  return {
    id: event._id,
    kind: event.kind,
    title: event.title,
    theme: event.theme,
    form: event.form,
    status: effectiveStatus(event.status, event.endsAt, now),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    placeName: event.place.name,
    counts: countsView(event),
    myRegistration: mine,
    myCheckIn: checkInView(checkIn),
  };
}

async function comingByBranch(db: Database, event: EventDoc): Promise<ComingFromBranch[]> {
  const branches = await branchRefs(db, event.audience);
  return Promise.all(
    branches.map(async (branch) => {
      const where = { eventId: event._id, branchId: branch.id, status: 'registered' };
      const [{ total }, { data }] = await Promise.all([
        db.collection('registrations').where(where).count(),
        db.collection('registrations').where(where).orderBy('sequence', 'asc').limit(COMING_NAMES).get(),
      ]);
      return { branch, registered: total, names: (data as RegistrationDoc[]).map((r) => r.name) };
    }),
  );
}

export function checkInView(doc: CheckInDoc | null): MyCheckIn | null {
  return doc && doc.status === 'present' ? { at: doc.at.toISOString(), timing: doc.timing } : null;
}

export async function detailOf(
  db: Database,
  event: EventDoc,
  actor: Actor,
  access: OwnerAccess,
  now: Date,
): Promise<EventDetail> {
  const [reg, checkIn, coming, name, leave] = await Promise.all([
    getDoc<RegistrationDoc>(db, 'registrations', registrationId(event._id, actor.openid)),
    getDoc<CheckInDoc>(db, 'checkins', checkInId(event._id, actor.openid)),
    comingByBranch(db, event),
    ownerName(db, event.owner),
    getDoc<LeaveDoc>(db, 'leaves', registrationId(event._id, actor.openid)),
  ]);
  const audience = coming.map((c) => c.branch);
  return {
    ...summaryOf(event, now, await registrationView(db, reg), checkIn),
    owner: event.owner,
    ownerName: name,
    themeDayKey: event.themeDayKey,
    place: event.place,
    signUpDeadline: event.signUpDeadline.toISOString(),
    signUpOpen: signUpOpen(event, now),
    checkInOpensBeforeMinutes: event.checkInOpensBeforeMinutes,
    checkInOpensAt: checkInOpensAt({
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      opensBeforeMinutes: event.checkInOpensBeforeMinutes,
    }).toISOString(),
    audience,
    organisers: event.organisers.map((o) => o.name),
    cancelReason: event.cancelReason,
    coming,
    canManage: access.manages.organiser,
    myLeave: leave
      ? { eventId: leave.eventId, reason: leave.reason, status: leave.status, at: leave.at.toISOString() }
      : null,
  };
}
