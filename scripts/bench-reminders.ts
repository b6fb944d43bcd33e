/**
 * The fan-out of a start reminder to 10,000 registered members, through an in-process local
 * cloud running the built `scheduler` bundle (run `npm run build` first): the scheduler's timer
 * is fired (at 5-minute steps of simulated time) until the job is done, each firing within its
 * time budget, recipients paged 1,000 at a time, 8 sends in flight. The baseline, measured in the
 * same run: a function sending the same 10,000 messages bare (no claim, no credit, no record),
 * 8 at a time, each an outbox write of the emulator. Prints total time and sends/s of both, and
 * the ratio; checks that every member got exactly one message and exits non-zero if not.
 *
 *   npm run bench:reminders
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_ROUTES } from '../local-cloud/src/routes';
import type { EventDoc, RegistrationDoc } from '../src/db/documents';
import type { SubscriptionCreditDoc } from '../src/db/reminder-documents';
import { TEMPLATES } from '../src/server/reminders/templates';
import { HOUR } from '../test/scenario/event-support';
import { benchFunctionsDir } from './bench-functions';
import { startApiCloud } from '../test/scenario/support';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const root = path.resolve(__dirname, '..');
const TEMPLATE = TEMPLATES.eventStart.id;

/** The baseline: the same sends, bare, 8 at a time. */
const BARE_SEND = `const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (event) => {
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < event.openids.length) {
      const touser = event.openids[next++];
      try {
        await cloud.openapi.subscribeMessage.send({ touser, templateId: event.templateId, page: event.page, data: event.data });
        ok += 1;
      } catch (err) {}
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { ok };
};
`;

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

async function main(): Promise<void> {
  const dir = benchFunctionsDir('reminders', ['api', 'scheduler'], { 'bare-send': BARE_SEND }, { copy: true });
  const cloud = await startApiCloud({
    functionsDir: dir,
    cloudConfig: path.join(root, 'cloudbaserc.json'),
    subscribeTemplates: path.join(root, 'subscribe-templates.json'),
    miniProgramProject: root,
    functionTimeoutMs: 600_000,
  });
  try {
    const db = cloud.db();
    const now = new Date();
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    const eventId = 'bench-fanout';
    const event: Omit<EventDoc, '_id'> = {
      owner: { kind: 'branch', id: 'branch-finance' },
      ownerKey: 'branch_branch-finance',
      kind: 'activity',
      themeDayKey: null,
      title: '万人规模主题党日提醒压测',
      theme: '学习党章',
      form: '集体学习',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      place: { name: '县委党校大礼堂', location: null, radiusM: 300, requireLocation: false },
      capacity: null,
      signUpDeadline: startsAt,
      checkInOpensBeforeMinutes: 30,
      audience: ['branch-finance'],
      organisers: [],
      status: 'published',
      cancelReason: null,
      registered: MEMBERS,
      waitlisted: 0,
      lastSequence: MEMBERS,
      openPlaces: null,
      createdBy: 'demo-secretary',
      createdAt: now,
      updatedAt: now,
    };
    await db.collection('events').doc(eventId).set(event);
    const openids = Array.from({ length: MEMBERS }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
    console.log(`seeding ${MEMBERS} registrations and credits…`);
    for (let i = 0; i < MEMBERS; i += 500) {
      const slice = openids.slice(i, i + 500);
      await db.collection('registrations').add(
        slice.map(
          (openid, j): RegistrationDoc => ({
            _id: `${eventId}_${openid}`,
            eventId,
            memberId: openid,
            branchId: 'branch-finance',
            name: `党员${i + j}`,
            status: 'registered',
            sequence: i + j + 1,
            signedUpAt: now,
            updatedAt: now,
            pending: false,
            request: null,
            refusal: null,
            released: null,
          }),
        ),
      );
      await db.collection('subscriptionCredits').add(
        slice.map(
          (openid): SubscriptionCreditDoc => ({
            _id: `${openid}_eventStart`,
            openid,
            templateKey: 'eventStart',
            templateId: TEMPLATE,
            credits: 1,
            longTerm: false,
            keep: null,
            acceptedAt: now,
            updatedAt: now,
          }),
        ),
      );
    }

    // Baseline first, before WeChat holds any credit: each send is validated and recorded (43101).
    const data = {
      thing1: { value: '万人规模主题党日提醒压测' },
      time2: { value: '2026-03-15 09:00' },
      thing3: { value: '县委党校大礼堂' },
      thing4: { value: '请按时参加' },
    };
    const bareStarted = performance.now();
    await cloud.callFunction('bare-send', {
      openids,
      templateId: TEMPLATE,
      page: `packages/events/detail/index?id=${eventId}`,
      data,
    });
    const bareMs = performance.now() - bareStarted;
    const bareCount = (await cloud.outbox('subscribeMessage.send')).length;

    await pool(openids, 16, (openid) =>
      fetch(`${cloud.baseUrl}${ADMIN_ROUTES.subscriptions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid, results: { [TEMPLATE]: 'accept' } }),
      }),
    );

    const started = performance.now();
    let firings = 0;
    for (let at = now.getTime(); firings < 40; at += 5 * 60_000) {
      firings += 1;
      const run = await cloud.fireTimer<{ reminders: { unfinished: number; jobs: number } }>(
        'scheduler',
        'daily',
        new Date(at),
      );
      const { data: jobs } = await db
        .collection('reminderJobs')
        .doc(`eventStart1d_${eventId}@${startsAt.getTime()}`)
        .get();
      if ((jobs as { state: string }[])[0]?.state === 'done') break;
      if (run.reminders.jobs === 0 && firings > 1) break;
    }
    const fanoutMs = performance.now() - started;
    const sent = (await cloud.outbox('subscribeMessage.send')).slice(bareCount).filter((m) => m.errcode === 0);
    const recipients = new Set(sent.map((m) => m.params.touser as string));
    const exact = sent.length === MEMBERS && recipients.size === MEMBERS;

    const rate = (n: number, msTaken: number) => ((n / msTaken) * 1000).toFixed(0);
    console.log(`fan-out of a start reminder to ${MEMBERS} members (paged by 1,000, 8 sends in flight)`);
    console.log(`  bare outbox writes  ${(bareMs / 1000).toFixed(1)} s   ${rate(bareCount, bareMs)} sends/s`);
    console.log(
      `  reminder engine     ${(fanoutMs / 1000).toFixed(1)} s   ${rate(sent.length, fanoutMs)} sends/s   ${firings} firing(s)`,
    );
    console.log(
      `  ratio               ${(fanoutMs / bareMs).toFixed(2)}× the bare writes' time (claim, record, spend per send)`,
    );
    console.log(`  exactly once        ${exact ? 'yes' : `NO: ${sent.length} sends to ${recipients.size} members`}`);
    if (!exact) process.exitCode = 1;
  } finally {
    await cloud.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
