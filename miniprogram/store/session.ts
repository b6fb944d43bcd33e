/**
 * The signed-in person (`MeView`), fetched once and shared by every page, so switching tabs does
 * not refetch. Pages that change membership call `refreshMe()`.
 */
import type { MeView } from '../../src/contract';
import { getMe } from '../services/member';

let cached: MeView | null = null;
let pending: Promise<MeView> | null = null;
/** Bumped by refreshMe so an older request still in flight cannot overwrite a newer answer. */
let generation = 0;

/** The cached view, or null before the first successful load. */
export function currentMe(): MeView | null {
  return cached;
}

/** The cached view, fetching it the first time; concurrent callers share one request. */
export function loadMe(): Promise<MeView> {
  if (cached) return Promise.resolve(cached);
  if (pending) return pending;
  const mine = generation;
  const request = getMe().then(
    (me) => {
      if (mine === generation) {
        cached = me;
        pending = null;
      }
      return me;
    },
    (err: unknown) => {
      if (mine === generation) pending = null;
      throw err;
    },
  );
  pending = request;
  return request;
}

/** Drops the cache and fetches again; if that fails, the next `loadMe()` retries. */
export function refreshMe(): Promise<MeView> {
  generation += 1;
  cached = null;
  pending = null;
  return loadMe();
}
