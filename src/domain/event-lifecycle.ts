/**
 * An event's lifecycle: draft → published → (cancelled | finished). Finished is not stored: a
 * published event is finished once its end has passed, so no job has to flip it on time.
 */
import type { EventStatus } from '../contract';

export type StoredStatus = 'draft' | 'published' | 'cancelled';

export function effectiveStatus(stored: StoredStatus, endsAt: Date, now: Date): EventStatus {
  return stored === 'published' && now.getTime() >= endsAt.getTime() ? 'finished' : stored;
}

/** Open for sign-up: published and not past the deadline (inclusive). */
export function signUpOpen(event: { status: StoredStatus; signUpDeadline: Date }, now: Date): boolean {
  return event.status === 'published' && now.getTime() <= event.signUpDeadline.getTime();
}

/** Members may cancel until the start; the waitlist moves up until then too. */
export function registrationCutoff(event: { startsAt: Date }): Date {
  return event.startsAt;
}

/** What a draft still lacks before it can be published (field names). */
export function missingForPublish(event: { theme: string; place: { name: string } }): string[] {
  const missing: string[] = [];
  if (event.theme.trim() === '') missing.push('theme');
  if (event.place.name.trim() === '') missing.push('place.name');
  return missing;
}
