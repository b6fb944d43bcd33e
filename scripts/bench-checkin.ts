/**
 * Check-in benchmark (`npm run bench:checkin`): 500 members of one branch scan the rotating code
 * of one event at the same moment, each through the function gateway of an in-process local cloud
 * running the built `api` bundle (run `npm run build` first). Prints throughput and p50/p95/p99
 * latency, then checks every member was checked in exactly once.
 */
import { performance } from 'node:perf_hooks';
import type { ApiResult, CheckInCode } from '../src/contract';
import { readAll } from '../src/server/docs';
import { call, makeBranch, publishedEvent } from '../test/scenario/event-support';
import { startApiCloud } from '../test/scenario/support';

const MEMBERS = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const cloud = await startApiCloud();
  try {
    const branch = await makeBranch(cloud, 'bench-branch', MEMBERS);
    const event = await publishedEvent(cloud, branch, 10 * 60_000);
    const code: CheckInCode = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
    // Warm the instances as a real morning would (the screen polls the code), then measure.
    await Promise.all(
      Array.from({ length: 8 }, () => cloud.api('checkin.code', { eventId: event.id }, branch.secretary)),
    );

    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      branch.members.map(async (openid) => {
        const t0 = performance.now();
        const result: ApiResult<unknown> = await cloud.api(
          'checkin.scan',
          { eventId: event.id, token: code.token },
          openid,
        );
        latencies.push(performance.now() - t0);
        return result;
      }),
    );
    const elapsed = performance.now() - started;
    const failed = results.filter((r) => !r.ok);
    const stored = await readAll<{ memberId: string }>(
      cloud.db(),
      'checkins',
      { eventId: event.id, status: 'present' },
      'at',
    );
    latencies.sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(`check-in: ${MEMBERS} members at once through the gateway (${cloud.info().functions.join(', ')})`);
    console.log(`  total       ${ms(elapsed)}   throughput ${((MEMBERS / elapsed) * 1000).toFixed(1)} check-ins/s`);
    console.log(
      `  latency     p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}   max ${ms(latencies[latencies.length - 1]!)}`,
    );
    console.log(
      `  outcome     ${results.length - failed.length} ok, ${failed.length} refused, ${new Set(stored.map((s) => s.memberId)).size} checked in`,
    );
    if (failed.length > 0 || stored.length !== MEMBERS) process.exitCode = 1;
  } finally {
    await cloud.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
