/**
 * One JSON line per event on stdout/stderr, which CloudBase's log service indexes by field.
 * Stacks go to the log only, never into a response.
 */
type LogKind = 'request' | 'rejected' | 'failed';

export function log(kind: LogKind, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ kind, at: new Date().toISOString(), ...fields });
  if (kind === 'failed') console.error(line);
  else console.log(line);
}

/** Message, stack and, for SDK errors (TcbError), the CloudBase error code. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: err };
  const code = (err as { code?: unknown }).code;
  return { error: err.message, ...(code === undefined ? {} : { code }), stack: err.stack };
}
