/**
 * Demo reminders (issue 11): 王芳 holds start and change credits for the lecture, 陈刚 was
 * reminded by the secretary's send-now, and two group chats brought sign-ups (one named by the
 * secretary), so 我的提醒 and the lecture's 提醒与群来源 page show the feature in use. Only our side
 * is seeded: the local cloud's own record of accepted credits fills when a member taps 提醒我.
 */
import type { GroupNameDoc, GroupVisitDoc, ReminderDoc, SubscriptionCreditDoc } from '../db/reminder-documents';
import { ownerKey } from '../domain/event-access';
import type { Database } from '../server/cloud';
import { withoutId } from '../server/docs';
import { TEMPLATES } from '../server/reminders/templates';

export interface DemoReminderPeople {
  branchId: string;
  eventId: string;
  secretary: string;
  /** Holds credits. */
  subscriber: { openid: string; name: string };
  /** Was reminded. */
  reminded: { openid: string; name: string };
}

const MINUTE = 60_000;

export async function seedDemoReminders(db: Database, people: DemoReminderPeople, now: Date): Promise<string[]> {
  const credit = (key: 'eventStart' | 'eventChanged', credits: number): SubscriptionCreditDoc => ({
    _id: `${people.subscriber.openid}_${key}`,
    openid: people.subscriber.openid,
    templateKey: key,
    templateId: TEMPLATES[key].id,
    credits,
    longTerm: false,
    keep: null,
    acceptedAt: now,
    updatedAt: now,
  });
  for (const doc of [credit('eventStart', 1), credit('eventChanged', 1)])
    await db.collection('subscriptionCredits').doc(doc._id).set(withoutId(doc));

  const sentAt = new Date(now.getTime() - 30 * MINUTE);
  const reminder: ReminderDoc = {
    _id: `eventStartNow_${people.eventId}_${people.reminded.openid}`,
    kind: 'eventStartNow',
    subjectId: people.eventId,
    jobId: `eventStartNow_${people.eventId}`,
    eventId: people.eventId,
    openid: people.reminded.openid,
    templateKey: 'eventStart',
    state: 'sent',
    leaseUntil: 0,
    leaseBy: 'demo',
    attempts: 0,
    errcode: 0,
    errmsg: null,
    sentAt,
    createdAt: sentAt,
    updatedAt: sentAt,
  };
  await db.collection('reminders').doc(reminder._id).set(withoutId(reminder));

  const finance = 'Gdemo-finance-chat';
  const village = 'Gdemo-hongqi-chat';
  const visit = (openid: string, opengid: string): GroupVisitDoc => ({
    _id: `${people.eventId}_${openid}`,
    eventId: people.eventId,
    openid,
    opengid,
    // Before the sign-ups the demo made at `now`: they count for these groups.
    at: new Date(now.getTime() - 60 * MINUTE),
  });
  for (const doc of [visit(people.subscriber.openid, finance), visit(people.reminded.openid, village)])
    await db.collection('groupVisits').doc(doc._id).set(withoutId(doc));
  const owner = ownerKey({ kind: 'branch', id: people.branchId });
  const name: GroupNameDoc = {
    _id: `${owner}_${finance}`,
    ownerKey: owner,
    opengid: finance,
    name: '财政局党员群',
    namedBy: people.secretary,
    updatedAt: now,
  };
  await db.collection('groupNames').doc(name._id).set(withoutId(name));

  return [
    `reminders: ${people.subscriber.name} holds a start reminder for the lecture (我的提醒), ${people.reminded.name} was reminded by send-now; the lecture's 提醒与群来源 shows two group chats`,
  ];
}
