/**
 * themeDay.*: the monthly rule of a branch or a pairing, its calendar for the next twelve months,
 * moving or cancelling one occurrence. Members of the owner read it; its secretaries decide (for a
 * pairing: the secretaries of its sides, see domain/event-access).
 */
import { AppError, type OwnerRef, type ThemeDayCalendar } from '../../../contract';
import type { EventDoc, StoredOverride, ThemeDayRuleDoc } from '../../../db/documents';
import { ownerKey, themeDayEventId, type Actor, type OwnerAccess } from '../../../domain/event-access';
import { shanghaiInstant } from '../../../domain/shanghai-time';
import { applyOverrides, assertThemeDayRule, type OccurrenceOverride } from '../../../domain/theme-day-calendar';
import { getDocInTx, withoutId } from '../../../server/docs';
import { writeEvent } from '../../../server/events';
import { assertOpen, ownerAccess, ownerName, readableOwner } from '../../../server/owner-access';
import {
  findOccurrence,
  generateThemeDayEvents,
  loadRule,
  occurrenceEvents,
  occurrenceView,
  pruneOverrides,
  retimed,
  ruleView,
  upcomingOccurrences,
} from '../../../server/theme-days';
import { inTransaction } from '../../../server/transaction';
import { noteEventCancelled, noteEventMoved } from '../../../server/reminders/changes';
import { actorOf, ownerOrOwn } from './actor';
import type { Handler, HandlerContext } from './types';

/** The owner whose calendar the caller decides: the branch's secretary, a pairing side's secretary. */
async function decidedOwner(ctx: HandlerContext, actor: Actor, owner: OwnerRef): Promise<OwnerAccess> {
  const access = await ownerAccess(ctx.db, owner, actor);
  if (!access.known) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
  if (!access.manages.secretary)
    throw new AppError(
      'FORBIDDEN',
      owner.kind === 'pairing' ? '只有联建各方的书记可以设置主题党日' : '只有本支部书记可以设置主题党日',
    );
  return access;
}

export const getRule: Handler<'themeDay.rule.get'> = async ({ owner }, ctx) => {
  const actor = actorOf(ctx);
  const target = ownerOrOwn(owner, actor);
  await readableOwner(ctx.db, target, actor);
  const doc = await loadRule(ctx.db, target);
  return { rule: doc ? ruleView(doc) : null };
};

export const setRule: Handler<'themeDay.rule.set'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const owner = ownerOrOwn(input.owner, actor);
  const access = await decidedOwner(ctx, actor, owner);
  assertOpen(access);
  const rule = { monthly: input.monthly, startTime: input.startTime, holidayPolicy: input.holidayPolicy };
  assertThemeDayRule(rule);
  const existing = await loadRule(ctx.db, owner);
  const doc: ThemeDayRuleDoc = {
    _id: ownerKey(owner),
    owner,
    active: true,
    ...rule,
    durationMinutes: input.durationMinutes,
    placeName: input.placeName,
    overrides: pruneOverrides(existing?.overrides ?? [], ctx.now),
    updatedBy: actor.openid,
    updatedAt: ctx.now,
  };
  await ctx.db.collection('themeDayRules').doc(doc._id).set(withoutId(doc));
  // The secretary sees the drafts at once instead of after the next nightly run.
  await generateThemeDayEvents(ctx.db, doc, access.branches, ctx.now);
  return ruleView(doc);
};

export const calendar: Handler<'themeDay.calendar'> = async ({ owner }, ctx) => {
  const actor = actorOf(ctx);
  const target = ownerOrOwn(owner, actor);
  const access = await readableOwner(ctx.db, target, actor);
  const [doc, name] = await Promise.all([loadRule(ctx.db, target), ownerName(ctx.db, target)]);
  const occurrences = doc ? upcomingOccurrences(doc, ctx.now) : [];
  const events = await occurrenceEvents(ctx.db, target, occurrences);
  const result: ThemeDayCalendar = {
    owner: target,
    ownerName: name,
    rule: doc ? ruleView(doc) : null,
    occurrences: occurrences.map((o) => occurrenceView(o, events.get(themeDayEventId(target, o.key)) ?? null, ctx.now)),
    holidayDataMissing: occurrences.some((o) => o.holidayDataMissing),
    canManage: access.manages.secretary,
  };
  return result;
};

async function requireRule(ctx: HandlerContext, owner: OwnerRef): Promise<ThemeDayRuleDoc> {
  const doc = await loadRule(ctx.db, owner);
  if (!doc) throw new AppError('THEME_DAY_RULE_MISSING');
  return doc;
}

/**
 * Records the override on the rule and applies it to the occurrence's event in one transaction,
 * so the calendar and the event never disagree.
 */
async function override(
  ctx: HandlerContext,
  owner: OwnerRef,
  stored: StoredOverride,
  applyToEvent: (event: EventDoc) => EventDoc,
): Promise<{ rule: ThemeDayRuleDoc; event: EventDoc | null }> {
  return inTransaction(ctx.db, async (tx) => {
    const rule = await getDocInTx<ThemeDayRuleDoc>(tx, 'themeDayRules', ownerKey(owner));
    if (!rule) throw new AppError('THEME_DAY_RULE_MISSING');
    const next: ThemeDayRuleDoc = {
      ...rule,
      overrides: [...pruneOverrides(rule.overrides, ctx.now).filter((o) => o.key !== stored.key), stored],
    };
    await tx.collection('themeDayRules').doc(rule._id).set(withoutId(next));
    const eventId = themeDayEventId(owner, stored.key);
    const event = await getDocInTx<EventDoc>(tx, 'events', eventId);
    if (!event) return { rule: next, event: null };
    if (event.status === 'cancelled') throw new AppError('EVENT_NOT_EDITABLE', '这次主题党日已取消，不能再调整');
    const changed = applyToEvent(event);
    await writeEvent(tx, changed, event.audience);
    return { rule: next, event: changed };
  });
}

function viewAfter(rule: ThemeDayRuleDoc, key: string, event: EventDoc | null, now: Date) {
  const overrides: OccurrenceOverride[] = rule.overrides.filter((o) => o.key === key);
  const [occurrence] = applyOverrides([findOccurrence({ ...rule, overrides: [] }, key, now)], overrides);
  return occurrenceView(occurrence!, event, now);
}

export const moveOccurrence: Handler<'themeDay.occurrence.move'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const owner = ownerOrOwn(input.owner, actor);
  await decidedOwner(ctx, actor, owner);
  findOccurrence(await requireRule(ctx, owner), input.key, ctx.now);
  const startsAt = shanghaiInstant(input.date, input.startTime);
  if (startsAt.getTime() <= ctx.now.getTime())
    throw new AppError('INVALID_INPUT', '不能调整到已经过去的时间', {
      details: [{ path: 'date', message: '不能调整到已经过去的时间' }],
    });
  const stored: StoredOverride = {
    key: input.key,
    kind: 'moved',
    date: input.date,
    startTime: input.startTime,
    reason: input.reason,
    by: actor.openid,
    at: ctx.now,
  };
  const { rule, event } = await override(ctx, owner, stored, (e) => retimed(e, startsAt, null, ctx.now));
  if (event?.status === 'published') await noteEventMoved(ctx.db, event, input.reason, ctx.now);
  return viewAfter(rule, input.key, event, ctx.now);
};

export const cancelOccurrence: Handler<'themeDay.occurrence.cancel'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const owner = ownerOrOwn(input.owner, actor);
  await decidedOwner(ctx, actor, owner);
  findOccurrence(await requireRule(ctx, owner), input.key, ctx.now);
  const stored: StoredOverride = {
    key: input.key,
    kind: 'cancelled',
    reason: input.reason,
    by: actor.openid,
    at: ctx.now,
  };
  const { rule, event } = await override(ctx, owner, stored, (e) => ({
    ...e,
    status: 'cancelled',
    cancelReason: input.reason,
    updatedAt: ctx.now,
  }));
  if (event?.status === 'cancelled') await noteEventCancelled(ctx.db, event, input.reason, ctx.now);
  return viewAfter(rule, input.key, event, ctx.now);
};
