/** event.*: the list of a branch, the detail page, and a draft's way to publication or cancellation. */
import { randomBytes } from 'node:crypto';
import { AppError, eventTimeIssues, type ParsedInput } from '../../../contract';
import type { EventDoc } from '../../../db/documents';
import { audienceOutsideOwner, ownerBranches, ownerKey, type Actor } from '../../../domain/event-access';
import { effectiveStatus, missingForPublish } from '../../../domain/event-lifecycle';
import { detailOf } from '../../../server/event-views';
import { lockEvent, managedEvent, visibleEvent, writeEvent } from '../../../server/events';
import { fillFreeSeats } from '../../../server/registrations';
import { inTransaction } from '../../../server/transaction';
import { actorOf, nameOf } from './actor';
import type { Handler, HandlerContext } from './types';

export { listEvents as list } from './event-list';

export const get: Handler<'event.get'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  return detailOf(ctx.db, await visibleEvent(ctx.db, eventId, actor), actor, ctx.now);
};

type Details = ParsedInput<'event.create'>;

function assertAudience(event: Pick<EventDoc, 'owner' | 'audience'>): void {
  const outside = audienceOutsideOwner(event.owner, event.audience);
  if (outside.length > 0)
    throw new AppError('INVALID_INPUT', '只能面向本支部发布活动', {
      details: [{ path: 'audience', message: '只能面向本支部发布活动' }],
    });
}

function assertTimes(event: EventDoc): void {
  const details = eventTimeIssues(event);
  if (details.length > 0) throw new AppError('INVALID_INPUT', details[0]!.message, { details });
}

export const create: Handler<'event.create'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const owner = { kind: 'branch' as const, id: actor.branchId };
  const event: EventDoc = {
    _id: randomBytes(16).toString('hex'),
    owner,
    ownerKey: ownerKey(owner),
    kind: 'activity',
    themeDayKey: null,
    ...fieldsOf(input),
    audience: input.audience ?? ownerBranches(owner),
    organisers: [{ openid: actor.openid, name: nameOf(ctx) }],
    status: 'draft',
    cancelReason: null,
    registered: 0,
    waitlisted: 0,
    lastSequence: 0,
    createdBy: actor.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  assertAudience(event);
  await inTransaction(ctx.db, (tx) => writeEvent(tx, event, []));
  return detailOf(ctx.db, event, actor, ctx.now);
};

function fieldsOf(input: Omit<Details, 'audience'>) {
  return {
    title: input.title,
    theme: input.theme,
    form: input.form,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    capacity: input.capacity,
    signUpDeadline: input.signUpDeadline,
    checkInOpensBeforeMinutes: input.checkInOpensBeforeMinutes,
  };
}

function assertEditable(event: EventDoc, now: Date): void {
  const status = effectiveStatus(event.status, event.endsAt, now);
  if (status === 'cancelled' || status === 'finished') throw new AppError('EVENT_NOT_EDITABLE');
}

/**
 * Changes run in a transaction over the event, so a capacity cut is checked against the
 * registrations as they are, not as they were when the page loaded.
 */
async function change(
  ctx: HandlerContext,
  actor: Actor,
  eventId: string,
  level: 'organiser' | 'secretary',
  apply: (event: EventDoc) => EventDoc,
): Promise<EventDoc> {
  await managedEvent(ctx.db, eventId, actor, level);
  return inTransaction(ctx.db, async (tx) => {
    const event = await lockEvent(tx, eventId);
    const next = apply(event);
    if (next !== event) await writeEvent(tx, next, event.audience);
    return next;
  });
}

export const update: Handler<'event.update'> = async ({ eventId, ...patch }, ctx) => {
  const actor = actorOf(ctx);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Details>;
  let capacityRaised = false;
  await change(ctx, actor, eventId, 'organiser', (current) => {
    assertEditable(current, ctx.now);
    const next: EventDoc = { ...current, ...defined, updatedAt: ctx.now };
    assertTimes(next);
    assertAudience(next);
    if (next.capacity !== null && next.capacity < current.registered)
      throw new AppError('INVALID_INPUT', `名额不能少于已报名的 ${current.registered} 人`, {
        details: [{ path: 'capacity', message: `名额不能少于已报名的 ${current.registered} 人` }],
      });
    capacityRaised = next.waitlisted > 0 && (next.capacity === null || next.capacity > (current.capacity ?? 0));
    return next;
  });
  if (capacityRaised) await fillFreeSeats(ctx.db, eventId, ctx.now);
  return detailOf(ctx.db, await visibleEvent(ctx.db, eventId, actor), actor, ctx.now);
};

export const publish: Handler<'event.publish'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  const event = await change(ctx, actor, eventId, 'organiser', (current) => {
    if (current.status === 'published') return current;
    assertEditable(current, ctx.now);
    if (current.endsAt.getTime() <= ctx.now.getTime())
      throw new AppError('EVENT_NOT_EDITABLE', '活动时间已过，请先修改时间再发布');
    const missing = missingForPublish(current);
    if (missing.length > 0)
      throw new AppError('EVENT_INCOMPLETE', undefined, {
        details: missing.map((path) => ({ path, message: path === 'theme' ? '请填写学习主题' : '请填写活动地点' })),
      });
    const organisers = current.organisers.some((o) => o.openid === actor.openid)
      ? current.organisers
      : [...current.organisers, { openid: actor.openid, name: nameOf(ctx) }];
    return { ...current, status: 'published', organisers, updatedAt: ctx.now };
  });
  return detailOf(ctx.db, event, actor, ctx.now);
};

export const cancel: Handler<'event.cancel'> = async ({ eventId, reason }, ctx) => {
  const actor = actorOf(ctx);
  const event = await change(ctx, actor, eventId, 'secretary', (current) => {
    if (current.status === 'cancelled') return current;
    assertEditable(current, ctx.now);
    return { ...current, status: 'cancelled', cancelReason: reason, updatedAt: ctx.now };
  });
  return detailOf(ctx.db, event, actor, ctx.now);
};
