/** Every action's handler, keyed by the contract's action names (a missing one fails to compile). */
import * as checkIn from './check-in';
import * as checkInPrint from './check-in-print';
import * as events from './events';
import * as files from './files';
import * as member from './member';
import * as registration from './registration';
import * as themeDay from './theme-day';
import { inviteHandlers } from './invites';
import { membershipHandlers } from './membership';
import { orgHandlers } from './org';
import { figuresHandlers } from './figures';
import { ledgerHandlers } from './ledger';
import { pairingHandlers } from './pairing';
import { pairingListHandlers } from './pairing-lists';
import { studyHandlers } from './study';
import { studyPlanHandlers } from './study-plans';
import { pointsHandlers } from './points';
import { postHandlers } from './posts';
import { noticeHandlers } from './notices';
import { reminderHandlers } from './reminders';
import { reviewHandlers } from './review';
import type { HandlerTable } from './types';

export const handlers: HandlerTable = {
  'member.me': member.me,
  'invite.preview': member.previewInvite,
  'member.join': member.join,
  ...orgHandlers,
  ...membershipHandlers,
  ...inviteHandlers,
  ...pairingHandlers,
  ...pairingListHandlers,
  ...ledgerHandlers,
  ...figuresHandlers,
  ...studyHandlers,
  ...studyPlanHandlers,
  ...pointsHandlers,
  ...reminderHandlers,
  ...reviewHandlers,
  'themeDay.rule.get': themeDay.getRule,
  'themeDay.rule.set': themeDay.setRule,
  'themeDay.calendar': themeDay.calendar,
  'themeDay.occurrence.move': themeDay.moveOccurrence,
  'themeDay.occurrence.cancel': themeDay.cancelOccurrence,
  'event.list': events.list,
  'event.get': events.get,
  'event.create': events.create,
  'event.update': events.update,
  'event.publish': events.publish,
  'event.cancel': events.cancel,
  'registration.signUp': registration.signUp,
  'registration.cancel': registration.cancel,
  'registration.release': registration.release,
  'file.prepareUpload': files.prepareUpload,
  'checkin.code': checkIn.code,
  'checkin.scan': checkIn.scan,
  'checkin.printCode': checkInPrint.printCode,
  'checkin.resolveCode': checkInPrint.resolveCode,
  'checkin.manual': checkIn.manual,
  'checkin.undo': checkIn.undo,
  'attendance.get': checkIn.attendance,
  'attendance.export': checkIn.exportAttendance,
  ...postHandlers,
  ...noticeHandlers,
};
