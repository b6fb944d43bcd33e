/** study.*: today, the daily check-in, its calendar and history, the branch feed, 心得 review. */
import { AppError, type ActionName, type StudyFeedItem } from '../../../contract';
import type { StudyCheckInDoc, StudyPlanItemDoc } from '../../../db/documents';
import { REFLECTION_POINTS_MIN_CHARS } from '../../../domain/points-rules';
import { minutesSummary, streaksOf, studyDayOf } from '../../../domain/study-streak';
import { getDoc } from '../../../server/docs';
import { isOwnUpload, temporaryLinks } from '../../../server/files';
import { ownerName } from '../../../server/owner-access';
import { readPage } from '../../../server/paging';
import { awardPoints, rulesForBranch } from '../../../server/points';
import { attendedItems, followedOwners, loadPlans, planId, planView, studiableItem } from '../../../server/study-plans';
import {
  checkInAwards,
  checkInView,
  memberStudyDays,
  recordStudyCheckIn,
  studyCheckInId,
  undoStudyCheckIn,
  type StudyDayFact,
} from '../../../server/study';
import { actorOf, nameOf } from './actor';
import type { Handler, HandlerContext } from './types';

const HISTORY_PAGE = 20;
const FEED_SIZE = 30;

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,5}$/.test(cursor))
    throw new AppError('INVALID_INPUT', '翻页参数有误', { details: [{ path: 'cursor', message: '翻页参数有误' }] });
  return Number(cursor);
}

function summaryOf(docs: readonly StudyDayFact[], today: string) {
  return {
    streak: streaksOf(
      docs.map((doc) => doc.day),
      today,
    ),
    minutes: minutesSummary(docs, today),
  };
}

const today: Handler<'study.today'> = async (_input, ctx) => {
  const actor = actorOf(ctx);
  const day = studyDayOf(ctx.now);
  const month = day.slice(0, 7);
  const [docs, owners, mine] = await Promise.all([
    memberStudyDays(ctx.db, ctx.openid),
    followedOwners(ctx.db, actor.branchId),
    getDoc<StudyCheckInDoc>(ctx.db, 'studyCheckins', studyCheckInId(ctx.openid, day)),
  ]);
  const plans = await loadPlans(
    ctx.db,
    owners.map((owner) => planId(owner, month)),
  );
  const found = owners.filter((owner) => plans.has(planId(owner, month)));
  const current = mine && mine.status === 'active' ? mine : null;
  const [names, links] = await Promise.all([
    Promise.all(found.map((owner) => ownerName(ctx.db, owner))),
    temporaryLinks(current?.photos ?? []),
  ]);
  const studied = await attendedItems(ctx.db, [...plans.values()], ctx.openid);
  for (const doc of docs) if (doc.month === month && doc.planItemId) studied.add(doc.planItemId);
  return {
    today: day,
    checkIn: current ? checkInView(current, ctx.openid, day) : null,
    checkInPhotos: (current?.photos ?? []).map((fileID) => ({ fileID, url: links.get(fileID) ?? '' })),
    ...summaryOf(docs, day),
    plans: found.map((owner, i) => planView(plans.get(planId(owner, month))!, owner, names[i] ?? '', month, false)),
    studiedItemIds: [...studied],
  };
};

const checkIn: Handler<'study.checkIn'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const day = studyDayOf(ctx.now);
  // Photos only from the member's own upload folder (file.prepareUpload with purpose studyPhoto).
  if (input.photos.some((photo) => !isOwnUpload(photo, ctx.openid, 'studyPhoto')))
    throw new AppError('FILE_INVALID', '照片无效，请重新上传', {
      details: [{ path: 'photos', message: '照片无效，请重新上传' }],
    });
  let item: StudyPlanItemDoc | null = null;
  if (input.planItemId !== undefined) item = (await studiableItem(ctx.db, actor, input.planItemId)).item;
  const { rules } = await rulesForBranch(ctx.db, actor.branchId, ctx.now);
  const { doc, created, points } = await recordStudyCheckIn(
    ctx.db,
    { ...actor, name: nameOf(ctx) },
    { ...input, planItemId: input.planItemId ?? null },
    item,
    rules,
    day,
    ctx.now,
  );
  return { checkIn: checkInView(doc, ctx.openid, day), created, pointsAwarded: points };
};

const undo: Handler<'study.undo'> = async (_input, ctx) => {
  const day = studyDayOf(ctx.now);
  await undoStudyCheckIn(ctx.db, ctx.openid, day, ctx.now);
  return { day };
};

const calendar: Handler<'study.calendar'> = async ({ month }, ctx) => {
  const day = studyDayOf(ctx.now);
  const shown = month ?? day.slice(0, 7);
  const docs = await memberStudyDays(ctx.db, ctx.openid);
  return {
    month: shown,
    days: docs
      .filter((doc) => doc.month === shown)
      .map((doc) => ({ day: doc.day, kind: doc.kind, minutes: doc.minutes })),
    ...summaryOf(docs, day),
  };
};

const history: Handler<'study.history'> = async ({ cursor }, ctx) => {
  const day = studyDayOf(ctx.now);
  const page = await readPage<StudyCheckInDoc>(
    ctx.db.collection('studyCheckins').where({ memberId: ctx.openid }).orderBy('day', 'desc'),
    offsetOf(cursor),
    HISTORY_PAGE,
  );
  return {
    items: page.docs.filter((doc) => doc.status === 'active').map((doc) => checkInView(doc, ctx.openid, day)),
    nextCursor: page.nextOffset === null ? null : String(page.nextOffset),
  };
};

function feedItem(doc: StudyCheckInDoc, ctx: HandlerContext, day: string): StudyFeedItem {
  return { ...checkInView(doc, ctx.openid, day), memberId: doc.memberId, name: doc.name };
}

const feed: Handler<'study.feed'> = async (_input, ctx) => {
  const actor = actorOf(ctx);
  const day = studyDayOf(ctx.now);
  const { data } = await ctx.db
    .collection('studyCheckins')
    .where({ branchId: actor.branchId, status: 'active' })
    .orderBy('at', 'desc')
    .limit(FEED_SIZE)
    .get();
  return { items: (data as StudyCheckInDoc[]).map((doc) => feedItem(doc, ctx, day)) };
};

const pendingReflections: Handler<'study.reflection.pending'> = async (_input, ctx) => {
  const actor = actorOf(ctx);
  const day = studyDayOf(ctx.now);
  const { data } = await ctx.db
    .collection('studyCheckins')
    .where({ branchId: actor.branchId, reflectionState: 'review' })
    .orderBy('at', 'desc')
    .limit(50)
    .get();
  // The secretary reads what they decide on.
  return {
    items: (data as StudyCheckInDoc[]).map((doc) => ({
      ...feedItem(doc, ctx, day),
      reflection: doc.reflection,
      reflectionState: doc.reflectionState,
    })),
  };
};

const decideReflection: Handler<'study.reflection.decide'> = async ({ checkInId, approve }, ctx) => {
  const actor = actorOf(ctx);
  const doc = await getDoc<StudyCheckInDoc>(ctx.db, 'studyCheckins', checkInId);
  if (!doc || doc.branchId !== actor.branchId) throw new AppError('NOT_FOUND', '学习记录不存在');
  const state = approve ? 'approved' : 'hidden';
  const decision = { by: ctx.openid, byName: nameOf(ctx), at: ctx.now, approved: approve };
  const { updated } = await ctx.db
    .collection('studyCheckins')
    .where({ _id: checkInId, reflectionState: 'review', reflection: doc.reflection })
    .update({ reflectionState: state, reflectionDecision: decision });
  if (updated !== 1) throw new AppError('ALREADY_DECIDED');
  const next: StudyCheckInDoc = { ...doc, reflectionState: state, reflectionDecision: decision };
  if (approve && next.status === 'active' && Array.from(next.reflection).length >= REFLECTION_POINTS_MIN_CHARS) {
    const { rules } = await rulesForBranch(ctx.db, doc.branchId, ctx.now);
    await awardPoints(
      ctx.db,
      checkInAwards(next, false).filter((a) => a.rule === 'study.reflection'),
      rules,
      ctx.now,
    );
  }
  return checkInView(next, doc.memberId, studyDayOf(ctx.now));
};

export const studyHandlers = {
  'study.today': today,
  'study.checkIn': checkIn,
  'study.undo': undo,
  'study.calendar': calendar,
  'study.history': history,
  'study.feed': feed,
  'study.reflection.pending': pendingReflections,
  'study.reflection.decide': decideReflection,
} satisfies {
  [A in Extract<
    ActionName,
    `study.${'today' | 'checkIn' | 'undo' | 'calendar' | 'history' | 'feed' | 'reflection.pending' | 'reflection.decide'}`
  >]: Handler<A>;
};
