/**
 * npm run bench:study — the study check-in with its points award, and a member's points total
 * over five years of history, through the function gateway of an in-process local cloud running
 * the built `api` bundle (run `npm run build` first). Every figure is set against a baseline
 * measured in the same run: a function that makes one bare database write.
 *
 *  1. 200 members check in to today's study at once (each: the check-in, its content check and
 *     its points award), against 200 bare writes at once; database calls per check-in.
 *  2. points.mine for a member with five years of ledger entries (~4,000), one call at a time,
 *     against one bare write at a time; the total is checked against the entries themselves.
 *
 * Exits non-zero if an invariant broke (each member one check-in and one award; exact total).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiResult, MyPointsView } from '../src/contract';
import type { PointEntryDoc } from '../src/db/documents';
import { addDays } from '../src/domain/shanghai-time';
import { makeBranch, unwrap } from '../test/scenario/event-support';
import { benchFunctionsDir, BARE_WRITE } from './bench-functions';
import { startApiCloud, type ApiCloud } from '../test/scenario/support';

const MEMBERS = 200;
const YEARS = 5;
const SERIAL_CALLS = 30;
const root = path.resolve(__dirname, '..');

async function timedAll<T>(
  count: number,
  run: (i: number) => Promise<T>,
): Promise<{ results: T[]; latencies: number[] }> {
  const latencies: number[] = [];
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t0 = performance.now();
      const result = await run(i);
      latencies.push(performance.now() - t0);
      return result;
    }),
  );
  return { results, latencies: latencies.sort((a, b) => a - b) };
}

async function timedSerial<T>(
  count: number,
  run: (i: number) => Promise<T>,
): Promise<{ results: T[]; latencies: number[] }> {
  const results: T[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    results.push(await run(i));
    latencies.push(performance.now() - t0);
  }
  return { results, latencies: latencies.sort((a, b) => a - b) };
}

const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
const line = (label: string, t: { latencies: number[] }, base?: { latencies: number[] }) =>
  console.log(
    `  ${label.padEnd(30)} p50 ${p(t.latencies, 50).toFixed(0).padStart(4)} ms   p95 ${p(t.latencies, 95).toFixed(0).padStart(4)} ms` +
      (base
        ? `   p50 = ${(p(t.latencies, 50) / p(base.latencies, 50)).toFixed(2)}×  p95 = ${(p(t.latencies, 95) / p(base.latencies, 95)).toFixed(2)}× bare write`
        : ''),
  );

async function historyOf(cloud: ApiCloud, openid: string, branchId: string): Promise<number> {
  const entries: PointEntryDoc[] = [];
  const start = `${new Date().getUTCFullYear() - YEARS}-01-01`;
  const entry = (id: string, rule: string, points: number, day: string): PointEntryDoc => ({
    _id: id,
    sourceKey: id,
    memberId: openid,
    branchId,
    rule,
    points,
    reason: rule,
    year: Number(day.slice(0, 4)),
    day,
    at: new Date(`${day}T21:00:00+08:00`),
    reverses: null,
  });
  for (let i = 0; i < YEARS * 365; i++) {
    const day = addDays(start, i);
    if (i % 7 === 6) continue; // a day off a week
    entries.push(entry(`h_sc_${i}`, 'study.checkIn', 1, day));
    if (i % 3 === 0) entries.push(entry(`h_sr_${i}`, 'study.reflection', 1, day));
    if (day.endsWith('-15'))
      entries.push(entry(`h_att_${i}`, 'event.attended', 3, day), entry(`h_ont_${i}`, 'event.onTime', 1, day));
    if (day.endsWith('-02')) entries.push(entry(`h_ft_${i}`, 'study.firstTopic', 2, day));
    if (i % 50 === 0) entries.push(entry(`h_mu_${i}`, 'study.makeUp', 0.5, day));
  }
  for (let i = 0; i < entries.length; i += 500)
    await cloud
      .db()
      .collection('pointEntries')
      .add(entries.slice(i, i + 500));
  return entries.length;
}

async function main(): Promise<void> {
  const dir = benchFunctionsDir('study', ['api'], { 'bare-write': BARE_WRITE });
  const cloud = await startApiCloud({ functionsDir: dir, cloudConfig: path.join(root, 'cloudbaserc.json') });
  let ok = true;
  try {
    await cloud.db().createCollection('benchWrites');
    await timedAll(8, (n) => cloud.callFunction('bare-write', { n }));
    const bareAtOnce = await timedAll(MEMBERS, (n) =>
      cloud.callFunction('bare-write', { n }, { openid: `bench-${n}` }),
    );
    const branch = await makeBranch(cloud, 'bench-study', MEMBERS);
    await timedAll(8, (i) => cloud.api('study.today', {}, branch.members[i]));
    const before = cloud.local.databaseStats().requests;
    const checkIns = await timedAll(MEMBERS, (i) =>
      cloud.api(
        'study.checkIn',
        { title: '学习党章', minutes: 30, reflection: '联系实际，认真学习。' },
        branch.members[i],
      ),
    );
    const calls = (cloud.local.databaseStats().requests - before) / MEMBERS;
    const refused = (checkIns.results as ApiResult<unknown>[]).filter((r) => !r.ok).length;
    const { total: stored } = await cloud.db().collection('studyCheckins').where({ branchId: branch.id }).count();
    const { total: awards } = await cloud.db().collection('pointEntries').where({ branchId: branch.id }).count();
    console.log(`study check-in: ${MEMBERS} members at once, api and bare-write on the default pool`);
    line('bare database write', bareAtOnce);
    line('study check-in + points award', checkIns, bareAtOnce);
    console.log(
      `  ${calls.toFixed(1)} database calls per check-in; ${refused} refused; ${stored} stored; ${awards} awards`,
    );
    ok &&= refused === 0 && stored === MEMBERS && awards === MEMBERS;

    const veteran = branch.members[0]!;
    const count = await historyOf(cloud, veteran, branch.id);
    const bareSerial = await timedSerial(SERIAL_CALLS, (n) =>
      cloud.callFunction('bare-write', { n }, { openid: 'bench-serial' }),
    );
    const totals = await timedSerial(SERIAL_CALLS, () => cloud.api('points.mine', {}, veteran));
    const mine = unwrap<MyPointsView>(totals.results[0]!);
    const expected = await sumEntries(cloud, veteran);
    console.log(`points total: one member with ${YEARS} years of history (${count + 1} entries), one call at a time`);
    line('bare database write', bareSerial);
    line('points.mine (total, year, page)', totals, bareSerial);
    console.log(`  total ${mine.total} (entries sum to ${expected}); this year ${mine.yearTotal}`);
    ok &&= mine.total === expected;
  } finally {
    await cloud.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!ok) {
    console.error('an invariant broke');
    process.exit(1);
  }
}

async function sumEntries(cloud: ApiCloud, memberId: string): Promise<number> {
  let sum = 0;
  for (let skip = 0; ; skip += 1000) {
    const { data } = await cloud.db().collection('pointEntries').where({ memberId }).skip(skip).limit(1000).get();
    for (const e of data as PointEntryDoc[]) sum += e.points;
    if (data.length < 1000) return sum;
  }
}

void main();
