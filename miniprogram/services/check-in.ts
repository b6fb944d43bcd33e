/** Check-in and attendance: the rotating code, a scan, corrections by hand, the report and its export. */
import type {
  AttendanceExport,
  AttendanceReport,
  AttendeeRecord,
  CheckInCode,
  CheckInResult,
  GeoPointView,
  PrintedCheckInCode,
} from '../../src/contract';
import { callApi } from './api';

export function getCheckInCode(eventId: string): Promise<CheckInCode> {
  return callApi('checkin.code', { eventId });
}

/** The scanned token, plus the member's position when the event asks for it and they allowed it. */
export function scanCheckIn(eventId: string, token: string, location: GeoPointView | null): Promise<CheckInResult> {
  return callApi('checkin.scan', location ? { eventId, token, location } : { eventId, token });
}

/** The printed code's path: no token, the position is the proof of presence. */
export function checkInByLocation(eventId: string, location: GeoPointView): Promise<CheckInResult> {
  return callApi('checkin.scan', { eventId, location });
}

/** The event's permanent mini-program code, to print and put up at the venue. */
export function printCheckInCode(eventId: string): Promise<PrintedCheckInCode> {
  return callApi('checkin.printCode', { eventId });
}

/** The event a printed code's scene names. */
export async function eventOfPrintedCode(code: string): Promise<string> {
  return (await callApi('checkin.resolveCode', { code })).eventId;
}

export function checkInByHand(eventId: string, memberId: string, reason: string): Promise<AttendeeRecord> {
  return callApi('checkin.manual', { eventId, memberId, reason });
}

export function undoCheckIn(eventId: string, memberId: string, reason: string): Promise<AttendeeRecord> {
  return callApi('checkin.undo', { eventId, memberId, reason });
}

export function getAttendance(eventId: string): Promise<AttendanceReport> {
  return callApi('attendance.get', { eventId });
}

/** The report as an .xlsx in cloud storage, with a temporary link to open it. */
export function exportAttendance(eventId: string): Promise<AttendanceExport> {
  return callApi('attendance.export', { eventId });
}
