/**
 * Study check-ins (学习打卡): one document per member per Shanghai day, `_id` =
 * `${openid}_${YYYYMMDD}`. The first write of the day is an insert the database refuses when the
 * day's document exists, so however many duplicates race, one stands; the others edit it. A 心得
 * is checked by WeChat content security before it is stored: risky is refused, review is kept
 * private to its author until a secretary decides.
 */
import { AppError, type StudyCheckInView, type StudyKind } from '../contract';
import type { StudyCheckInDoc, StudyPlanItemDoc } from '../db/documents';
import type { Actor } from '../domain/event-access';
import { REFLECTION_POINTS_MIN_CHARS, type PointRules } from '../domain/points-rules';
import { dayKey } from '../domain/study-streak';
import type { Database } from './cloud';
import { checkText, CONTENT_SCENE } from './content-security';
import { getDoc, isDuplicateWrite } from './docs';
import { log, describeError } from './log';
import { awardPoints, reversePoints, type Award } from './points';

export function studyCheckInId(openid: string, day: string): string {
  return `${openid}_${dayKey(day)}`;
}

export interface StudiedWhat {
  planItemId: string | null;
  title: string;
  link: string;
  materialKind: StudyKind;
  minutes: number;
}

/** A 心得 others may read: passed the check, or approved by a secretary. */
export function reflectionVisibleTo(doc: StudyCheckInDoc, openid: string): boolean {
  return doc.memberId === openid || doc.reflectionState === 'pass' || doc.reflectionState === 'approved';
}

export function checkInView(doc: StudyCheckInDoc, viewer: string, today: string): StudyCheckInView {
  return {
    id: doc._id,
    day: doc.day,
    kind: doc.kind,
    planItemId: doc.planItemId,
    title: doc.title,
    link: doc.link,
    materialKind: doc.materialKind,
    minutes: doc.minutes,
    reflection: reflectionVisibleTo(doc, viewer) ? doc.reflection : null,
    reflectionState: reflectionVisibleTo(doc, viewer) ? doc.reflectionState : 'none',
    photos: doc.photos,
    at: doc.at.toISOString(),
    editable: doc.memberId === viewer && doc.kind === 'daily' && doc.day === today && doc.status === 'active',
  };
}

/** The verdict on a 心得; refuses a risky one, and answers a retryable error when WeChat fails. */
export async function checkReflection(
  openid: string,
  reflection: string,
): Promise<{ state: StudyCheckInDoc['reflectionState']; traceId: string }> {
  if (reflection === '') return { state: 'none', traceId: '' };
  let verdict;
  try {
    verdict = await checkText(openid, reflection, CONTENT_SCENE.socialLog);
  } catch (err) {
    log('failed', { what: 'study.contentCheck', error: describeError(err) });
    throw new AppError('STUDY_CHECK_UNAVAILABLE', undefined, { cause: err });
  }
  if (verdict.verdict === 'risky') throw new AppError('STUDY_REFLECTION_RISKY');
  return { state: verdict.verdict, traceId: verdict.traceId };
}

/** The awards a check-in earns as it now stands (each keyed by its generation). */
export function checkInAwards(doc: StudyCheckInDoc, firstTopic: boolean): Award[] {
  const base = { memberId: doc.memberId, branchId: doc.branchId };
  const g = `${doc._id}_g${doc.generation}`;
  if (doc.kind === 'makeUp')
    return [{ ...base, rule: 'study.makeUp', sourceKey: `mu_${doc.makeUpId ?? g}`, reason: `补学：${doc.title}` }];
  const awards: Award[] = [{ ...base, rule: 'study.checkIn', sourceKey: `sc_${g}`, reason: `学习打卡：${doc.title}` }];
  const visible = doc.reflectionState === 'pass' || doc.reflectionState === 'approved';
  if (visible && Array.from(doc.reflection).length >= REFLECTION_POINTS_MIN_CHARS)
    awards.push({ ...base, rule: 'study.reflection', sourceKey: `sr_${g}`, reason: '学习心得' });
  if (firstTopic)
    awards.push({ ...base, rule: 'study.firstTopic', sourceKey: `ft_${g}`, reason: `第一议题：${doc.title}` });
  return awards;
}

export function checkInSourceKeys(doc: StudyCheckInDoc): string[] {
  const g = `${doc._id}_g${doc.generation}`;
  if (doc.kind === 'makeUp') return [`mu_${doc.makeUpId ?? g}`];
  return [`sc_${g}`, `sr_${g}`, `ft_${g}`];
}

export interface CheckInRequest extends StudiedWhat {
  reflection: string;
  photos: string[];
}

/**
 * Records today's check-in or edits the one that stands. `item`: the plan item named, already
 * checked to be the actor's. Answers the document, whether it was created, and points awarded.
 */
export async function recordStudyCheckIn(
  db: Database,
  actor: Actor & { name: string },
  request: CheckInRequest,
  item: StudyPlanItemDoc | null,
  rules: PointRules,
  today: string,
  now: Date,
): Promise<{ doc: StudyCheckInDoc; created: boolean; points: number }> {
  const id = studyCheckInId(actor.openid, today);
  const title = item ? item.title : request.title;
  const materialKind = item ? item.kind : request.materialKind;
  const existing = await getDoc<StudyCheckInDoc>(db, 'studyCheckins', id);
  const unchanged = existing !== null && existing.status === 'active' && existing.reflection === request.reflection;
  const checked = unchanged
    ? { state: existing.reflectionState, traceId: existing.reflectionTraceId }
    : await checkReflection(actor.openid, request.reflection);
  const fields = {
    planItemId: request.planItemId,
    title,
    link: request.link,
    materialKind,
    minutes: request.minutes,
    reflection: request.reflection,
    reflectionState: checked.state,
    reflectionTraceId: checked.traceId,
    photos: request.photos,
    at: now,
  };
  let doc: StudyCheckInDoc | null = null;
  let created = false;
  if (!existing) {
    const fresh: StudyCheckInDoc = {
      _id: id,
      memberId: actor.openid,
      branchId: actor.branchId,
      name: actor.name,
      day: today,
      month: today.slice(0, 7),
      kind: 'daily',
      status: 'active',
      generation: 0,
      createdAt: now,
      ...fields,
    };
    try {
      await db.collection('studyCheckins').add(fresh);
      doc = fresh;
      created = true;
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
    }
  }
  if (!doc) {
    const current = existing ?? (await getDoc<StudyCheckInDoc>(db, 'studyCheckins', id));
    if (!current) throw new AppError('CONFLICT');
    if (current.status === 'undone') {
      // A redo after a withdrawal: only one of several racing redos moves the generation on.
      const { updated } = await db
        .collection('studyCheckins')
        .where({ _id: id, status: 'undone', generation: current.generation })
        .update({ ...fields, status: 'active', generation: current.generation + 1 });
      created = updated === 1;
      doc = { ...current, ...fields, status: 'active', generation: current.generation + (created ? 1 : 0) };
    } else {
      await db.collection('studyCheckins').doc(id).update(fields);
      doc = { ...current, ...fields };
    }
  }
  const points = await awardPoints(db, checkInAwards(doc, item?.firstTopic === true), rules, now);
  return { doc, created, points };
}

/** Withdraws today's check-in (the member's own), reversing what it earned. */
export async function undoStudyCheckIn(
  db: Database,
  openid: string,
  today: string,
  now: Date,
): Promise<StudyCheckInDoc> {
  const id = studyCheckInId(openid, today);
  const doc = await getDoc<StudyCheckInDoc>(db, 'studyCheckins', id);
  if (!doc || doc.status !== 'active' || doc.kind !== 'daily') throw new AppError('NOT_FOUND', '今天还没有学习打卡');
  const { updated } = await db
    .collection('studyCheckins')
    .where({ _id: id, status: 'active', generation: doc.generation })
    .update({ status: 'undone' });
  if (updated === 1) await reversePoints(db, checkInSourceKeys(doc), '撤回学习打卡', now);
  return { ...doc, status: 'undone' };
}

/** What streaks, minutes, the calendar and completion need of each check-in: no 心得, no photos. */
export type StudyDayFact = Pick<
  StudyCheckInDoc,
  '_id' | 'day' | 'month' | 'kind' | 'minutes' | 'planItemId' | 'status'
>;

const DAY_FIELDS = { day: true, month: true, kind: true, minutes: true, planItemId: true, status: true };
const PAGE = 1000;
/** Twenty-seven years of daily study: beyond any member. */
const MAX_DAYS = 10_000;

/** Every active study day of a member, oldest first, read without its text (years of history stay small). */
export async function memberStudyDays(db: Database, openid: string): Promise<StudyDayFact[]> {
  const out: StudyDayFact[] = [];
  for (let skip = 0; skip < MAX_DAYS; skip += PAGE) {
    const { data } = await db
      .collection('studyCheckins')
      .where({ memberId: openid })
      .orderBy('day', 'asc')
      .field(DAY_FIELDS)
      .skip(skip)
      .limit(PAGE)
      .get();
    out.push(...(data as StudyDayFact[]));
    if (data.length < PAGE) break;
  }
  return out.filter((doc) => doc.status === 'active');
}
