/**
 * The member's own view: 首页's next event (time, place, their state, 扫码签到 while check-in is
 * open) with their open tasks, and 我的记录 — sign-ups and attendance for a year, the figures
 * their own 民主评议 looks at.
 */
import type { HomeOverview, MyEventState, MyRecordRow, MyYearRecords, NextEventCard, OpenTask } from '../../contract';
import type {
  CheckInDoc,
  ContactPointDoc,
  ContactPointLogDoc,
  EventAudienceDoc,
  EventDoc,
  LeaveDoc,
  OrgLifeRecordDoc,
  PostDoc,
  RegistrationDoc,
  StudyCheckInDoc,
} from '../../db/documents';
import { ownerKey, type Actor } from '../../domain/event-access';
import { signUpOpen } from '../../domain/event-lifecycle';
import { shanghaiDateOf } from '../../domain/shanghai-time';
import { shanghaiYearBounds } from '../../domain/year-figures';
import { windowOf } from '../check-in';
import type { Database } from '../cloud';
import { readAll, readByIds, registrationId } from '../docs';
import { settleDue } from '../attendance-points';
import { pointsTotal } from '../points';
import { attendedItems, followedOwners, loadPlans, planId } from '../study-plans';

const DAY = 24 * 3600_000;
const LOOK_AHEAD_DAYS = 45;
const MINUTES_LOOK_BACK_DAYS = 60;

function stateOf(
  reg: RegistrationDoc | undefined,
  checkIn: CheckInDoc | undefined,
  leave: LeaveDoc | undefined,
): MyEventState {
  if (checkIn?.status === 'present') return 'checkedIn';
  if (leave?.status === 'requested') return 'excused';
  if (reg?.status === 'registered') return 'registered';
  if (reg?.status === 'waitlisted') return 'waitlisted';
  return 'notRegistered';
}

export async function homeOverview(db: Database, actor: Actor, now: Date): Promise<HomeOverview> {
  const _ = db.command;
  const audiences = await db
    .collection('eventAudiences')
    .where({
      branchId: actor.branchId,
      status: 'published',
      startsAt: _.gte(new Date(now.getTime() - DAY)).and(_.lte(new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY))),
    })
    .orderBy('startsAt', 'asc')
    .limit(30)
    .get();
  const upcoming = (audiences.data as EventAudienceDoc[]).filter((a) => a.endsAt > now);
  const ids = upcoming.map((a) => a.eventId);
  const mine = ids.map((id) => registrationId(id, actor.openid));
  const [events, regs, checkIns, leaves] = await Promise.all([
    readByIds<EventDoc>(db, 'events', ids),
    readByIds<RegistrationDoc>(db, 'registrations', mine),
    readByIds<CheckInDoc>(db, 'checkins', mine),
    readByIds<LeaveDoc>(db, 'leaves', mine),
  ]);
  const eventOf = new Map(events.map((e) => [e._id, e]));
  const of = <T extends { eventId: string }>(docs: T[]) => new Map(docs.map((d) => [d.eventId, d]));
  const [regOf, checkInOf, leaveOf] = [of(regs), of(checkIns), of(leaves)];
  const cards: NextEventCard[] = upcoming.flatMap((a) => {
    const event = eventOf.get(a.eventId);
    if (!event || event.status !== 'published') return [];
    const state = stateOf(regOf.get(event._id), checkInOf.get(event._id), leaveOf.get(event._id));
    return [
      {
        id: event._id,
        title: event.title,
        kind: event.kind,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        placeName: event.place.name,
        state,
        checkInOpen: windowOf(event, now).state === 'open' && state !== 'checkedIn',
      },
    ];
  });
  // The theme day or event the member is in comes first; failing that, the next one addressed to them.
  const next = cards.find((c) => c.state !== 'notRegistered') ?? cards[0] ?? null;

  const tasks: OpenTask[] = [];
  for (const card of cards) {
    if (card.checkInOpen && card.state !== 'excused')
      tasks.push({
        kind: 'checkIn',
        title: `签到：${card.title}`,
        detail: '签到已开放',
        link: `/packages/events/check-in/index?eventId=${card.id}`,
      });
    const event = eventOf.get(card.id)!;
    if (card.state === 'notRegistered' && signUpOpen(event, now))
      tasks.push({
        kind: 'signUp',
        title: `报名：${card.title}`,
        detail: `${shanghaiDateOf(event.signUpDeadline)} 截止报名`,
        link: `/packages/events/detail/index?id=${card.id}`,
      });
  }
  if (actor.role !== 'member') tasks.push(...(await minutesTasks(db, actor, now)));
  tasks.push(...(await contactTasks(db, actor, now)));
  tasks.push(...(await firstTopicTasks(db, actor, now)));
  return { next, tasks };
}

/** Ended events of the branch in the last two months that have no minutes yet. */
async function minutesTasks(db: Database, actor: Actor, now: Date): Promise<OpenTask[]> {
  const _ = db.command;
  const { data } = await db
    .collection('events')
    .where({
      ownerKey: ownerKey({ kind: 'branch', id: actor.branchId }),
      status: 'published',
      startsAt: _.gte(new Date(now.getTime() - MINUTES_LOOK_BACK_DAYS * DAY)).and(_.lte(now)),
    })
    .orderBy('startsAt', 'asc')
    .limit(50)
    .get();
  const ended = (data as EventDoc[]).filter((e) => e.endsAt <= now);
  const records = await readByIds<OrgLifeRecordDoc>(
    db,
    'orgLifeRecords',
    ended.map((e) => e._id),
  );
  const recorded = new Set(records.map((r) => r._id));
  return ended
    .filter((e) => !recorded.has(e._id))
    .map((e) => ({
      kind: 'minutes' as const,
      title: `填写会议记录：${e.title}`,
      detail: `${shanghaiDateOf(e.startsAt)} 已结束`,
      link: `/packages/review/minutes/index?eventId=${e._id}`,
    }));
}

/** A contact-point leader's note for this month, while it is missing. */
async function contactTasks(db: Database, actor: Actor, now: Date): Promise<OpenTask[]> {
  const points = await readAll<ContactPointDoc>(db, 'contactPoints', { leaderOpenid: actor.openid }, 'createdAt');
  const today = shanghaiDateOf(now);
  const current = points.filter((p) => p.termStart <= today && p.termEnd >= today);
  if (current.length === 0) return [];
  const month = today.slice(0, 7);
  const _ = db.command;
  const logs = await readAll<ContactPointLogDoc>(
    db,
    'contactPointLogs',
    { contactPointId: _.in(current.map((p) => p._id)), date: _.gte(`${month}-01`).and(_.lte(`${month}-31`)) },
    'date',
  );
  return current
    .filter((p) => !logs.some((l) => l.contactPointId === p._id && l.kind === 'note'))
    .map((p) => ({
      kind: 'contactNote' as const,
      title: '记录本月联系点工作',
      detail: `${month} 尚未记录`,
      link: `/packages/review/contact-points/index?id=${p._id}`,
    }));
}

/** This month's 第一议题 of the member's branch and its pairings that the member has not studied yet. */
async function firstTopicTasks(db: Database, actor: Actor, now: Date): Promise<OpenTask[]> {
  const month = shanghaiDateOf(now).slice(0, 7);
  const owners = await followedOwners(db, actor.branchId);
  const plans = [
    ...(
      await loadPlans(
        db,
        owners.map((o) => planId(o, month)),
      )
    ).values(),
  ].filter((plan) => plan.items[0]?.firstTopic === true);
  if (plans.length === 0) return [];
  const itemIds = plans.map((plan) => plan.items[0]!.id);
  const [checkIns, attended] = await Promise.all([
    readAll<StudyCheckInDoc>(
      db,
      'studyCheckins',
      { memberId: actor.openid, planItemId: db.command.in(itemIds), status: 'active' },
      'day',
    ),
    attendedItems(db, plans, actor.openid),
  ]);
  const studied = new Set([...checkIns.map((c) => c.planItemId), ...attended]);
  return plans
    .map((plan) => plan.items[0]!)
    .filter((item) => !studied.has(item.id))
    .map((item) => ({
      kind: 'firstTopic' as const,
      title: `第一议题：${item.title}`,
      detail: '本月第一议题，学习后打卡',
      link: `/packages/study/check-in/index?itemId=${item.id}`,
    }));
}

/** The member's study, points and posts of the year, for 我的记录. */
async function activityOfYear(
  db: Database,
  openid: string,
  year: number,
  now: Date,
): Promise<Pick<MyYearRecords, 'study' | 'points' | 'posts'>> {
  const _ = db.command;
  await settleDue(db, { memberId: openid }, now);
  const { start, end } = shanghaiYearBounds(year);
  const [days, points, posts] = await Promise.all([
    readAll<Pick<StudyCheckInDoc, 'kind' | 'minutes' | 'status'>>(
      db,
      'studyCheckins',
      { memberId: openid, day: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)), status: 'active' },
      'day',
    ),
    pointsTotal(db, { memberId: openid, year }),
    readAll<PostDoc>(
      db,
      'posts',
      { authorOpenid: openid, status: 'published', createdAt: _.gte(start).and(_.lt(end)) },
      'createdAt',
    ),
  ]);
  return {
    study: {
      days: days.length,
      makeUps: days.filter((d) => d.kind === 'makeUp').length,
      minutes: days.reduce((sum, d) => sum + d.minutes, 0),
    },
    points,
    posts: posts.length,
  };
}

export async function myYearRecords(db: Database, actor: Actor, year: number, now: Date): Promise<MyYearRecords> {
  const regs = await readAll<RegistrationDoc>(db, 'registrations', { memberId: actor.openid }, 'signedUpAt');
  const { start, end } = shanghaiYearBounds(year);
  const events = (
    await readByIds<EventDoc>(
      db,
      'events',
      regs.map((r) => r.eventId),
    )
  ).filter((e) => e.status === 'published' && e.startsAt >= start && e.startsAt < end);
  const ids = events.map((e) => registrationId(e._id, actor.openid));
  const [checkIns, leaves] = await Promise.all([
    readByIds<CheckInDoc>(db, 'checkins', ids),
    readByIds<LeaveDoc>(db, 'leaves', ids),
  ]);
  const regOf = new Map(regs.map((r) => [r.eventId, r]));
  const present = new Set(checkIns.filter((c) => c.status === 'present').map((c) => c.eventId));
  const onLeave = new Set(leaves.filter((l) => l.status === 'requested').map((l) => l.eventId));
  const rows: MyRecordRow[] = events
    .slice()
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
    .flatMap((e) => {
      const reg = regOf.get(e._id)!;
      if (reg.status === 'pending') return [];
      const ended = e.endsAt <= now;
      const state: MyRecordRow['state'] = present.has(e._id)
        ? 'attended'
        : reg.status === 'cancelled'
          ? 'cancelled'
          : !ended
            ? reg.status
            : reg.status === 'registered'
              ? onLeave.has(e._id)
                ? 'excused'
                : 'absent'
              : 'cancelled';
      return [{ eventId: e._id, title: e.title, date: shanghaiDateOf(e.startsAt), state }];
    });
  const count = (state: MyRecordRow['state']) => rows.filter((r) => r.state === state).length;
  const attendedRegistered = rows.filter(
    (r) => r.state === 'attended' && regOf.get(r.eventId)?.status === 'registered',
  ).length;
  const expected = attendedRegistered + count('absent');
  const activity = await activityOfYear(db, actor.openid, year, now);
  return {
    ...activity,
    year,
    signUps: rows.filter((r) => regOf.get(r.eventId)?.status !== 'cancelled').length,
    attended: count('attended'),
    excused: count('excused'),
    absent: count('absent'),
    rate: expected > 0 ? attendedRegistered / expected : null,
    rows,
  };
}
