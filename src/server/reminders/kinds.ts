/**
 * Every kind of reminder: which template it fills, who receives it (paged, ≤ 1,000 per query),
 * what its keywords say and which page it opens. A job (`${kind}_${subjectId}`) fans one kind out
 * for one subject; adding a kind is one entry here plus whatever enqueues its jobs (a due scan in
 * due.ts, or a call of enqueueJob where the thing happens).
 */
import type { ReminderKindName, TemplateKey } from '../../contract/reminder-models';
import type { EventDoc, MemberDoc, NoticeDoc, NoticeReadDoc, RegistrationDoc } from '../../db/documents';
import type { LedgerItemDoc } from '../../db/org-documents';
import type { ReminderJobDoc } from '../../db/reminder-documents';
import type { KeywordInput } from '../../domain/subscribe-values';
import type { Database } from '../cloud';
import { getDoc, registrationId } from '../docs';
import { receiptId } from '../notices';
import { holdersOf } from './credits';

/** CloudBase answers at most 1,000 documents per server-side query. */
export const RECIPIENT_PAGE = 1000;

export interface RecipientPage {
  openids: string[];
  /** Where the next page starts; null when this was the last. */
  next: string | null;
}

export interface ReminderKind<S> {
  template: TemplateKey;
  /** For the secretaries' view. */
  label: string;
  load(db: Database, job: ReminderJobDoc): Promise<S | null>;
  /** Still worth sending at `now` (a start reminder of a cancelled event is not). */
  stillDue(subject: S, now: Date): boolean;
  recipients(db: Database, subject: S, job: ReminderJobDoc, after: string | null): Promise<RecipientPage>;
  fields(subject: S, job: ReminderJobDoc): Record<string, KeywordInput>;
  page(subject: S): string;
}

export const EVENT_PAGE = 'packages/events/detail/index';
const LEDGER_PAGE = 'packages/pairing/ledger-item/index';
export const NOTICE_PAGE = 'packages/notices/detail/index';

const eventPage = (event: EventDoc): string => `${EVENT_PAGE}?id=${event._id}`;
/**
 * The job's event; null (nothing to send) when the subject names a start time (`${id}@${ms}`:
 * start reminders, moves) that is no longer the event's, since it moved again.
 */
async function loadEvent(db: Database, job: ReminderJobDoc): Promise<EventDoc | null> {
  if (!job.eventId) return null;
  const event = await getDoc<EventDoc>(db, 'events', job.eventId);
  const at = job.subjectId.split('@')[1];
  return event && (at === undefined || Number(at) === event.startsAt.getTime()) ? event : null;
}

/** Registered members of the event, by openid. */
async function registeredMembers(db: Database, event: EventDoc, after: string | null): Promise<RecipientPage> {
  const _ = db.command;
  const { data } = await db
    .collection('registrations')
    .where({ eventId: event._id, status: 'registered', ...(after ? { memberId: _.gt(after) } : {}) })
    .orderBy('memberId', 'asc')
    .limit(RECIPIENT_PAGE)
    .get();
  const openids = (data as RegistrationDoc[]).map((r) => r.memberId);
  return { openids, next: openids.length === RECIPIENT_PAGE ? (openids.at(-1) ?? null) : null };
}

/** Registered and waitlisted members (those a change of the event concerns). */
async function activeMembers(db: Database, event: EventDoc, after: string | null): Promise<RecipientPage> {
  const _ = db.command;
  const { data } = await db
    .collection('registrations')
    .where({
      eventId: event._id,
      status: _.in(['registered', 'waitlisted']),
      ...(after ? { memberId: _.gt(after) } : {}),
    })
    .orderBy('memberId', 'asc')
    .limit(RECIPIENT_PAGE)
    .get();
  const openids = (data as RegistrationDoc[]).map((r) => r.memberId);
  return { openids, next: openids.length === RECIPIENT_PAGE ? (openids.at(-1) ?? null) : null };
}

/** One page of active members of these branches, by openid. Cursor: `${branch index}:${last openid}`. */
async function branchMembers(
  db: Database,
  branches: readonly string[],
  after: string | null,
): Promise<{ members: MemberDoc[]; next: string | null }> {
  const _ = db.command;
  const [indexText, lastId] = after
    ? [after.slice(0, after.indexOf(':')), after.slice(after.indexOf(':') + 1)]
    : ['0', ''];
  for (let branch = Number(indexText); branch < branches.length; branch++) {
    const branchId = branches[branch] as string;
    const since = branch === Number(indexText) ? lastId : '';
    const { data } = await db
      .collection('members')
      .where({ branchId, status: 'active', ...(since ? { _id: _.gt(since) } : {}) })
      .orderBy('_id', 'asc')
      .limit(RECIPIENT_PAGE)
      .get();
    const members = data as MemberDoc[];
    if (members.length === 0) continue;
    const full = members.length === RECIPIENT_PAGE;
    const next = full
      ? `${branch}:${members.at(-1)?._id ?? ''}`
      : branch + 1 < branches.length
        ? `${branch + 1}:`
        : null;
    return { members, next };
  }
  return { members: [], next: null };
}

/** Active members of the event's audience branches without an active registration. */
async function audienceNotSignedUp(db: Database, event: EventDoc, after: string | null): Promise<RecipientPage> {
  const _ = db.command;
  const { members, next } = await branchMembers(db, event.audience, after);
  if (members.length === 0) return { openids: [], next };
  const ids = members.map((m) => registrationId(event._id, m._id));
  const { data: regs } = await db
    .collection('registrations')
    .where({ _id: _.in(ids) })
    .limit(RECIPIENT_PAGE)
    .get();
  const signedUp = new Set(
    (regs as RegistrationDoc[])
      .filter((r) => r.status === 'registered' || r.status === 'waitlisted' || r.pending)
      .map((r) => r.memberId),
  );
  return { openids: members.map((m) => m._id).filter((openid) => !signedUp.has(openid)), next };
}

/**
 * Active members of the notice's audience branches who have not opened it (no receipt) and hold
 * a credit for it: one who holds none is left alone, so no audience-wide trail of "no credit"
 * records is written for every notice. The author is not reminded of their own notice.
 */
async function unreadHolders(db: Database, notice: NoticeDoc, after: string | null): Promise<RecipientPage> {
  const _ = db.command;
  const { members, next } = await branchMembers(db, notice.branches, after);
  const candidates = members.map((m) => m._id).filter((openid) => openid !== notice.authorOpenid);
  if (candidates.length === 0) return { openids: [], next };
  const { data: reads } = await db
    .collection('noticeReads')
    .where({ _id: _.in(candidates.map((openid) => receiptId(notice._id, openid))) })
    .limit(RECIPIENT_PAGE)
    .get();
  const read = new Set((reads as NoticeReadDoc[]).map((r) => r.openid));
  const unread = candidates.filter((openid) => !read.has(openid));
  const holders = await holdersOf(db, unread, 'noticeUnread');
  return { openids: unread.filter((openid) => holders.has(openid)), next };
}

/** The members the job names (a promotion names the promoted). */
function named(job: ReminderJobDoc): RecipientPage {
  return { openids: job.openids ?? [], next: null };
}

const live = (event: EventDoc, now: Date): boolean =>
  event.status === 'published' && event.startsAt.getTime() > now.getTime();

function startKind(label: string, note: string): ReminderKind<EventDoc> {
  return {
    template: 'eventStart',
    label,
    load: loadEvent,
    stillDue: live,
    recipients: (db, event, _job, after) => registeredMembers(db, event, after),
    fields: (event) => ({ title: event.title, startsAt: event.startsAt, place: event.place.name, note }),
    page: eventPage,
  };
}

/** Typed entries: each kind's callbacks see its own subject. */
const ofEvent = (kind: ReminderKind<EventDoc>): ReminderKind<EventDoc> => kind;
const ofLedgerItem = (kind: ReminderKind<LedgerItemDoc>): ReminderKind<LedgerItemDoc> => kind;
const ofNotice = (kind: ReminderKind<NoticeDoc>): ReminderKind<NoticeDoc> => kind;

/** A notice still shown to its audience: published (not withdrawn) and not expired. */
export const noticeLive = (notice: NoticeDoc, now: Date): boolean =>
  notice.status === 'published' && (!notice.expiresAt || notice.expiresAt.getTime() > now.getTime());

export const KINDS: Record<
  ReminderKindName,
  ReminderKind<EventDoc> | ReminderKind<LedgerItemDoc> | ReminderKind<NoticeDoc>
> = {
  eventStart1d: startKind('开始前 1 天', '活动即将开始，请按时参加'),
  eventStart1h: startKind('开始前 1 小时', '活动 1 小时后开始'),
  eventStartNow: ofEvent({
    ...startKind('书记提醒', '书记提醒你按时参加'),
    // Only those who hold a credit: the others stay free for a later reminder.
    recipients: async (db, event, _job, after) => {
      const page = await registeredMembers(db, event, after);
      const holders = await holdersOf(db, page.openids, 'eventStart');
      return { openids: page.openids.filter((openid) => holders.has(openid)), next: page.next };
    },
  }),
  signUpDeadline: ofEvent({
    template: 'signUpDeadline',
    label: '报名截止',
    load: loadEvent,
    stillDue: (event, now) => event.status === 'published' && event.signUpDeadline.getTime() > now.getTime(),
    recipients: (db, event, _job, after) => audienceNotSignedUp(db, event, after),
    fields: (event) => ({
      title: event.title,
      deadline: event.signUpDeadline,
      note: '报名即将截止，需要参加请尽快报名',
    }),
    page: eventPage,
  }),
  waitlistPromoted: ofEvent({
    template: 'waitlistPromoted',
    label: '候补转正',
    load: loadEvent,
    stillDue: live,
    recipients: async (_db, _event, job) => named(job),
    fields: (event) => ({ title: event.title, startsAt: event.startsAt, status: '候补成功' }),
    page: eventPage,
  }),
  eventMoved: ofEvent({
    template: 'eventChanged',
    label: '活动改期',
    load: loadEvent,
    stillDue: live,
    recipients: (db, event, _job, after) => activeMembers(db, event, after),
    fields: (event, job) => ({
      title: event.title,
      change: '已改期',
      startsAt: event.startsAt,
      reason: job.data.reason || '时间有调整，请留意新的时间',
    }),
    page: eventPage,
  }),
  eventCancelled: ofEvent({
    template: 'eventChanged',
    label: '活动取消',
    load: loadEvent,
    stillDue: (event) => event.status === 'cancelled',
    recipients: (db, event, _job, after) => activeMembers(db, event, after),
    fields: (event, job) => ({
      title: event.title,
      change: '已取消',
      startsAt: event.startsAt,
      reason: job.data.reason || event.cancelReason || '活动已取消',
    }),
    page: eventPage,
  }),
  ledgerOverdue: ofLedgerItem({
    template: 'ledgerOverdue',
    label: '台账逾期',
    load: (db, job) => getDoc<LedgerItemDoc>(db, 'ledgerItems', job.subjectId.split('@')[0] as string),
    stillDue: (item) => item.status === 'open' || item.status === 'inProgress',
    recipients: async (db, item) => {
      const { data } = await db
        .collection('members')
        .where({ branchId: item.ownerOrgId, status: 'active' })
        .limit(RECIPIENT_PAGE)
        .get();
      const leads = (data as MemberDoc[]).filter((m) => m.role === 'secretary' || m.role === 'committeeMember');
      return { openids: leads.map((m) => m._id), next: null };
    },
    fields: (item) => ({ title: item.title, deadline: item.deadline, owner: item.ownerName }),
    page: (item) => `${LEDGER_PAGE}?id=${item._id}`,
  }),
  noticeUnread: ofNotice({
    template: 'noticeUnread',
    label: '通知未读',
    load: (db, job) => getDoc<NoticeDoc>(db, 'notices', job.subjectId),
    stillDue: noticeLive,
    recipients: (db, notice, _job, after) => unreadHolders(db, notice, after),
    fields: (notice) => ({
      title: notice.title,
      publishedAt: notice.publishedAt ?? notice.createdAt,
      note: '你有一条通知还未阅读，请及时查看',
    }),
    page: (notice) => `${NOTICE_PAGE}?id=${notice._id}`,
  }),
};

export function kindOf(name: ReminderKindName): ReminderKind<unknown> {
  return KINDS[name] as unknown as ReminderKind<unknown>;
}
