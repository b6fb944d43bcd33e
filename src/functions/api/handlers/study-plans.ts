/** study.plan.*, study.makeUp.*: the monthly plan and its progress, and 补学 requests. */
import { AppError, type ActionName, type StudyProgressView } from '../../../contract';
import type { MakeUpDoc, MemberDoc, StudyCheckInDoc, StudyPlanDoc } from '../../../db/documents';
import { studyDayOf } from '../../../domain/study-streak';
import { getDoc, readAll } from '../../../server/docs';
import { decideMakeUp, makeUpView, requestMakeUp, revokeMakeUp } from '../../../server/make-ups';
import { ownerName, readableOwner } from '../../../server/owner-access';
import { rulesForBranch } from '../../../server/points';
import {
  assertEditsPlan,
  assertJointStudyEvents,
  attendeesByEvent,
  newItemId,
  planId,
  planView,
  studiableItem,
} from '../../../server/study-plans';
import { actorOf, nameOf, ownerOrOwn } from './actor';
import type { Handler } from './types';

const getPlan: Handler<'study.plan.get'> = async ({ owner, month }, ctx) => {
  const actor = actorOf(ctx);
  const ref = ownerOrOwn(owner, actor);
  const access = await readableOwner(ctx.db, ref, actor);
  const shown = month ?? studyDayOf(ctx.now).slice(0, 7);
  const [plan, name] = await Promise.all([
    getDoc<StudyPlanDoc>(ctx.db, 'studyPlans', planId(ref, shown)),
    ownerName(ctx.db, ref),
  ]);
  return planView(plan, ref, name, shown, access.manages.secretary);
};

const setPlan: Handler<'study.plan.set'> = async ({ owner, month, items }, ctx) => {
  const actor = actorOf(ctx);
  const ref = ownerOrOwn(owner, actor);
  const access = await readableOwner(ctx.db, ref, actor);
  assertEditsPlan(access);
  const id = planId(ref, month);
  for (const item of items)
    if (item.id !== undefined && !item.id.startsWith(`${id}_i`))
      throw new AppError('INVALID_INPUT', '学习条目不属于这个月的计划', {
        details: [{ path: 'items', message: '学习条目不属于这个月的计划' }],
      });
  await assertJointStudyEvents(
    ctx.db,
    ref,
    items.flatMap((item) => item.eventIds),
  );
  const doc: StudyPlanDoc = {
    _id: id,
    owner: ref,
    ownerKey: id.slice(0, -month.length - 1),
    month,
    items: items.map((item) => ({
      id: item.id ?? newItemId(id),
      title: item.title,
      material: item.material,
      kind: item.kind,
      suggestedMinutes: item.suggestedMinutes,
      dueDate: item.dueDate,
      firstTopic: item.firstTopic,
      eventIds: [...new Set(item.eventIds)],
    })),
    updatedBy: ctx.openid,
    updatedAt: ctx.now,
  };
  const { _id, ...rest } = doc;
  await ctx.db.collection('studyPlans').doc(_id).set(rest);
  return planView(doc, ref, await ownerName(ctx.db, ref), month, true);
};

const progress: Handler<'study.plan.progress'> = async ({ owner, month }, ctx) => {
  const actor = actorOf(ctx);
  const ref = ownerOrOwn(owner, actor);
  const access = await readableOwner(ctx.db, ref, actor);
  if (!access.manages.organiser) throw new AppError('FORBIDDEN', '只有书记和委员可以查看学习完成情况');
  const shown = month ?? studyDayOf(ctx.now).slice(0, 7);
  const branches = [...access.branches];
  const _ = ctx.db.command;
  const [plan, members, checkIns] = await Promise.all([
    getDoc<StudyPlanDoc>(ctx.db, 'studyPlans', planId(ref, shown)),
    readAll<MemberDoc>(ctx.db, 'members', { branchId: _.in(branches), status: 'active' }, 'joinedAt'),
    readAll<StudyCheckInDoc>(
      ctx.db,
      'studyCheckins',
      { branchId: _.in(branches), month: shown, status: 'active' },
      'day',
    ),
  ]);
  const attendees = await attendeesByEvent(ctx.db, plan);
  const active = new Set(members.map((m) => m._id));
  const participants = new Set(checkIns.filter((c) => active.has(c.memberId)).map((c) => c.memberId));
  const person = (m: MemberDoc) => ({ memberId: m._id, name: m.name });
  const items = (plan?.items ?? []).map((item) => {
    const studied = new Set(checkIns.filter((c) => c.planItemId === item.id).map((c) => c.memberId));
    for (const eventId of item.eventIds) for (const who of attendees.get(eventId) ?? []) studied.add(who);
    return {
      itemId: item.id,
      title: item.title,
      firstTopic: item.firstTopic,
      studied: members.filter((m) => studied.has(m._id)).map(person),
      notStudied: members.filter((m) => !studied.has(m._id)).map(person),
    };
  });
  const first = items.find((item) => item.firstTopic);
  const view: StudyProgressView = {
    owner: ref,
    month: shown,
    activeMembers: members.length,
    participants: participants.size,
    participationRate: members.length === 0 ? 0 : participants.size / members.length,
    items,
    notStudiedFirstTopic: first
      ? members
          .filter((m) => first.notStudied.some((p) => p.memberId === m._id))
          .map((m) => ({ memberId: m._id, name: m.name, branchId: m.branchId }))
      : [],
  };
  return view;
};

const requestMakeUpHandler: Handler<'study.makeUp.request'> = async (input, ctx) => {
  const actor = actorOf(ctx);
  const item = input.planItemId === undefined ? null : (await studiableItem(ctx.db, actor, input.planItemId)).item;
  const { makeUpWindowDays } = await rulesForBranch(ctx.db, actor.branchId, ctx.now);
  const doc = await requestMakeUp(
    ctx.db,
    { ...actor, name: nameOf(ctx) },
    input.day,
    input.reason,
    {
      planItemId: item?.id ?? null,
      title: item?.title ?? input.title,
      link: input.link,
      materialKind: item?.kind ?? input.materialKind,
      minutes: input.minutes,
    },
    makeUpWindowDays,
    studyDayOf(ctx.now),
    ctx.now,
  );
  return makeUpView(doc);
};

const listMakeUps: Handler<'study.makeUp.list'> = async ({ mine }, ctx) => {
  const actor = actorOf(ctx);
  const own = mine || actor.role !== 'secretary';
  const query = own ? { memberId: ctx.openid } : { branchId: actor.branchId };
  const { data } = await ctx.db.collection('makeUps').where(query).orderBy('createdAt', 'desc').limit(100).get();
  const docs = data as MakeUpDoc[];
  const order = (doc: MakeUpDoc) => (doc.status === 'pending' ? 0 : 1);
  return { items: [...docs].sort((a, b) => order(a) - order(b)).map(makeUpView) };
};

const decide: Handler<'study.makeUp.decide'> = async ({ id, approve, reason }, ctx) => {
  const actor = actorOf(ctx);
  const { rules } = await rulesForBranch(ctx.db, actor.branchId, ctx.now);
  return makeUpView(await decideMakeUp(ctx.db, { ...actor, name: nameOf(ctx) }, id, approve, reason, rules, ctx.now));
};

const revoke: Handler<'study.makeUp.revoke'> = async ({ id, reason }, ctx) => {
  const actor = actorOf(ctx);
  return makeUpView(await revokeMakeUp(ctx.db, { ...actor, name: nameOf(ctx) }, id, reason, ctx.now));
};

export const studyPlanHandlers = {
  'study.plan.get': getPlan,
  'study.plan.set': setPlan,
  'study.plan.progress': progress,
  'study.makeUp.request': requestMakeUpHandler,
  'study.makeUp.list': listMakeUps,
  'study.makeUp.decide': decide,
  'study.makeUp.revoke': revoke,
} satisfies { [A in Extract<ActionName, `study.plan.${string}` | `study.makeUp.${string}`>]: Handler<A> };
