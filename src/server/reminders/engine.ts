/**
 * The reminder engine: claim → send → record, exactly once per (member, subject, kind).
 *
 * - Claim: the reminder's `_id` is `${kind}_${subjectId}_${openid}`, inserted with a lease; if
 *   it exists, it is taken only when it is 'claimed' or 'retry' and its lease has run out (one
 *   conditional update, which the database serialises). Two firings, two instances or a run
 *   resumed after a crash therefore never both hold one reminder, and a final state ('sent',
 *   'noCredit', 'refused', 'bug', 'failed') is never taken again.
 * - Send: only to a member holding a credit (read for the whole page at once); the credit is
 *   spent after WeChat accepted the message, so only a successful send spends one, and a run
 *   that dies between claim and send leaves the credit for the resumed run. 43101 is recorded and not retried; 40003, 40037, 41030, 47003 are recorded as bugs
 *   (logged as failures: our message or config is wrong); -1, 45009 and network errors are
 *   retried with back-off, a few times at once and then by later firings.
 * - Record: the outcome is written on the reminder.
 *
 * The one window left: a function that dies after WeChat accepted a message and before its
 * record is written leaves a 'claimed' reminder that will be sent again (WeChat's send has no
 * idempotency key). The window is one database write long; everything else resumes exactly.
 */
import { randomBytes } from 'node:crypto';
import type { ReminderKindName, ReminderState, TemplateKey } from '../../contract/reminder-models';
import type { ReminderDoc, ReminderJobDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { isDuplicateWrite } from '../docs';
import { describeError, log } from '../log';
import { wechatOpenApi } from '../wechat';
import { creditsFor, spendCredit } from './credits';
import type { ReminderKind } from './kinds';
import { messageData, TEMPLATES } from './templates';

/** How long a claim is owned: longer than a scheduler run (60 s), so a live run keeps it. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** Sends in flight at once per run: well inside WeChat's rate limits for subscribeMessage.send. */
export const SEND_CONCURRENCY = 8;
/** Tries of one send before leaving it to a later firing. */
const INLINE_TRIES = 3;
/** Later firings' tries before giving up. */
const MAX_ATTEMPTS = 6;

export const BUG_ERRCODES = new Set([40003, 40037, 41030, 47003]);
export const RETRY_ERRCODES = new Set([-1, 45009]);
export const NO_CREDIT_ERRCODE = 43101;

export type Outcome = ReminderState | 'skipped';
export type Counts = Partial<Record<Outcome, number>>;

export interface RunClock {
  /** The instant the run stands at (the trigger's time, moved on by the run's own duration). */
  now(): Date;
  /** Who holds the leases this run takes. */
  token: string;
}

export function runClock(at: Date): RunClock {
  const started = Date.now();
  return { now: () => new Date(at.getTime() + (Date.now() - started)), token: randomBytes(8).toString('hex') };
}

export const reminderId = (kind: ReminderKindName, subjectId: string, openid: string): string =>
  `${kind}_${subjectId}_${openid}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the reminder for this run; false when it is done or someone else holds it. */
async function claim(
  db: Database,
  job: ReminderJobDoc,
  template: TemplateKey,
  openid: string,
  clock: RunClock,
): Promise<boolean> {
  const now = clock.now();
  const id = reminderId(job.kind, job.subjectId, openid);
  const doc: ReminderDoc = {
    _id: id,
    kind: job.kind,
    subjectId: job.subjectId,
    jobId: job._id,
    eventId: job.eventId,
    openid,
    templateKey: template,
    state: 'claimed',
    leaseUntil: now.getTime() + CLAIM_LEASE_MS,
    leaseBy: clock.token,
    attempts: 0,
    errcode: null,
    errmsg: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.collection('reminders').add(doc);
    return true;
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
  const _ = db.command;
  const { updated } = await db
    .collection('reminders')
    .where({ _id: id, state: _.in(['claimed', 'retry']), leaseUntil: _.lt(now.getTime()) })
    .update({ state: 'claimed', leaseUntil: now.getTime() + CLAIM_LEASE_MS, leaseBy: clock.token, updatedAt: now });
  return updated === 1;
}

async function record(db: Database, id: string, patch: Partial<ReminderDoc>, clock: RunClock): Promise<void> {
  await db
    .collection('reminders')
    .doc(id)
    .update({ ...patch, updatedAt: clock.now() });
}

function errcodeOf(err: unknown): number | null {
  const code = (err as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : null;
}

interface SendAnswer {
  ok: boolean;
  errcode: number | null;
  errmsg: string;
}

async function send(
  openid: string,
  templateId: string,
  page: string,
  data: Record<string, { value: string }>,
): Promise<SendAnswer> {
  try {
    await wechatOpenApi().subscribeMessage.send({
      touser: openid,
      templateId,
      page,
      data,
      miniprogramState: process.env.MINIPROGRAM_STATE ?? 'formal',
      lang: 'zh_CN',
    } as never);
    return { ok: true, errcode: 0, errmsg: 'ok' };
  } catch (err) {
    return { ok: false, errcode: errcodeOf(err), errmsg: (err as Error).message ?? String(err) };
  }
}

const retryable = (code: number | null): boolean => code === null || RETRY_ERRCODES.has(code);

/** One member: claim, take a credit, send (retrying passing failures), record. */
async function deliverOne<S>(
  db: Database,
  job: ReminderJobDoc,
  kind: ReminderKind<S>,
  subject: S,
  openid: string,
  clock: RunClock,
  attemptsBefore: number,
  credit: { credits: number; longTerm: boolean } | undefined,
): Promise<Outcome> {
  if (!(await claim(db, job, kind.template, openid, clock))) return 'skipped';
  const id = reminderId(job.kind, job.subjectId, openid);
  if (!credit || (!credit.longTerm && credit.credits <= 0)) {
    await record(db, id, { state: 'noCredit', leaseUntil: 0 }, clock);
    return 'noCredit';
  }
  const data = messageData(kind.template, kind.fields(subject, job));
  let answer: SendAnswer = { ok: false, errcode: null, errmsg: '' };
  for (let attempt = 1; attempt <= INLINE_TRIES; attempt++) {
    answer = await send(openid, TEMPLATES[kind.template].id, kind.page(subject), data);
    if (answer.ok || !retryable(answer.errcode)) break;
    if (attempt < INLINE_TRIES) await sleep(150 * 4 ** (attempt - 1) * (0.75 + Math.random() / 2));
  }
  if (answer.ok) {
    await record(db, id, { state: 'sent', sentAt: clock.now(), leaseUntil: 0, errcode: 0, errmsg: null }, clock);
    if (!credit.longTerm) await spendCredit(db, openid, kind.template);
    return 'sent';
  }
  const failure = { errcode: answer.errcode, errmsg: answer.errmsg.slice(0, 200) };
  if (answer.errcode === NO_CREDIT_ERRCODE) {
    await record(db, id, { state: 'refused', leaseUntil: 0, ...failure }, clock);
    return 'refused';
  }
  if (answer.errcode !== null && BUG_ERRCODES.has(answer.errcode)) {
    log('failed', { action: 'reminder.send', kind: job.kind, reminder: id, ...failure });
    await record(db, id, { state: 'bug', leaseUntil: 0, ...failure }, clock);
    return 'bug';
  }
  const attempts = attemptsBefore + 1;
  if (retryable(answer.errcode) && attempts < MAX_ATTEMPTS) {
    const later = clock.now().getTime() + 60_000 * 2 ** attempts;
    await record(db, id, { state: 'retry', leaseUntil: later, attempts, ...failure }, clock);
    return 'retry';
  }
  log('failed', { action: 'reminder.send', kind: job.kind, reminder: id, attempts, ...failure });
  await record(db, id, { state: 'failed', leaseUntil: 0, attempts, ...failure }, clock);
  return 'failed';
}

/** Delivers one kind of reminder of one subject to these members, a few at a time; answers the outcomes. */
export async function deliver<S>(
  db: Database,
  job: ReminderJobDoc,
  kind: ReminderKind<S>,
  subject: S,
  openids: readonly string[],
  clock: RunClock,
  attemptsBefore: ReadonlyMap<string, number> = new Map(),
): Promise<Counts> {
  const counts: Counts = {};
  const credits = await creditsFor(db, openids, kind.template);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < openids.length) {
      const openid = openids[next++] as string;
      let outcome: Outcome;
      try {
        outcome = await deliverOne(
          db,
          job,
          kind,
          subject,
          openid,
          clock,
          attemptsBefore.get(openid) ?? 0,
          credits.get(openid),
        );
      } catch (err) {
        // A database failure: the claim's lease runs out and a later run takes it again.
        log('failed', { action: 'reminder.deliver', kind: job.kind, openid, ...describeError(err) });
        outcome = 'claimed';
      }
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, openids.length) }, worker));
  return counts;
}

export function addCounts(into: Counts, more: Counts): Counts {
  for (const [key, n] of Object.entries(more) as [Outcome, number][]) into[key] = (into[key] ?? 0) + n;
  return into;
}
