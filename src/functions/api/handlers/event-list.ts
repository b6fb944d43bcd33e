/**
 * event.list: the events addressed to the caller's branch, or those a pairing owns, upcoming
 * (soonest first) or past (latest first), a page at a time. The branch list reads its per-branch
 * entries (index branch_status_start); the pairing list reads the events by owner (index
 * owner_status_start_id). Both continue after a cursor of (startsAt, eventId), so a page never
 * repeats or skips an event when others are added meanwhile.
 */
import { AppError, type EventSummary } from '../../../contract';
import type { CheckInDoc, EventDoc, RegistrationDoc, StoredEventStatus } from '../../../db/documents';
import { addressedTo, branchAccess, canSee, ownerKey, type Actor } from '../../../domain/event-access';
import { checkInId, mapByIds, registrationId } from '../../../server/docs';
import { registrationView, summaryOf } from '../../../server/event-views';
import { ownerAccessOnce, readableOwner } from '../../../server/owner-access';
import { actorOf } from './actor';
import type { Handler, HandlerContext } from './types';

interface Cursor {
  startsAt: number;
  eventId: string;
}

function encodeCursor(entry: Cursor): string {
  return Buffer.from(JSON.stringify([entry.startsAt, entry.eventId])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const [startsAt, eventId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof startsAt === 'number' && typeof eventId === 'string') return { startsAt, eventId };
  } catch {
    // fall through: a damaged cursor is the caller's input error
  }
  throw new AppError('INVALID_INPUT', '翻页参数有误，请刷新列表', {
    details: [{ path: 'cursor', message: '翻页参数有误' }],
  });
}

const ALL_STATUSES: StoredEventStatus[] = ['draft', 'published', 'cancelled'];
const SHOWN_STATUSES: StoredEventStatus[] = ['published', 'cancelled'];

interface ListSource {
  collection: 'eventAudiences' | 'events';
  /** What selects the list, before the time scope and the cursor. */
  where: Record<string, unknown>;
  /** Where the event id is in that collection. */
  idField: 'eventId' | '_id';
}

/** Leaders of the branch, or managers of the pairing, see its drafts in the list too. */
async function sourceOf(ctx: HandlerContext, actor: Actor, pairingId: string | undefined): Promise<ListSource> {
  const _ = ctx.db.command;
  if (pairingId === undefined) {
    const statuses = branchAccess(actor.branchId, actor).manages.organiser ? ALL_STATUSES : SHOWN_STATUSES;
    return {
      collection: 'eventAudiences',
      where: { branchId: actor.branchId, status: _.in(statuses) },
      idField: 'eventId',
    };
  }
  const access = await readableOwner(ctx.db, { kind: 'pairing', id: pairingId }, actor);
  const statuses = access.manages.organiser ? ALL_STATUSES : SHOWN_STATUSES;
  return { collection: 'events', where: { ownerKey: ownerKey(access.owner), status: _.in(statuses) }, idField: '_id' };
}

export const listEvents: Handler<'event.list'> = async ({ scope, cursor, limit, pairingId }, ctx) => {
  const actor = actorOf(ctx);
  const _ = ctx.db.command;
  const upcoming = scope === 'upcoming';
  const direction = upcoming ? 'asc' : 'desc';
  const after = upcoming ? _.gt.bind(_) : _.lt.bind(_);
  const source = await sourceOf(ctx, actor, pairingId);
  const conditions: object[] = [{ ...source.where, endsAt: upcoming ? _.gt(ctx.now) : _.lte(ctx.now) }];
  if (cursor) {
    const { startsAt, eventId } = decodeCursor(cursor);
    const at = new Date(startsAt);
    conditions.push(_.or([{ startsAt: after(at) }, { startsAt: at, [source.idField]: after(eventId) }]));
  }
  const { data } = await ctx.db
    .collection(source.collection)
    .where(_.and(conditions))
    .orderBy('startsAt', direction)
    .orderBy(source.idField, direction)
    .limit(limit + 1)
    .get();
  const entries: Cursor[] = (data as (Record<'eventId' | '_id', string> & { startsAt: Date })[])
    .slice(0, limit)
    .map((doc) => ({ startsAt: doc.startsAt.getTime(), eventId: doc[source.idField] }));
  const ids = entries.map((e) => e.eventId);
  const [events, mine, checkIns] = await Promise.all([
    source.collection === 'events'
      ? new Map((data as EventDoc[]).map((doc) => [doc._id, doc]))
      : mapByIds<EventDoc>(ctx.db, 'events', ids),
    mapByIds<RegistrationDoc>(
      ctx.db,
      'registrations',
      ids.map((id) => registrationId(id, actor.openid)),
    ),
    mapByIds<CheckInDoc>(
      ctx.db,
      'checkins',
      ids.map((id) => checkInId(id, actor.openid)),
    ),
  ]);
  const accessOf = ownerAccessOnce(ctx.db, actor);
  const items: EventSummary[] = [];
  for (const id of ids) {
    const event = events.get(id);
    // A draft (or, in a pairing's list, an event for other sides) asks about its owner.
    if (!event || (!addressedTo(event, actor) && !canSee(event, actor, await accessOf(event.owner)))) continue;
    const reg = mine.get(registrationId(id, actor.openid)) ?? null;
    const checkIn = checkIns.get(checkInId(id, actor.openid)) ?? null;
    items.push(summaryOf(event, ctx.now, await registrationView(ctx.db, reg), checkIn));
  }
  const last = entries[entries.length - 1];
  return { items, nextCursor: data.length > limit && last ? encodeCursor(last) : null };
};
