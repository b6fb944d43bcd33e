/** registration.*: signing up for an event (a seat or a waitlist place), cancelling, releasing a place. */
import type { RegistrationResult } from '../../../contract';
import type { EventDoc } from '../../../db/documents';
import type { Database } from '../../../server/cloud';
import { countsView, registrationView } from '../../../server/event-views';
import { eventRef, loadEvent, managedEvent, visibleEvent, visibleOf } from '../../../server/events';
import { placeHint } from '../../../server/registration-claims';
import {
  cancelRegistration,
  releaseRegistration,
  signUpByHint,
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

/**
 * A warm instance that has seen the event lately claims at once (the claim checks what reading
 * the event would); otherwise the event is read in one call with the caller (see
 * DocFirstHandler), and it is read after a claim that failed, to say why or to queue.
 */
export const signUp = withDocFirst<'registration.signUp', EventDoc>(
  ({ eventId }) => (placeHint(eventId) ? null : eventRef(eventId)),
  async ({ eventId }, ctx, loaded) => {
    const actor = actorOf(ctx);
    if (loaded === undefined) {
      const claimed = await signUpByHint(ctx.db, eventId, actor, nameOf(ctx), ctx.now);
      if (claimed) return resultOf(ctx.db, claimed);
    }
    const event = await visibleOf(ctx.db, loaded === undefined ? await loadEvent(ctx.db, eventId) : loaded, actor);
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
