/**
 * Timer triggers: each function's `triggers` entries of type `timer` in cloudbaserc.json fire on their
 * cron schedule while the local cloud runs, and on demand through the admin route. The function
 * receives SCF's timer event `{ Type: 'Timer', TriggerName, Time, Message }`.
 */
import { CLOUD_ERROR_CODES, CloudApiError } from '../errors';
import type { FunctionsService } from '../functions/service';
import { CALL_SOURCES } from '../functions/identity';
import type { Logger } from '../logger';
import { cronMatches, parseCron, type CronSchedule } from './cron';

export interface TimerTrigger {
  functionName: string;
  name: string;
  config: string;
  schedule: CronSchedule;
}

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** UTC, second precision, e.g. `2019-02-21T11:49:00Z`. */
  Time: string;
  Message: string;
}

export interface TimersOptions {
  functions: FunctionsService;
  utcOffsetMinutes: number;
  logger: Logger;
}

/** After a pause (laptop sleep), catch up at most this many missed seconds. */
const MAX_CATCH_UP_SECONDS = 60;

export class TimerService {
  private ticker: NodeJS.Timeout | undefined;
  private lastSecond = 0;
  private triggers: TimerTrigger[] = [];

  constructor(private readonly options: TimersOptions) {}

  start(): void {
    this.reload();
    this.lastSecond = Math.floor(Date.now() / 1000);
    this.ticker = setInterval(() => this.tick(), 1000);
    this.ticker.unref();
  }

  stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** The triggers as configured now (cloudbaserc.json is re-read). */
  list(): TimerTrigger[] {
    this.reload();
    return [...this.triggers];
  }

  /** Fire a trigger now; answers the function's return value as JSON text. */
  async fire(functionName: string, triggerName: string, at = new Date()): Promise<string> {
    const trigger = this.list().find((t) => t.functionName === functionName && t.name === triggerName);
    if (!trigger)
      throw new CloudApiError(
        CLOUD_ERROR_CODES.TIMER_NOT_FOUND,
        `no timer trigger ${triggerName} on function ${functionName}`,
        404,
      );
    return this.run(trigger, at);
  }

  private run(trigger: TimerTrigger, at: Date): Promise<string> {
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: trigger.name,
      Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Message: '',
    };
    this.options.logger.log('timer', `${trigger.functionName}/${trigger.name} fires`, { time: event.Time });
    return this.options.functions.invoke({
      name: trigger.functionName,
      event,
      identity: {},
      source: CALL_SOURCES.timer,
    });
  }

  private tick(): void {
    const now = Math.floor(Date.now() / 1000);
    const from = Math.max(this.lastSecond + 1, now - MAX_CATCH_UP_SECONDS + 1);
    this.lastSecond = now;
    for (let second = from; second <= now; second++) {
      const at = new Date(second * 1000);
      for (const trigger of this.triggers) {
        if (!cronMatches(trigger.schedule, at, this.options.utcOffsetMinutes)) continue;
        // Timers are asynchronous invocations: nobody awaits the result, failures are logged by the runtime.
        this.run(trigger, at).catch(() => undefined);
      }
    }
  }

  private reload(): void {
    this.triggers = this.options.functions.list().flatMap((functionName) => this.triggersOf(functionName));
  }

  private triggersOf(functionName: string): TimerTrigger[] {
    const triggers = this.options.functions.configOf(functionName)?.triggers ?? [];
    return triggers.flatMap(({ name, type, config: cron }): TimerTrigger[] => {
      if (type !== 'timer') return [];
      try {
        return [{ functionName, name, config: cron, schedule: parseCron(cron) }];
      } catch (error) {
        this.options.logger.warn(`${functionName}/${name}: invalid cron "${cron}": ${(error as Error).message}`);
        return [];
      }
    });
  }
}
