/**
 * Set when something a list shows has changed elsewhere (a sign-up on the detail page, a new or
 * published event), so the 活动 tab reloads the next time it appears instead of on every show.
 */
let stale = false;

export function markEventsStale(): void {
  stale = true;
}

/** Whether the list should reload; clears the mark. */
export function takeEventsStale(): boolean {
  const was = stale;
  stale = false;
  return was;
}
