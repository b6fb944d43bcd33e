/** Check-in and attendance actions: the rotating code, scanning it, corrections by hand, the report. */
import { eventId, geoPoint, memberId, reason } from './event-fields';
import type {
  AttendanceExport,
  AttendanceReport,
  AttendeeRecord,
  CheckInCode,
  CheckInResult,
  PrintedCheckInCode,
} from './event-models';
import { input } from './fields';
import { z } from 'zod';
import { action, ANY_MEMBER, GUESSABLE_PER_MINUTE } from './spec';

/** The short code a printed check-in code's scene carries (src/domain/event-code.ts). */
const eventCode = z
  .string({ required_error: '缺少签到码', invalid_type_error: '签到码格式不正确' })
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, { message: '签到码格式不正确' }));

export const checkInActions = {
  'checkin.code': action<CheckInCode>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /**
   * With `token`: the rotating QR on the secretary's screen. Without: the printed code of an
   * event with coordinates, which then needs `location` within its radius.
   */
  'checkin.scan': action<CheckInResult>()({
    input: () =>
      input({
        eventId,
        token: z.string().max(100).optional(),
        location: geoPoint.optional(),
      }),
    roles: ANY_MEMBER,
  }),
  /** The event's permanent mini-program code to print and put up at the venue; needs its location. */
  'checkin.printCode': action<PrintedCheckInCode>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /** The event a printed code names; the scanner page then loads it and scans as usual. */
  'checkin.resolveCode': action<{ eventId: string }>()({
    input: () => input({ code: eventCode }),
    roles: ANY_MEMBER,
    perMinute: GUESSABLE_PER_MINUTE,
  }),
  'checkin.manual': action<AttendeeRecord>()({ input: () => input({ eventId, memberId, reason }), roles: ANY_MEMBER }),
  'checkin.undo': action<AttendeeRecord>()({ input: () => input({ eventId, memberId, reason }), roles: ANY_MEMBER }),
  'attendance.get': action<AttendanceReport>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
  /** The report as an .xlsx in cloud storage, with a temporary link. */
  'attendance.export': action<AttendanceExport>()({ input: () => input({ eventId }), roles: ANY_MEMBER }),
} as const;
