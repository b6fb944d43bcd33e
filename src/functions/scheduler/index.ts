/**
 * Entry point of the `scheduler` cloud function, fired by its timer trigger (cloudbaserc.json, every
 * 5 minutes). Runs each job for the trigger's instant: once a day (its first firing, see
 * daily-run.ts) the rolling generation of theme-day events for the next twelve months; every
 * time, deciding sign-up requests left pending by a function that died mid-way, the attendance
 * points of check-ins not yet settled (attendance-points.ts), and the due reminders (reminders/run.ts).
 */
import { calledByTimer, callSource, cloudApp } from '../../server/cloud';
import { describeError, log } from '../../server/log';
import { settleAllDue } from '../../server/attendance-points';
import { drainStalePending, repairClaimedCounts } from '../../server/registrations';
import { publishDueNotices } from '../../server/notices';
import { claimDailyRun } from '../../server/daily-run';
import { runReminders } from '../../server/reminders/run';
import { generateAllThemeDays } from '../../server/theme-day-generation';

/** SCF's timer event: `Time` is the scheduled instant in UTC, e.g. `2026-03-01T18:00:00Z`. */
function firedAt(event: unknown): Date {
  const time = typeof event === 'object' && event !== null ? (event as { Time?: unknown }).Time : undefined;
  const at = typeof time === 'string' ? new Date(time) : new Date(NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

export async function main(event: unknown): Promise<Record<string, unknown>> {
  // Anyone who can call functions (wx.cloud.callFunction, the console's test) could otherwise
  // run the jobs at an instant of their choosing; only the timer may.
  if (!calledByTimer()) {
    log('rejected', { action: 'scheduler', code: 'FORBIDDEN', source: callSource() });
    return { ok: false, error: { code: 'FORBIDDEN', message: '此云函数只由定时触发器运行' } };
  }
  const now = firedAt(event);
  const db = cloudApp().database();
  try {
    const daily = await claimDailyRun(db, now);
    // Not the day's first firing: nothing generated (the same shape, all zero).
    const themeDays = daily
      ? await generateAllThemeDays(db, now)
      : { rules: 0, skipped: 0, created: 0, updated: 0, failed: [] as string[] };
    if (daily) log('request', { action: 'scheduler.themeDays', ok: true, ...themeDays });
    const signUpQueues = await drainStalePending(db, now);
    log('request', { action: 'scheduler.signUpQueues', ok: true, drained: signUpQueues });
    const signUpCounts = await repairClaimedCounts(db, now);
    log('request', { action: 'scheduler.signUpCounts', ok: true, mended: signUpCounts });
    const attendancePoints = await settleAllDue(db, now);
    log('request', { action: 'scheduler.attendancePoints', ok: true, settled: attendancePoints });
    const notices = await publishDueNotices(db, now);
    log('request', { action: 'scheduler.notices', ok: true, published: notices });
    const reminders = await runReminders(db, now, daily);
    log('request', { action: 'scheduler.reminders', ok: true, ...reminders });
    return {
      at: now.toISOString(),
      daily,
      themeDays,
      signUpQueues,
      signUpCounts,
      attendancePoints,
      notices,
      reminders,
    };
  } catch (err) {
    log('failed', { action: 'scheduler', ...describeError(err) });
    throw err;
  }
}
