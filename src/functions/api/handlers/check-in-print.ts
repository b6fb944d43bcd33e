/**
 * checkin.printCode / resolveCode: the permanent mini-program code put up at the venue of an event
 * that checks in by location, and what its scene names. The scanner page resolves the code to the
 * event, then loads it and scans without a token as before, so checkin.scan keeps one input shape.
 */
import { AppError } from '../../../contract';
import { eventCodeScene } from '../../../domain/event-code';
import { eventCodeDoc, eventCodeFor, recordEventCodeFile } from '../../../server/event-codes';
import { managedEvent } from '../../../server/events';
import { storedMiniProgramCode } from '../../../server/mini-program-codes';
import { actorOf } from './actor';
import type { Handler } from './types';

/** The scanner page; it reads the code from the scene (miniprogram/utils/check-in-code.ts). */
const CHECK_IN_PAGE = 'packages/events/check-in/index';

export const printCode: Handler<'checkin.printCode'> = async ({ eventId }, ctx) => {
  const { event } = await managedEvent(ctx.db, eventId, actorOf(ctx), 'organiser');
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  // Without a position to check, a photo of the printed code would check anyone in from anywhere.
  if (!event.place.location || !event.place.requireLocation) throw new AppError('PRINT_CODE_NEEDS_LOCATION');
  const code = await eventCodeFor(ctx.db, eventId, ctx.openid, ctx.now);
  const scene = eventCodeScene(code._id);
  const stored = await storedMiniProgramCode(code.fileId, {
    scene,
    page: CHECK_IN_PAGE,
    cloudPath: `check-in-codes/${code._id}.png`,
  });
  if (stored.created) await recordEventCodeFile(ctx.db, code._id, stored.fileId);
  return { scene, fileId: stored.fileId, url: stored.url };
};

/** Only the event's id: event.get and checkin.scan then apply who may see and check in to it. */
export const resolveCode: Handler<'checkin.resolveCode'> = async ({ code }, ctx) => {
  const doc = await eventCodeDoc(ctx.db, code);
  if (!doc) throw new AppError('CHECKIN_CODE_INVALID', '找不到此签到码对应的活动，请扫描现场屏幕上的签到码');
  return { eventId: doc.eventId };
};
