/**
 * Helpers for the issue-4 scenario tests: unwrap an api answer, read documents back, and collect
 * the local cloud's "query not supported by an index" warnings (the database service runs in
 * this process and writes them to stderr).
 */
import type { ApiResult, ErrorCode } from '../../src/contract';
import type { ApiCloud } from './support';

export function dataOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export function codeOf(result: ApiResult<unknown>): ErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

export async function docOf<T>(cloud: ApiCloud, collection: string, id: string): Promise<T | undefined> {
  const { data } = await cloud.db().collection(collection).doc(id).get();
  return (data as T[])[0];
}

export async function countOf(
  cloud: ApiCloud,
  collection: string,
  where: Record<string, unknown> = {},
): Promise<number> {
  const { total } = await cloud.db().collection(collection).where(where).count();
  return total;
}

/** Starts collecting unindexed-query warnings; call `stop()` to get them and restore stderr. */
export function captureIndexWarnings(): { warnings: string[]; stop(): string[] } {
  const warnings: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes('query not supported by an index')) warnings.push(text);
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  return {
    warnings,
    stop: () => {
      process.stderr.write = original;
      return warnings;
    },
  };
}
