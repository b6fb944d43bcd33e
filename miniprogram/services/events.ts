/** Events and sign-up: the list, the detail page, a draft's way to publication, registration. */
import type { ActionInput, EventDetail, EventPage, RegistrationResult } from '../../src/contract';
import { callApi } from './api';

/** What the list is narrowed to: upcoming or past, and optionally the events of one pairing. */
export type EventListQuery = Pick<ActionInput<'event.list'>, 'scope' | 'pairingId'>;

/** One page of the list; pass the previous page's `nextCursor` to continue. */
export function listEvents(query: EventListQuery, cursor: string | null, limit = 10): Promise<EventPage> {
  return callApi('event.list', cursor ? { ...query, cursor, limit } : { ...query, limit });
}

export function getEvent(eventId: string): Promise<EventDetail> {
  return callApi('event.get', { eventId });
}

export type EventDetailsInput = ActionInput<'event.create'>;

export function createEvent(details: EventDetailsInput): Promise<EventDetail> {
  return callApi('event.create', details);
}

export function updateEvent(
  eventId: string,
  details: Omit<ActionInput<'event.update'>, 'eventId'>,
): Promise<EventDetail> {
  return callApi('event.update', { eventId, ...details });
}

export function publishEvent(eventId: string): Promise<EventDetail> {
  return callApi('event.publish', { eventId });
}

export function cancelEvent(eventId: string, reason: string): Promise<EventDetail> {
  return callApi('event.cancel', { eventId, reason });
}

export function signUp(eventId: string): Promise<RegistrationResult> {
  return callApi('registration.signUp', { eventId });
}

export function cancelRegistration(eventId: string): Promise<RegistrationResult> {
  return callApi('registration.cancel', { eventId });
}

/** An organiser gives a member's seat or waitlist place back; the member sees the reason. */
export function releaseRegistration(eventId: string, memberId: string, reason: string): Promise<RegistrationResult> {
  return callApi('registration.release', { eventId, memberId, reason });
}
