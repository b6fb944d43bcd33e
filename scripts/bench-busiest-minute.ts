/**
 * The busiest minute of a theme day, through the function gateway of an in-process local cloud
 * running the built `api` bundle (run `npm run build` first), with its function pool as it is
 * (8 instances): 500 members at once. Every figure is set against a baseline measured in the
 * same run, 500 calls at once of a function that makes one bare database write, so the ratio is
 * about the work a request does, not about the machine. Each measurement is taken in 5 rounds,
 * each round its baseline and then the action on a fresh event, after one such round that warms
 * every instance and is not counted; the median ratio is reported. Beside the p95, each round
 * prints the main thread's busy time per request: the local cloud's main thread serves every
 * database call, so that ratio is the work a request makes it do, and it swings less than a tail.
 *
 *   npm run bench:checkin   500 check-ins with the rotating code, then the sweep that settles
 *                           their attendance points (off the busy minute)
 *   npm run bench:signup    500 sign-ups for 100 places, under CloudBase's conflict rule and
 *                           under the emulator's optional queueing, with attempts per success
 *
 * Each run also checks the invariants (everyone checked in once; exactly 100 seats, 400 waiting
 * in order, no CONFLICT answer) and exits non-zero if one broke.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiResult, CheckInCode } from '../src/contract';
import type { RegistrationDoc } from '../src/db/documents';
import { settleAllDue } from '../src/server/attendance-points';
import { readAll } from '../src/server/docs';
import type { TransactionMode } from '../local-cloud/src/database/transactions';
import { call, DAY, makeBranch, publishedEvent } from '../test/scenario/event-support';
import { benchFunctionsDir, BARE_WRITE } from './bench-functions';
import { startApiCloud, type ApiCloud } from '../test/scenario/support';

const MEMBERS = 500;
const SEATS = 100;
const root = path.resolve(__dirname, '..');

interface Timed<T> {
  results: T[];
  latencies: number[];
  elapsedMs: number;
  /** The main thread's busy time (event-loop utilisation) per request while they ran. */
  mainMsEach: number;
}

async function atOnce<T>(count: number, run: (i: number) => Promise<T>): Promise<Timed<T>> {
  const latencies: number[] = [];
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t0 = performance.now();
      const result = await run(i);
      latencies.push(performance.now() - t0);
      return result;
    }),
  );
  return {
    results,
    latencies: latencies.sort((a, b) => a - b),
    elapsedMs: performance.now() - started,
    mainMsEach: performance.eventLoopUtilization(loop).active / count,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

function report(label: string, timed: Timed<unknown>, baseline?: Timed<unknown>): void {
  const p50 = percentile(timed.latencies, 50);
  const p95 = percentile(timed.latencies, 95);
  const ratio = baseline
    ? `   p95 = ${(p95 / percentile(baseline.latencies, 95)).toFixed(2)}× bare write` +
      `   main thread ${(timed.mainMsEach / baseline.mainMsEach).toFixed(2)}×`
    : '';
  console.log(
    `  ${label.padEnd(22)} ${((timed.results.length / timed.elapsedMs) * 1000).toFixed(0).padStart(5)}/s   p50 ${ms(p50)}   p95 ${ms(p95)}` +
      `   main thread ${timed.mainMsEach.toFixed(2)} ms each${ratio}`,
  );
}

/** A cloud for one measurement; its stop() also removes the functions folder made for it. */
async function startCloud(transactionMode: TransactionMode): Promise<ApiCloud> {
  const dir = benchFunctionsDir('fns', ['api'], { 'bare-write': BARE_WRITE });
  const cloud = await startApiCloud({
    functionsDir: dir,
    cloudConfig: path.join(root, 'cloudbaserc.json'),
    transactionMode,
  });
  return {
    ...cloud,
    stop: async () => {
      await cloud.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rounds of each measurement; the ratio reported is their median (one round swings with the machine). */
const ROUNDS = 5;

async function warm(cloud: ApiCloud): Promise<void> {
  await cloud.db().createCollection('benchWrites');
  // Warm the instances as a real morning would, then measure.
  await atOnce(8, (n) => cloud.callFunction('bare-write', { n }));
}

function bareWrites(cloud: ApiCloud, round: number): Promise<Timed<unknown>> {
  return atOnce(MEMBERS, (n) => cloud.callFunction('bare-write', { n }, { openid: `bench-${round}-${n}` }));
}

const p95 = (timed: Timed<unknown>) => percentile(timed.latencies, 95);
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface RoundOutcome {
  timed: Timed<unknown>;
  /** The round's invariants held. */
  ok: boolean;
  /** A line of what the round did besides its latencies. */
  detail: string;
}

/**
 * Round 0 warms both paths (every instance compiles them once) and is not counted; then each
 * round is the baseline and `action` back to back. Prints each round and the median ratio;
 * answers whether every round, the warm-up included, kept its invariants.
 */
async function rounds(
  cloud: ApiCloud,
  label: string,
  action: (round: number) => Promise<RoundOutcome>,
): Promise<boolean> {
  const ratios: number[] = [];
  const mainRatios: number[] = [];
  let ok = true;
  for (let round = 0; round <= ROUNDS; round++) {
    const baseline = await bareWrites(cloud, round);
    const outcome = await action(round);
    ok = ok && outcome.ok;
    if (round === 0) continue;
    console.log(`  round ${round}`);
    report('bare database write', baseline);
    report(label, outcome.timed, baseline);
    console.log(`  ${outcome.detail}`);
    ratios.push(p95(outcome.timed) / p95(baseline));
    mainRatios.push(outcome.timed.mainMsEach / baseline.mainMsEach);
  }
  const listed = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  console.log(
    `  ${label} p95 = ${medianOf(ratios).toFixed(2)}× a bare write (median of ${ROUNDS} rounds: ${listed(ratios)})`,
  );
  console.log(
    `  ${label} main thread = ${medianOf(mainRatios).toFixed(2)}× a bare write (median of ${ROUNDS} rounds: ${listed(mainRatios)})`,
  );
  return ok;
}

async function checkIns(): Promise<boolean> {
  const cloud = await startCloud('conflict');
  try {
    await warm(cloud);
    const branch = await makeBranch(cloud, 'bench-branch', MEMBERS);
    console.log(`check-in: ${MEMBERS} members at once, the api function on 8 instances`);
    const ok = await rounds(cloud, 'check-in', async () => {
      const event = await publishedEvent(cloud, branch, 10 * 60_000);
      const code: CheckInCode = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
      await atOnce(8, () => cloud.api('checkin.code', { eventId: event.id }, branch.secretary));
      const before = cloud.local.databaseStats().requests;
      const timed = await atOnce(MEMBERS, (i) =>
        cloud.api('checkin.scan', { eventId: event.id, token: code.token }, branch.members[i]),
      );
      const dbCalls = (cloud.local.databaseStats().requests - before) / MEMBERS;
      const stored = await readAll<{ memberId: string }>(
        cloud.db(),
        'checkins',
        { eventId: event.id, status: 'present' },
        'at',
      );
      const failed = (timed.results as ApiResult<unknown>[]).filter((r) => !r.ok).length;
      const once = new Set(stored.map((s) => s.memberId)).size === MEMBERS && stored.length === MEMBERS;
      return {
        timed,
        ok: failed === 0 && once,
        detail: `${dbCalls.toFixed(1)} database calls per check-in; ${failed} refused; each member once: ${once}`,
      };
    });
    // The points the scans left due, settled afterwards as the scheduler's sweep does (outside the minute).
    const beforeSettle = cloud.local.databaseStats().requests;
    const t0 = performance.now();
    const settled = await settleAllDue(cloud.db(), new Date());
    const settleMs = performance.now() - t0;
    const settleCalls = cloud.local.databaseStats().requests - beforeSettle;
    console.log(
      `  then their points: ${settled} check-ins (with the demo's) settled in ${ms(settleMs)} ` +
        `by ${settleCalls} database calls in all`,
    );
    return ok && settled >= (ROUNDS + 1) * MEMBERS;
  } finally {
    await cloud.stop();
  }
}

async function signUps(mode: TransactionMode): Promise<boolean> {
  const cloud = await startCloud(mode);
  try {
    await warm(cloud);
    const branch = await makeBranch(cloud, 'bench-branch', MEMBERS);
    console.log(`sign-up (${mode} transactions): ${MEMBERS} members at once for ${SEATS} places, 8 instances`);
    return await rounds(cloud, 'sign-up', async () => {
      const event = await publishedEvent(cloud, branch, 3 * DAY, { capacity: SEATS });
      const before = cloud.local.databaseStats();
      const timed = await atOnce(MEMBERS, (i) =>
        cloud.api('registration.signUp', { eventId: event.id }, branch.members[i]),
      );
      const after = cloud.local.databaseStats();
      const regs = await readAll<RegistrationDoc>(
        cloud.db(),
        'registrations',
        { eventId: event.id, status: cloud.db().command.in(['registered', 'waitlisted']) },
        'sequence',
      );
      const answers = timed.results as ApiResult<unknown>[];
      const conflicts = answers.filter((r) => !r.ok && r.error.code === 'CONFLICT').length;
      const ordered =
        regs.length === MEMBERS &&
        regs.every((r, i) => r.sequence === i + 1 && r.status === (i < SEATS ? 'registered' : 'waitlisted'));
      const commits = after.commits - before.commits;
      const transactions = after.transactions - before.transactions;
      return {
        timed,
        ok: conflicts === 0 && answers.every((r) => r.ok) && ordered,
        detail:
          `${((after.requests - before.requests) / MEMBERS).toFixed(1)} database calls per sign-up; ` +
          `${transactions} transactions for ${commits} commits ` +
          `(${(transactions / Math.max(1, commits)).toFixed(2)} attempts per commit, ` +
          `${after.conflicts - before.conflicts} conflicts); ${conflicts} members answered CONFLICT; ` +
          `${SEATS} seated and ${MEMBERS - SEATS} waiting in order: ${ordered}`,
      };
    });
  } finally {
    await cloud.stop();
  }
}

async function main(): Promise<void> {
  const which = process.argv[2];
  let ok = true;
  if (which === 'checkin') ok = await checkIns();
  else if (which === 'signup') {
    for (const mode of ['conflict', 'queue'] as const) ok = (await signUps(mode)) && ok;
  } else throw new Error('usage: bench-busiest-minute.ts checkin|signup');
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
