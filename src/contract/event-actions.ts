/**
 * Event and registration actions: the list, the detail page, editing a draft, publishing, sign-up.
 * An event belongs to a branch or to a pairing (on behalf of all its sides).
 */
import { z } from 'zod';
import { eventDetails, eventId, eventPatch, memberId, reason } from './event-fields';
import type { EventDetail, EventPage, RegistrationResult } from './event-models';
import { input } from './fields';
import { pairingId } from './org-fields';
import { action, ANY_MEMBER } from './spec';

export const EVENT_PAGE_MAX = 20;

const byEvent = input({ eventId });

export const eventActions = {
  'event.list': action<EventPage>()({
    input: () =>
      input({
        /** upcoming: not yet ended, soonest first; past: ended, latest first. */
        scope: z.enum(['upcoming', 'past']).default('upcoming'),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(EVENT_PAGE_MAX).default(10),
        /** Only the events this pairing owns (one the caller belongs to or manages). */
        pairingId: pairingId.optional(),
      }),
    roles: ANY_MEMBER,
  }),
  'event.get': action<EventDetail>()({ input: () => byEvent, roles: ANY_MEMBER }),
  'event.create': action<EventDetail>()({ input: () => eventDetails, roles: ANY_MEMBER }),
  'event.update': action<EventDetail>()({ input: () => eventPatch, roles: ANY_MEMBER }),
  'event.publish': action<EventDetail>()({ input: () => byEvent, roles: ANY_MEMBER }),
  'event.cancel': action<EventDetail>()({ input: () => input({ eventId, reason }), roles: ANY_MEMBER }),
  'registration.signUp': action<RegistrationResult>()({ input: () => byEvent, roles: ANY_MEMBER }),
  'registration.cancel': action<RegistrationResult>()({ input: () => byEvent, roles: ANY_MEMBER }),
  /** An organiser gives a member's place (seat or waitlist) back, with a reason the member sees. */
  'registration.release': action<RegistrationResult>()({
    input: () => input({ eventId, memberId, reason }),
    roles: ANY_MEMBER,
  }),
} as const;
