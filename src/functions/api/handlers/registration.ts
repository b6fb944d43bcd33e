/** registration.*: signing up for an event (a seat or a waitlist place) and cancelling. */
import type { RegistrationResult } from '../../../contract';
import type { Database } from '../../../server/cloud';
import { countsView, registrationView } from '../../../server/event-views';
import { visibleEvent } from '../../../server/events';
import { cancelRegistration, signUp as signUpFor, type RegistrationChange } from '../../../server/registrations';
import { actorOf, nameOf } from './actor';
import type { Handler } from './types';

async function resultOf(db: Database, { event, registration }: RegistrationChange): Promise<RegistrationResult> {
  return { eventId: event._id, registration: await registrationView(db, registration), counts: countsView(event) };
}

export const signUp: Handler<'registration.signUp'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  await visibleEvent(ctx.db, eventId, actor);
  return resultOf(ctx.db, await signUpFor(ctx.db, eventId, actor, nameOf(ctx), ctx.now));
};

export const cancel: Handler<'registration.cancel'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  await visibleEvent(ctx.db, eventId, actor);
  return resultOf(ctx.db, await cancelRegistration(ctx.db, eventId, actor, ctx.now));
};
