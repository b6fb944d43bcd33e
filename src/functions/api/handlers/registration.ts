/** registration.*: signing up for an event (a seat or a waitlist place), cancelling, releasing a place. */
import type { RegistrationResult } from '../../../contract';
import type { EventDoc } from '../../../db/documents';
import type { Database } from '../../../server/cloud';
import { countsView, registrationView } from '../../../server/event-views';
import { eventRef, managedEvent, visibleEvent, visibleOf } from '../../../server/events';
import {
  cancelRegistration,
  releaseRegistration,
  signUp as signUpFor,
  type RegistrationChange,
} from '../../../server/registrations';
import { actorOf, nameOf } from './actor';
import { tellPromoted } from './reminders';
import { withDocFirst, type Handler } from './types';

async function resultOf(
  db: Database,
  { event, registration, waitlistPosition }: RegistrationChange,
): Promise<RegistrationResult> {
  return {
    eventId: event._id,
    registration: await registrationView(db, registration, waitlistPosition),
    counts: countsView(event),
  };
}

/** The event is read in one call with the caller (see DocFirstHandler), then the place is claimed. */
export const signUp = withDocFirst<'registration.signUp', EventDoc>(
  ({ eventId }) => eventRef(eventId),
  async (_input, ctx, loaded) => {
    const actor = actorOf(ctx);
    const event = await visibleOf(ctx.db, loaded ?? null, actor);
    return resultOf(ctx.db, await signUpFor(ctx.db, event, actor, nameOf(ctx), ctx.now));
  },
);

export const cancel: Handler<'registration.cancel'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  const event = await visibleEvent(ctx.db, eventId, actor);
  const result = await resultOf(ctx.db, await cancelRegistration(ctx.db, event, actor, ctx.now));
  await tellPromoted(ctx.db, eventId, ctx.now);
  return result;
};

export const release: Handler<'registration.release'> = async ({ eventId, memberId, reason }, ctx) => {
  const actor = actorOf(ctx);
  await managedEvent(ctx.db, eventId, actor, 'organiser');
  const by = { openid: actor.openid, name: nameOf(ctx) };
  const result = await resultOf(ctx.db, await releaseRegistration(ctx.db, eventId, memberId, by, reason, ctx.now));
  await tellPromoted(ctx.db, eventId, ctx.now);
  return result;
};
