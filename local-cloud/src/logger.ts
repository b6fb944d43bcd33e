/**
 * A scoped logger per service with a closed set of kinds, so the console reads as a timeline of
 * what the emulator did: by default one line per function call, timer and outbox message; `verbose`
 * adds one per SDK request. Tests pass `quiet` to keep jest output clean.
 */
export const LOG_KINDS = ['serve', 'request', 'invoke', 'timer', 'outbox', 'storage', 'info', 'warn', 'error'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export type LogSink = (line: string) => void;

export interface Logger {
  log(kind: LogKind, msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

/** Kinds logged only when verbose: one line per SDK request or stored file is noise by default. */
export const VERBOSE_KINDS: ReadonlySet<LogKind> = new Set<LogKind>(['request', 'storage']);

export interface LoggerOptions {
  /** Drop everything except warnings and errors. */
  quiet?: boolean;
  /** Also log every SDK request and storage operation (VERBOSE_KINDS). */
  verbose?: boolean;
  sink?: LogSink;
}

export function createLogger(scope: string, options: LoggerOptions = {}): Logger {
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (kind: LogKind, msg: string, fields?: Record<string, unknown>): void => {
    if (options.quiet && kind !== 'warn' && kind !== 'error') return;
    if (!options.verbose && VERBOSE_KINDS.has(kind)) return;
    const time = new Date().toISOString().slice(11, 23);
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    sink(`${time} [${scope}] ${kind.padEnd(7)} ${msg}${extra}`);
  };
  return {
    log,
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (child) => createLogger(`${scope}:${child}`, options),
  };
}
