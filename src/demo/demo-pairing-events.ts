/**
 * Demo theme days and a joint event of the active demo pairing (县财政局机关党支部 × 红旗村党支部):
 * its monthly rule (the first Friday, moved to the next working day) with twelve generated drafts
 * addressed to both sides, and one joint event held a week ago with sign-ups and check-ins from
 * both, so the pairing's calendar, its events and its year figures have something to show.
 * Written through the same server code the functions use.
 */
import type { EventDoc, ThemeDayRuleDoc } from '../db/documents';
import { ownerKey } from '../domain/event-access';
import type { Database } from '../server/cloud';
import { recordCheckIn } from '../server/check-in';
import { withoutId } from '../server/docs';
import { writeEvent } from '../server/events';
import { signUp } from '../server/registrations';
import { generateThemeDayEvents } from '../server/theme-days';
import { inTransaction } from '../server/transaction';
import { noPlacesTaken } from '../domain/registration';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export const DEMO_PAIRING_EVENTS = { jointEventId: 'demo-joint-tea' } as const;

interface Person {
  openid: string;
  name: string;
  branchId: string;
}

export interface DemoPairingPeople {
  pairingId: string;
  /** The secretaries of the two sides: the first keeps the rule. */
  secretaries: [Person, Person];
  /** Who signed up for the joint event, with when they checked in (minutes after the start; null: absent). */
  attendees: { person: Person; checkedInAfterMinutes: number | null }[];
}

export async function seedDemoPairingEvents(db: Database, people: DemoPairingPeople, now: Date): Promise<string[]> {
  const owner = { kind: 'pairing' as const, id: people.pairingId };
  const [lead, partner] = people.secretaries;
  const audience = [lead.branchId, partner.branchId];
  const rule: ThemeDayRuleDoc = {
    _id: ownerKey(owner),
    owner,
    active: true,
    monthly: { kind: 'nthWeekday', n: 1, weekday: 5 },
    startTime: '09:30',
    holidayPolicy: 'nextWorkday',
    durationMinutes: 150,
    placeName: '红旗村党群服务中心',
    overrides: [],
    updatedBy: lead.openid,
    updatedAt: now,
  };
  await db.collection('themeDayRules').doc(rule._id).set(withoutId(rule));
  const generated = await generateThemeDayEvents(db, rule, audience, now);

  // A week ago: finished, so it counts among the year's joint activities (in January it may fall in the year before).
  const startsAt = new Date(now.getTime() - 7 * DAY);
  const joint: EventDoc = {
    _id: DEMO_PAIRING_EVENTS.jointEventId,
    owner,
    ownerKey: ownerKey(owner),
    kind: 'activity',
    themeDayKey: null,
    title: '联合主题党日：茶园助农',
    theme: '学习“千万工程”经验，助力村集体茶叶增收',
    form: '志愿服务',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 180 * MINUTE),
    place: {
      name: '红旗村茶叶合作社',
      location: { latitude: 30.2212, longitude: 120.0405 },
      radiusM: 500,
      requireLocation: false,
    },
    capacity: 30,
    signUpDeadline: new Date(startsAt.getTime() - DAY),
    checkInOpensBeforeMinutes: 30,
    audience,
    organisers: [
      { openid: lead.openid, name: lead.name },
      { openid: partner.openid, name: partner.name },
    ],
    status: 'published',
    cancelReason: null,
    ...noPlacesTaken(30),
    createdBy: lead.openid,
    createdAt: new Date(startsAt.getTime() - 10 * DAY),
    updatedAt: new Date(startsAt.getTime() - 10 * DAY),
  };
  await inTransaction(db, (tx) => writeEvent(tx, joint, []));
  const signUpAt = new Date(startsAt.getTime() - 3 * DAY);
  for (const { person } of people.attendees) {
    await signUp(
      db,
      joint,
      { openid: person.openid, branchId: person.branchId, role: 'member' },
      person.name,
      signUpAt,
    );
  }
  let present = 0;
  for (const { person, checkedInAfterMinutes } of people.attendees) {
    if (checkedInAfterMinutes === null) continue;
    present += 1;
    await recordCheckIn(
      db,
      joint,
      person,
      {
        method: 'qr',
        timing: checkedInAfterMinutes > 0 ? 'late' : 'onTime',
        by: { openid: person.openid, name: person.name, reason: null },
      },
      new Date(startsAt.getTime() + checkedInAfterMinutes * MINUTE),
    );
  }

  return [
    `pairing theme days: the first Friday at 09:30 (next working day on holidays), ${generated.created} draft events for both sides`,
    `joint event a week ago: "${joint.title}" (${people.attendees.length} signed up from both sides, ${present} checked in)`,
  ];
}
