/**
 * event.list: the events addressed to the caller's branch, upcoming (soonest first) or past
 * (latest first), a page at a time. Reads the per-branch list entries (index branch_status_start)
 * and continues after a cursor of (startsAt, eventId), so a page never repeats or skips an event
 * when others are added meanwhile.
 */
import { AppError, type EventSummary } from '../../../contract';
import type { EventAudienceDoc, EventDoc, RegistrationDoc } from '../../../db/documents';
import { canSee, manages } from '../../../domain/event-access';
import type { Database } from '../../../server/cloud';
import { registrationId } from '../../../server/docs';
import { registrationView, summaryOf } from '../../../server/event-views';
import { actorOf } from './actor';
import type { Handler } from './types';

interface Cursor {
  startsAt: number;
  eventId: string;
}

function encodeCursor(entry: EventAudienceDoc): string {
  return Buffer.from(JSON.stringify([entry.startsAt.getTime(), entry.eventId])).toString('base64url');
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

async function byIds<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get();
  return new Map((data as T[]).map((doc) => [doc._id, doc]));
}

export const listEvents: Handler<'event.list'> = async ({ scope, cursor, limit }, ctx) => {
  const actor = actorOf(ctx);
  const _ = ctx.db.command;
  const upcoming = scope === 'upcoming';
  const direction = upcoming ? 'asc' : 'desc';
  const after = upcoming ? _.gt.bind(_) : _.lt.bind(_);
  // Leaders see their own branch's drafts in the list too.
  const statuses = manages({ kind: 'branch', id: actor.branchId }, actor, 'organiser')
    ? ['draft', 'published', 'cancelled']
    : ['published', 'cancelled'];
  const conditions: object[] = [
    { branchId: actor.branchId, status: _.in(statuses), endsAt: upcoming ? _.gt(ctx.now) : _.lte(ctx.now) },
  ];
  if (cursor) {
    const { startsAt, eventId } = decodeCursor(cursor);
    const at = new Date(startsAt);
    conditions.push(_.or([{ startsAt: after(at) }, { startsAt: at, eventId: after(eventId) }]));
  }
  const { data } = await ctx.db
    .collection('eventAudiences')
    .where(_.and(conditions))
    .orderBy('startsAt', direction)
    .orderBy('eventId', direction)
    .limit(limit + 1)
    .get();
  const entries = (data as EventAudienceDoc[]).slice(0, limit);
  const ids = entries.map((e) => e.eventId);
  const [events, mine] = await Promise.all([
    byIds<EventDoc>(ctx.db, 'events', ids),
    byIds<RegistrationDoc>(
      ctx.db,
      'registrations',
      ids.map((id) => registrationId(id, actor.openid)),
    ),
  ]);
  const items: EventSummary[] = [];
  for (const id of ids) {
    const event = events.get(id);
    if (!event || !canSee(event, actor)) continue;
    const reg = mine.get(registrationId(id, actor.openid)) ?? null;
    items.push(summaryOf(event, ctx.now, await registrationView(ctx.db, reg)));
  }
  const last = entries[entries.length - 1];
  return { items, nextCursor: data.length > limit && last ? encodeCursor(last) : null };
};
