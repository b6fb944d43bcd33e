/**
 * event.*: the detail page, and a draft's way to publication or cancellation. An event belongs to
 * the caller's branch or to a pairing the caller runs events for (see domain/event-access).
 */
import { randomBytes } from 'node:crypto';
import { AppError, eventTimeIssues, type ParsedInput } from '../../../contract';
import type { EventDoc } from '../../../db/documents';
import { audienceOutsideOwner, ownerKey, type Actor, type OwnerAccess } from '../../../domain/event-access';
import { effectiveStatus, missingForPublish } from '../../../domain/event-lifecycle';
import { detailOf } from '../../../server/event-views';
import {
  eventRef,
  lockEvent,
  managedEvent,
  seenEvent,
  seenOf,
  writeEvent,
  type SeenEvent,
} from '../../../server/events';
import { assertOpen, ownerAccess } from '../../../server/owner-access';
import { fillFreeSeats } from '../../../server/registrations';
import { noteEventCancelled, noteEventMoved } from '../../../server/reminders/changes';
import { tellPromoted } from './reminders';
import { inTransaction } from '../../../server/transaction';
import { actorOf, nameOf, ownerOrOwn } from './actor';
import { withDocFirst, type Handler, type HandlerContext } from './types';
import { noPlacesTaken } from '../../../domain/registration';

export { listEvents as list } from './event-list';

/** The page members open from a reminder or a shared card: the event is read with the caller. */
export const get = withDocFirst<'event.get', EventDoc>(
  ({ eventId }) => eventRef(eventId),
  async (_input, ctx, loaded) => {
    const actor = actorOf(ctx);
    const { event, access } = await seenOf(ctx.db, loaded ?? null, actor);
    return detailOf(ctx.db, event, actor, access, ctx.now);
  },
);

type Details = ParsedInput<'event.create'>;

function assertAudience(access: OwnerAccess, audience: readonly string[]): void {
  if (audienceOutsideOwner(access, audience).length === 0) return;
  const message = access.owner.kind === 'pairing' ? '只能面向联建各方发布活动' : '只能面向本支部发布活动';
  throw new AppError('INVALID_INPUT', message, { details: [{ path: 'audience', message }] });
}

/** The owner a new event is made for: one the caller runs events for, and (a pairing) still active. */
async function organisedOwner(ctx: HandlerContext, actor: Actor, given: Details['owner']): Promise<OwnerAccess> {
  const access = await ownerAccess(ctx.db, ownerOrOwn(given, actor), actor);
  if (!access.known) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
  if (!access.manages.organiser) throw new AppError('FORBIDDEN', '只有主办方的书记或委员可以发起活动');
  assertOpen(access);
  return access;
}

function assertTimes(event: EventDoc): void {
  const details = eventTimeIssues(event);
  if (details.length > 0) throw new AppError('INVALID_INPUT', details[0]!.message, { details });
}

export const create: Handler<'event.create'> = async ({ owner: given, ...input }, ctx) => {
  const actor = actorOf(ctx);
  const access = await organisedOwner(ctx, actor, given);
  const owner = access.owner;
  const event: EventDoc = {
    _id: randomBytes(16).toString('hex'),
    owner,
    ownerKey: ownerKey(owner),
    kind: 'activity',
    themeDayKey: null,
    ...fieldsOf(input),
    audience: input.audience ?? [...access.branches],
    organisers: [{ openid: actor.openid, name: nameOf(ctx) }],
    status: 'draft',
    cancelReason: null,
    ...noPlacesTaken(input.capacity),
    createdBy: actor.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  assertAudience(access, event.audience);
  await inTransaction(ctx.db, (tx) => writeEvent(tx, event, []));
  return detailOf(ctx.db, event, actor, access, ctx.now);
};

function fieldsOf(input: Omit<Details, 'audience' | 'owner'>) {
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
  apply: (event: EventDoc, access: OwnerAccess) => EventDoc,
): Promise<SeenEvent> {
  const { access } = await managedEvent(ctx.db, eventId, actor, level);
  const event = await inTransaction(ctx.db, async (tx) => {
    const current = await lockEvent(tx, eventId);
    const next = apply(current, access);
    if (next !== current) await writeEvent(tx, next, current.audience);
    return next;
  });
  return { event, access };
}

export const update: Handler<'event.update'> = async ({ eventId, ...patch }, ctx) => {
  const actor = actorOf(ctx);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Details>;
  let capacityRaised = false;
  let moved = false;
  const { access } = await change(ctx, actor, eventId, 'organiser', (current, owner) => {
    assertEditable(current, ctx.now);
    const next: EventDoc = { ...current, ...defined, updatedAt: ctx.now };
    assertTimes(next);
    assertAudience(owner, next.audience);
    if (next.capacity !== null && next.capacity < current.registered)
      throw new AppError('INVALID_INPUT', `名额不能少于已报名的 ${current.registered} 人`, {
        details: [{ path: 'capacity', message: `名额不能少于已报名的 ${current.registered} 人` }],
      });
    capacityRaised = next.waitlisted > 0 && (next.capacity === null || next.capacity > (current.capacity ?? 0));
    moved = current.status === 'published' && next.startsAt.getTime() !== current.startsAt.getTime();
    return next;
  });
  if (capacityRaised) {
    await fillFreeSeats(ctx.db, eventId, ctx.now);
    await tellPromoted(ctx.db, eventId, ctx.now);
  }
  const { event } = await seenEvent(ctx.db, eventId, actor);
  if (moved) await noteEventMoved(ctx.db, event, '', ctx.now);
  return detailOf(ctx.db, event, actor, access, ctx.now);
};

export const publish: Handler<'event.publish'> = async ({ eventId }, ctx) => {
  const actor = actorOf(ctx);
  const { event, access } = await change(ctx, actor, eventId, 'organiser', (current, owner) => {
    if (current.status === 'published') return current;
    assertEditable(current, ctx.now);
    // A draft of a pairing that has ended (a theme day generated before) does not become an event.
    assertOpen(owner);
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
  return detailOf(ctx.db, event, actor, access, ctx.now);
};

export const cancel: Handler<'event.cancel'> = async ({ eventId, reason }, ctx) => {
  const actor = actorOf(ctx);
  const { event, access } = await change(ctx, actor, eventId, 'secretary', (current) => {
    if (current.status === 'cancelled') return current;
    assertEditable(current, ctx.now);
    return { ...current, status: 'cancelled', cancelReason: reason, updatedAt: ctx.now };
  });
  if (event.status === 'cancelled') await noteEventCancelled(ctx.db, event, reason, ctx.now);
  return detailOf(ctx.db, event, actor, access, ctx.now);
};
