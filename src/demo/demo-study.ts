/**
 * Study demo: this month's plan of 县财政局机关党支部 with its 第一议题, a pairing plan, three weeks
 * of 王芳's check-ins (a missed day left free for 补学, one with a pending 补学 request, one approved
 * earlier), a 心得 of 孙伟 waiting for the secretary, and the points those earned — written as the
 * server writes them, so totals and streaks are what the functions compute.
 */
import type { MakeUpDoc, StudyCheckInDoc, StudyPlanDoc } from '../db/documents';
import { DEFAULT_POINT_RULES } from '../domain/points-rules';
import { addDays, shanghaiDateOf, shanghaiInstant } from '../domain/shanghai-time';
import type { Database } from '../server/cloud';
import { awardPoints } from '../server/points';
import { checkInAwards, studyCheckInId } from '../server/study';
import { planId } from '../server/study-plans';

export interface DemoStudyPeople {
  branchId: string;
  pairingId: string;
  secretary: { openid: string; name: string };
  member: { openid: string; name: string };
  reviewer: { openid: string; name: string };
}

/** Ids the payload rows and the gallery refer to, for a given "now". */
export function demoStudyIds(branchId: string, pairingId: string, now: Date) {
  const today = shanghaiDateOf(now);
  const month = today.slice(0, 7);
  const branchPlan = planId({ kind: 'branch', id: branchId }, month);
  return {
    today,
    month,
    branchPlan,
    pairingPlan: planId({ kind: 'pairing', id: pairingId }, month),
    firstTopicItem: `${branchPlan}_i000001`,
    /** Two days ago: missed, no request yet (free for a 补学 request). */
    freeMissedDay: addDays(today, -2),
    pendingMakeUpDay: addDays(today, -3),
    approvedMakeUpDay: addDays(today, -10),
  };
}

export async function seedDemoStudy(db: Database, people: DemoStudyPeople, now: Date): Promise<string[]> {
  const ids = demoStudyIds(people.branchId, people.pairingId, now);
  const branchPlan: StudyPlanDoc = {
    _id: ids.branchPlan,
    owner: { kind: 'branch', id: people.branchId },
    ownerKey: `branch_${people.branchId}`,
    month: ids.month,
    items: [
      {
        id: ids.firstTopicItem,
        title: '学习习近平总书记最新重要讲话精神',
        material: '原文见“学习强国”本月专题，重点读第三部分。',
        kind: '文章',
        suggestedMinutes: 40,
        dueDate: `${ids.month}-15`,
        firstTopic: true,
        eventIds: [],
      },
      {
        id: `${ids.branchPlan}_i000002`,
        title: '《中国共产党纪律处分条例》第二章',
        material: '',
        kind: '原著',
        suggestedMinutes: 30,
        dueDate: null,
        firstTopic: false,
        eventIds: [],
      },
      {
        id: `${ids.branchPlan}_i000003`,
        title: '微党课：身边的榜样',
        material: '',
        kind: '视频',
        suggestedMinutes: 20,
        dueDate: null,
        firstTopic: false,
        eventIds: [],
      },
    ],
    updatedBy: people.secretary.openid,
    updatedAt: now,
  };
  const pairingPlan: StudyPlanDoc = {
    _id: ids.pairingPlan,
    owner: { kind: 'pairing', id: people.pairingId },
    ownerKey: `pairing_${people.pairingId}`,
    month: ids.month,
    items: [
      {
        id: `${ids.pairingPlan}_i000001`,
        title: '联学：“千万工程”经验与乡村振兴',
        material: '与红旗村党支部共同学习，结合茶园助农实践交流体会。',
        kind: '党课',
        suggestedMinutes: 60,
        dueDate: null,
        firstTopic: false,
        eventIds: [],
      },
    ],
    updatedBy: people.secretary.openid,
    updatedAt: now,
  };
  for (const { _id, ...rest } of [branchPlan, pairingPlan]) await db.collection('studyPlans').doc(_id).set(rest);

  const checkIn = (
    who: { openid: string; name: string },
    day: string,
    extra: Partial<StudyCheckInDoc> = {},
  ): StudyCheckInDoc => ({
    _id: studyCheckInId(who.openid, day),
    memberId: who.openid,
    branchId: people.branchId,
    name: who.name,
    day,
    month: day.slice(0, 7),
    kind: 'daily',
    status: 'active',
    generation: 0,
    planItemId: null,
    title: '学习强国每日文章',
    link: '',
    materialKind: '文章',
    minutes: 20 + (Number(day.slice(-2)) % 4) * 10,
    reflection: '',
    reflectionState: 'none',
    reflectionTraceId: '',
    photos: [],
    at: shanghaiInstant(day, '21:00'),
    createdAt: shanghaiInstant(day, '21:00'),
    ...extra,
  });
  const docs: StudyCheckInDoc[] = [];
  for (let back = 21; back >= 1; back--) {
    const day = addDays(ids.today, -back);
    if (day === ids.freeMissedDay || day === ids.pendingMakeUpDay || back === 7 || back === 8) continue;
    if (day === ids.approvedMakeUpDay) {
      docs.push(
        checkIn(people.member, day, {
          kind: 'makeUp',
          makeUpId: studyCheckInId(people.member.openid, day),
          title: '补学：党章第一章',
        }),
      );
      continue;
    }
    docs.push(checkIn(people.member, day));
  }
  const monthStart = `${ids.month}-01`;
  const firstTopicDay = docs.find((doc) => doc.day >= monthStart && doc.kind === 'daily');
  if (firstTopicDay) {
    firstTopicDay.planItemId = ids.firstTopicItem;
    firstTopicDay.title = branchPlan.items[0]!.title;
    firstTopicDay.reflection =
      '通过学习，我深刻体会到要把学习成果转化为做好本职工作的实际行动。财政工作连着千家万户，要在预算执行、惠民资金发放中坚持以人民为中心，把每一笔钱花在刀刃上，主动联系结对村，帮助解决群众急难愁盼问题。';
    firstTopicDay.reflectionState = 'pass';
  }
  docs.push(
    checkIn(people.reviewer, addDays(ids.today, -1), {
      reflection: '【待审】学习心得：对照检查自己在工作中的不足。',
      reflectionState: 'review',
    }),
  );
  await db.collection('studyCheckins').add(docs);

  const makeUp = (day: string, status: MakeUpDoc['status']): MakeUpDoc => ({
    _id: studyCheckInId(people.member.openid, day),
    memberId: people.member.openid,
    branchId: people.branchId,
    name: people.member.name,
    day,
    reason: status === 'pending' ? '当天下乡核查惠农资金，晚上才回' : '参加全县预算培训',
    planItemId: null,
    title: status === 'pending' ? '《中国共产党纪律处分条例》第二章' : '补学：党章第一章',
    link: '',
    materialKind: '原著',
    minutes: 30,
    status,
    decisions: [
      {
        action: 'request',
        by: people.member.openid,
        byName: people.member.name,
        at: shanghaiInstant(addDays(day, 1), '08:30'),
        reason: '补学申请',
      },
      ...(status === 'approved'
        ? [
            {
              action: 'approve' as const,
              by: people.secretary.openid,
              byName: people.secretary.name,
              at: shanghaiInstant(addDays(day, 1), '10:00'),
              reason: '情况属实',
            },
          ]
        : []),
    ],
    createdAt: shanghaiInstant(addDays(day, 1), '08:30'),
  });
  await db
    .collection('makeUps')
    .add([makeUp(ids.pendingMakeUpDay, 'pending'), makeUp(ids.approvedMakeUpDay, 'approved')]);

  for (const doc of docs) {
    const awards = checkInAwards(doc, doc.planItemId === ids.firstTopicItem);
    await awardPoints(db, awards, DEFAULT_POINT_RULES, doc.at);
  }
  return [
    `study: this month's plan with 第一议题, ${docs.length} check-ins, 补学 pending on ${ids.pendingMakeUpDay} (王芳), a 心得 awaiting review (孙伟)`,
  ];
}
