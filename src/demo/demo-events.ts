/**
 * Demo theme days and events for the finance branch: a monthly rule (the 15th, moved to the next
 * working day) with its twelve generated drafts, a published lecture with seats and sign-ups, and
 * a visit whose check-in is open right after the first start, with one member already checked in. Written through the same server code
 * the functions use, so counters and list entries are consistent.
 */
import type { EventDoc, ThemeDayRuleDoc } from '../db/documents';
import { ownerKey } from '../domain/event-access';
import type { Database } from '../server/cloud';
import { withoutId } from '../server/docs';
import { recordCheckIn } from '../server/check-in';
import { writeEvent } from '../server/events';
import { releaseRegistration, signUp } from '../server/registrations';
import { generateThemeDayEvents } from '../server/theme-days';
import { inTransaction } from '../server/transaction';
import { noPlacesTaken } from '../domain/registration';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export interface DemoPeople {
  branchId: string;
  secretary: { openid: string; name: string };
  members: { openid: string; name: string }[];
}

function demoEvent(people: DemoPeople, id: string, startsAt: Date, fields: Partial<EventDoc>, now: Date): EventDoc {
  const owner = { kind: 'branch' as const, id: people.branchId };
  return {
    _id: id,
    owner,
    ownerKey: ownerKey(owner),
    kind: 'activity',
    themeDayKey: null,
    title: '',
    theme: '',
    form: '集体学习',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 120 * MINUTE),
    place: {
      name: '县财政局三楼会议室',
      location: { latitude: 30.2741, longitude: 120.1551 },
      radiusM: 500,
      requireLocation: false,
    },
    capacity: null,
    signUpDeadline: startsAt,
    checkInOpensBeforeMinutes: 30,
    audience: [people.branchId],
    organisers: [people.secretary],
    status: 'published',
    cancelReason: null,
    ...noPlacesTaken(fields.capacity ?? null),
    createdBy: people.secretary.openid,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

export async function seedDemoEvents(db: Database, people: DemoPeople, now: Date): Promise<string[]> {
  const owner = { kind: 'branch' as const, id: people.branchId };
  const rule: ThemeDayRuleDoc = {
    _id: ownerKey(owner),
    owner,
    active: true,
    monthly: { kind: 'dayOfMonth', day: 15 },
    startTime: '14:30',
    holidayPolicy: 'nextWorkday',
    durationMinutes: 120,
    placeName: '县财政局三楼会议室',
    overrides: [],
    updatedBy: people.secretary.openid,
    updatedAt: now,
  };
  await db.collection('themeDayRules').doc(rule._id).set(withoutId(rule));
  const generated = await generateThemeDayEvents(db, rule, [people.branchId], now);

  const lecture = demoEvent(
    people,
    'demo-lecture',
    new Date(now.getTime() + 3 * DAY),
    {
      title: '专题党课：学习贯彻全会精神',
      theme: '深入学习贯彻党的二十届四中全会精神',
      form: '讲党课',
      capacity: 3,
      signUpDeadline: new Date(now.getTime() + 2 * DAY),
    },
    now,
  );
  const visit = demoEvent(
    people,
    'demo-visit',
    new Date(now.getTime() + 20 * MINUTE),
    {
      title: '走访慰问红旗村老党员',
      theme: '传承红色基因，关爱老党员',
      form: '走访慰问',
      place: { ...lecture.place, name: '红旗村党群服务中心' },
    },
    now,
  );
  for (const event of [lecture, visit]) await inTransaction(db, (tx) => writeEvent(tx, event, []));
  const actors = people.members.map((m) => ({ ...m, branchId: people.branchId, role: 'member' as const }));
  for (const member of actors) await signUp(db, lecture, member, member.name, now);
  // The last in line (waitlisted) asked for leave: the secretary released the place, with a reason they see.
  const last = actors[actors.length - 1]!;
  await releaseRegistration(db, lecture._id, last.openid, people.secretary, '本人请假', now);
  const early = actors[1]!;
  await recordCheckIn(
    db,
    visit,
    { openid: early.openid, branchId: early.branchId, name: early.name },
    { method: 'qr', timing: 'onTime', by: { openid: early.openid, name: early.name, reason: null } },
    now,
  );

  return [
    `theme days: the 15th at 14:30 (next working day on holidays), ${generated.created} draft events for the next 12 months`,
    `events: "${lecture.title}" (3 seats, ${actors.length} signed up, ${last.name}'s place released by the secretary), "${visit.title}" (check-in open now, ${early.name} already checked in; the secretary shows the code)`,
  ];
}
