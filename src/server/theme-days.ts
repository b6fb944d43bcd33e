/**
 * An owner's theme-day rule turned into its calendar and its events. Generation is idempotent:
 * an occurrence's event id is derived from the owner and the rule month, so the daily scheduler
 * and a rule change may run it any number of times. Drafts follow the rule; once published, an
 * event keeps its times unless a secretary moves that occurrence.
 */
import { AppError, type OwnerRef, type ThemeDayOccurrenceView, type ThemeDayRuleView } from '../contract';
import type { EventDoc, StoredOverride, ThemeDayRuleDoc } from '../db/documents';
import { ownerKey, themeDayEventId } from '../domain/event-access';
import { addMonths, shanghaiDateOf } from '../domain/shanghai-time';
import {
  applyOverrides,
  generateOccurrences,
  type OccurrenceOverride,
  type ThemeDayOccurrence,
  type ThemeDayRule,
} from '../domain/theme-day-calendar';
import type { Database } from './cloud';
import { getDoc, getDocInTx, mapByIds } from './docs';
import { writeEvent } from './events';
import { inTransaction, type Transaction } from './transaction';
import { noPlacesTaken } from '../domain/registration';

export const CALENDAR_MONTHS = 12;

export function loadRule(db: Database, owner: OwnerRef): Promise<ThemeDayRuleDoc | null> {
  return getDoc<ThemeDayRuleDoc>(db, 'themeDayRules', ownerKey(owner));
}

export function ruleOf(doc: ThemeDayRuleDoc): ThemeDayRule {
  return { monthly: doc.monthly, startTime: doc.startTime, holidayPolicy: doc.holidayPolicy };
}

export function ruleView(doc: ThemeDayRuleDoc): ThemeDayRuleView {
  return {
    owner: doc.owner,
    monthly: doc.monthly,
    startTime: doc.startTime,
    holidayPolicy: doc.holidayPolicy,
    durationMinutes: doc.durationMinutes,
    placeName: doc.placeName,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function overridesOf(doc: ThemeDayRuleDoc): OccurrenceOverride[] {
  return doc.overrides.map((o) =>
    o.kind === 'moved'
      ? { key: o.key, kind: 'moved', date: o.date, startTime: o.startTime, reason: o.reason }
      : { key: o.key, kind: 'cancelled', reason: o.reason },
  );
}

/** The next twelve months of occurrences, with hand-made moves and cancellations applied. */
export function upcomingOccurrences(doc: ThemeDayRuleDoc, now: Date): ThemeDayOccurrence[] {
  return applyOverrides(generateOccurrences(ruleOf(doc), now, CALENDAR_MONTHS), overridesOf(doc));
}

/** Overrides of months long gone are dropped so the rule document stays small. */
export function pruneOverrides(overrides: readonly StoredOverride[], now: Date): StoredOverride[] {
  const oldest = addMonths(shanghaiDateOf(now).slice(0, 7), -2);
  return overrides.filter((o) => o.key >= oldest);
}

export function occurrenceView(
  occurrence: ThemeDayOccurrence,
  event: Pick<EventDoc, '_id' | 'status' | 'endsAt'> | null,
  now: Date,
): ThemeDayOccurrenceView {
  return {
    key: occurrence.key,
    ruleDate: occurrence.ruleDate,
    scheduledDate: occurrence.scheduledDate,
    date: occurrence.date,
    startTime: occurrence.startTime,
    startsAt: occurrence.startsAt.toISOString(),
    status: occurrence.status,
    adjustment: occurrence.adjustment,
    holidayDataMissing: occurrence.holidayDataMissing,
    overrideReason: occurrence.overrideReason,
    eventId: event?._id ?? null,
    eventStatus: event
      ? event.status === 'published' && now.getTime() >= event.endsAt.getTime()
        ? 'finished'
        : event.status
      : null,
  };
}

function themeDayTitle(key: string): string {
  return `${Number(key.slice(5, 7))}月主题党日`;
}

function draftFor(
  doc: ThemeDayRuleDoc,
  audience: readonly string[],
  occurrence: ThemeDayOccurrence,
  now: Date,
): EventDoc {
  const startsAt = occurrence.startsAt;
  return {
    _id: themeDayEventId(doc.owner, occurrence.key),
    owner: doc.owner,
    ownerKey: ownerKey(doc.owner),
    kind: 'themeDay',
    themeDayKey: occurrence.key,
    title: themeDayTitle(occurrence.key),
    theme: '',
    form: '集体学习',
    startsAt,
    endsAt: new Date(startsAt.getTime() + doc.durationMinutes * 60_000),
    place: { name: doc.placeName, location: null, radiusM: 500, requireLocation: false },
    capacity: null,
    signUpDeadline: startsAt,
    checkInOpensBeforeMinutes: 30,
    audience: [...audience],
    organisers: [],
    status: 'draft',
    cancelReason: null,
    ...noPlacesTaken(null),
    createdBy: doc.updatedBy,
    createdAt: now,
    updatedAt: now,
  };
}

/** Moves an event to a new start, keeping its length and how long before the start sign-up closes. */
export function retimed(event: EventDoc, startsAt: Date, durationMinutes: number | null, now: Date): EventDoc {
  const length =
    durationMinutes === null ? event.endsAt.getTime() - event.startsAt.getTime() : durationMinutes * 60_000;
  const deadlineLead = event.startsAt.getTime() - event.signUpDeadline.getTime();
  return {
    ...event,
    startsAt,
    endsAt: new Date(startsAt.getTime() + length),
    signUpDeadline: new Date(startsAt.getTime() - deadlineLead),
    updatedAt: now,
  };
}

/** Creates or re-times the event of one occurrence, in the caller's transaction. */
async function syncOccurrence(
  tx: Transaction,
  doc: ThemeDayRuleDoc,
  audience: readonly string[],
  occurrence: ThemeDayOccurrence,
  now: Date,
): Promise<'created' | 'updated' | 'unchanged'> {
  const id = themeDayEventId(doc.owner, occurrence.key);
  const existing = await getDocInTx<EventDoc>(tx, 'events', id);
  if (!existing) {
    if (occurrence.status === 'cancelled') return 'unchanged';
    await writeEvent(tx, draftFor(doc, audience, occurrence, now), []);
    return 'created';
  }
  if (existing.status !== 'draft' || existing.startsAt.getTime() === occurrence.startsAt.getTime()) return 'unchanged';
  await writeEvent(tx, retimed(existing, occurrence.startsAt, doc.durationMinutes, now), existing.audience);
  return 'updated';
}

export interface GenerationResult {
  created: number;
  updated: number;
}

/**
 * Makes sure every upcoming occurrence of the rule has its event (one transaction per occurrence).
 * `audience`: the owner's branches (domain/event-access ownerBranches), addressed by new drafts.
 */
export async function generateThemeDayEvents(
  db: Database,
  doc: ThemeDayRuleDoc,
  audience: readonly string[],
  now: Date,
): Promise<GenerationResult> {
  const result: GenerationResult = { created: 0, updated: 0 };
  for (const occurrence of upcomingOccurrences(doc, now)) {
    const outcome = await inTransaction(db, (tx) => syncOccurrence(tx, doc, audience, occurrence, now));
    if (outcome !== 'unchanged') result[outcome] += 1;
  }
  return result;
}

/** The events of these occurrences that exist, by id. */
export async function occurrenceEvents(
  db: Database,
  owner: OwnerRef,
  occurrences: readonly ThemeDayOccurrence[],
): Promise<Map<string, EventDoc>> {
  const ids = occurrences.map((o) => themeDayEventId(owner, o.key));
  return mapByIds<EventDoc>(db, 'events', ids);
}

export function findOccurrence(doc: ThemeDayRuleDoc, key: string, now: Date): ThemeDayOccurrence {
  const occurrence = upcomingOccurrences(doc, now).find((o) => o.key === key);
  if (!occurrence) throw new AppError('NOT_FOUND', '该月的主题党日已经过去，或不在未来 12 个月内');
  return occurrence;
}
