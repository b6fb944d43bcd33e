/**
 * Entry point of the `scheduler` cloud function, fired by its timer trigger (cloudbaserc.json, daily
 * 02:00 China time). Runs each job for the trigger's instant: the rolling generation of theme-day
 * events for the next twelve months, and deciding sign-up requests left pending by a function
 * that died mid-way.
 */
import { calledByTimer, callSource, cloudApp } from '../../server/cloud';
import { describeError, log } from '../../server/log';
import { drainStalePending } from '../../server/registrations';
import { publishDueNotices } from '../../server/notices';
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
    const themeDays = await generateAllThemeDays(db, now);
    log('request', { action: 'scheduler.themeDays', ok: true, ...themeDays });
    const signUpQueues = await drainStalePending(db, now);
    log('request', { action: 'scheduler.signUpQueues', ok: true, drained: signUpQueues });
    const notices = await publishDueNotices(db, now);
    log('request', { action: 'scheduler.notices', ok: true, published: notices });
    return { at: now.toISOString(), themeDays, signUpQueues, notices };
  } catch (err) {
    log('failed', { action: 'scheduler', ...describeError(err) });
    throw err;
  }
}
