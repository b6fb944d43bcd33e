/** Check-in and attendance actions: the rotating code, scanning it, corrections by hand, the report. */
import { eventId, geoPoint, memberId, reason } from './event-fields';
import type { AttendanceExport, AttendanceReport, AttendeeRecord, CheckInCode, CheckInResult } from './event-models';
import { input } from './fields';
import { z } from 'zod';
import { action, ANY_MEMBER, ORGANISERS } from './spec';

export const checkInActions = {
  'checkin.code': action<CheckInCode>()({ input: input({ eventId }), roles: ORGANISERS }),
  /**
   * With `token`: the rotating QR on the secretary's screen. Without: the printed code of an
   * event with coordinates, which then needs `location` within its radius.
   */
  'checkin.scan': action<CheckInResult>()({
    input: input({
      eventId,
      token: z.string().max(100).optional(),
      location: geoPoint.optional(),
    }),
    roles: ANY_MEMBER,
  }),
  'checkin.manual': action<AttendeeRecord>()({ input: input({ eventId, memberId, reason }), roles: ORGANISERS }),
  'checkin.undo': action<AttendeeRecord>()({ input: input({ eventId, memberId, reason }), roles: ORGANISERS }),
  'attendance.get': action<AttendanceReport>()({ input: input({ eventId }), roles: ORGANISERS }),
  /** The report as an .xlsx in cloud storage, with a temporary link. */
  'attendance.export': action<AttendanceExport>()({ input: input({ eventId }), roles: ORGANISERS }),
} as const;
