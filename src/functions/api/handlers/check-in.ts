/** checkin.*, attendance.get: the rotating code, a member's scan, corrections by hand, the report. */
import { AppError, type AttendeeRecord, type CheckInWindowView } from '../../../contract';
import type { CheckInDoc, EventDoc, MemberDoc } from '../../../db/documents';
import { issueToken, tokenRotatesAt } from '../../../domain/checkin-token';
import { attendanceReport } from '../../../server/attendance';
import { reverseAttendance, settleCheckIns } from '../../../server/attendance-points';
import { attendanceFileName, attendanceWorkbook } from '../../../server/attendance-xlsx';
import {
  assertCheckInEvent,
  assertLocation,
  assertToken,
  CHECKIN_WINDOW_SECONDS,
  openTiming,
  presentCount,
  recordCheckIn,
  undoCheckIn,
  windowOf,
} from '../../../server/check-in';
import { checkInSecret } from '../../../server/checkin-secret';
import { getDoc } from '../../../server/docs';
import { eventRef, managedEvent, visibleOf } from '../../../server/events';
import { storeFile, temporaryLinks } from '../../../server/files';
import { actorOf, nameOf } from './actor';
import { withDocFirst, type Handler } from './types';

function recordOf(doc: CheckInDoc): AttendeeRecord {
  return {
    eventId: doc.eventId,
    memberId: doc.memberId,
    name: doc.name,
    status: doc.status,
    at: doc.at.toISOString(),
    timing: doc.timing,
    method: doc.method,
  };
}

export const code: Handler<'checkin.code'> = async ({ eventId }, ctx) => {
  const { event } = await managedEvent(ctx.db, eventId, actorOf(ctx), 'organiser');
  assertCheckInEvent(event);
  const options = { windowSeconds: CHECKIN_WINDOW_SECONDS };
  const [secret, present] = await Promise.all([checkInSecret(ctx.db), presentCount(ctx.db, eventId)]);
  const state = windowOf(event, ctx.now);
  const window: CheckInWindowView =
    state.state === 'notOpen' ? { state: 'notOpen', opensAt: state.opensAt.toISOString() } : state;
  return {
    eventId,
    title: event.title,
    token: issueToken(eventId, ctx.now, secret, options),
    rotatesAt: tokenRotatesAt(ctx.now, options).toISOString(),
    windowSeconds: CHECKIN_WINDOW_SECONDS,
    window,
    present,
    registered: event.registered,
  };
};

/**
 * The event is read in one call with the caller (see DocFirstHandler), and the scan is one write:
 * its points are settled after it (attendance-points.ts).
 */
export const scan = withDocFirst<'checkin.scan', EventDoc>(
  ({ eventId }) => eventRef(eventId),
  async ({ eventId, token, location }, ctx, loaded) => {
    const actor = actorOf(ctx);
    const [event, secret] = await Promise.all([
      visibleOf(ctx.db, loaded ?? null, actor),
      token === undefined ? null : checkInSecret(ctx.db),
    ]);
    assertCheckInEvent(event);
    const timing = openTiming(event, ctx.now);
    if (token !== undefined && secret) assertToken(token, event, ctx.now, secret);
    assertLocation(event, location, token === undefined);
    const { doc, already } = await recordCheckIn(
      ctx.db,
      event,
      { openid: actor.openid, branchId: actor.branchId, name: nameOf(ctx) },
      {
        method: token === undefined ? 'location' : 'qr',
        timing,
        by: { openid: actor.openid, name: nameOf(ctx), reason: null },
      },
      ctx.now,
    );
    return { eventId, alreadyCheckedIn: already, at: doc.at.toISOString(), timing: doc.timing, method: doc.method };
  },
);

async function audienceMember(
  ctx: Parameters<Handler<'checkin.manual'>>[1],
  memberId: string,
  audience: readonly string[],
): Promise<MemberDoc> {
  const member = await getDoc<MemberDoc>(ctx.db, 'members', memberId);
  if (!member || member.status !== 'active') throw new AppError('NOT_FOUND', '找不到该党员');
  if (!audience.includes(member.branchId)) throw new AppError('FORBIDDEN', '该党员所在支部不在此活动范围内');
  return member;
}

export const manual: Handler<'checkin.manual'> = async ({ eventId, memberId, reason }, ctx) => {
  const actor = actorOf(ctx);
  const { event } = await managedEvent(ctx.db, eventId, actor, 'organiser');
  assertCheckInEvent(event);
  const state = windowOf(event, ctx.now);
  // After the end a correction records attendance, not arrival: it is not marked late.
  const timing = state.state === 'closed' ? 'onTime' : openTiming(event, ctx.now);
  const member = await audienceMember(ctx, memberId, event.audience);
  const { doc, already } = await recordCheckIn(
    ctx.db,
    event,
    { openid: member._id, branchId: member.branchId, name: member.name },
    { method: 'manual', timing, by: { openid: actor.openid, name: nameOf(ctx), reason } },
    ctx.now,
  );
  if (already) throw new AppError('ALREADY_CHECKED_IN', `${member.name} 已经签到`);
  // A correction by hand is rare and its points are expected at once.
  await settleCheckIns(ctx.db, [doc], ctx.now);
  return recordOf(doc);
};

export const undo: Handler<'checkin.undo'> = async ({ eventId, memberId, reason }, ctx) => {
  const actor = actorOf(ctx);
  await managedEvent(ctx.db, eventId, actor, 'organiser');
  const doc = await undoCheckIn(
    ctx.db,
    eventId,
    memberId,
    { openid: actor.openid, name: nameOf(ctx), reason },
    ctx.now,
  );
  await reverseAttendance(ctx.db, doc, reason, ctx.now);
  return recordOf(doc);
};

export const attendance: Handler<'attendance.get'> = async ({ eventId }, ctx) => {
  const { event } = await managedEvent(ctx.db, eventId, actorOf(ctx), 'organiser');
  return attendanceReport(ctx.db, event, ctx.now);
};

export const exportAttendance: Handler<'attendance.export'> = async ({ eventId }, ctx) => {
  const { event } = await managedEvent(ctx.db, eventId, actorOf(ctx), 'organiser');
  const report = await attendanceReport(ctx.db, event, ctx.now);
  const fileId = await storeFile(
    `exports/attendance/${eventId}/${ctx.now.getTime()}.xlsx`,
    await attendanceWorkbook(report),
  );
  const url = (await temporaryLinks([fileId])).get(fileId);
  if (!url) throw new Error(`no temporary link for ${fileId}`);
  return { fileId, url, fileName: attendanceFileName(report) };
};
