import type { ActionName, ActionOutput, ParsedInput } from '../../../contract';
import type { MemberDoc } from '../../../db/documents';
import type { Database } from '../../../server/cloud';

export interface HandlerContext {
  db: Database;
  openid: string;
  /** The caller's active membership, or null for a guest. */
  member: MemberDoc | null;
  /** One instant per request, so every rule in it sees the same time. */
  now: Date;
  /** The group chat the call came from, when it carried a CloudID CloudBase decoded (group.enter). */
  opengid?: string;
}

export type Handler<A extends ActionName> = (input: ParsedInput<A>, ctx: HandlerContext) => Promise<ActionOutput<A>>;

/**
 * A handler whose first read needs nothing of the caller (the event a member scans for): the
 * router starts `read` beside its own read of the caller's membership, so the busiest actions
 * wait for one round trip instead of two. `handle` gets the outcome only once the caller passed
 * the role check, and must still decide what the caller may see of it; a failed read surfaces
 * only then, so a non-member learns nothing from it.
 */
export interface EarlyReadHandler<A extends ActionName, R> {
  read(input: ParsedInput<A>, db: Database): Promise<R>;
  handle(input: ParsedInput<A>, ctx: HandlerContext, read: R): Promise<ActionOutput<A>>;
}

/** Builds an EarlyReadHandler with its read's type inferred. */
export function withEarlyRead<A extends ActionName, R>(
  read: (input: ParsedInput<A>, db: Database) => Promise<R>,
  handle: (input: ParsedInput<A>, ctx: HandlerContext, read: R) => Promise<ActionOutput<A>>,
): EarlyReadHandler<A, R> {
  return { read, handle };
}

export type HandlerTable = { [A in ActionName]: Handler<A> | EarlyReadHandler<A, unknown> };
