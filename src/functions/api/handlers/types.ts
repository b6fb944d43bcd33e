import type { ActionName, ActionOutput, ParsedInput } from '../../../contract';
import type { MemberDoc } from '../../../db/documents';
import type { Database } from '../../../server/cloud';
import type { DocRef } from '../../../server/docs';

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
 * A handler whose first read is one document named by its input alone (the event a member scans
 * for): the router reads it in the same database call as the caller's membership (getDocPair),
 * so the busiest actions make one request where they made two. `first` may name none (null).
 * `handle` gets the document only once the caller passed the role check, and must still decide
 * what the caller may see of it: null when it does not exist, undefined when none was named.
 */
export interface DocFirstHandler<A extends ActionName, D> {
  first(input: ParsedInput<A>): DocRef | null;
  handle(input: ParsedInput<A>, ctx: HandlerContext, doc: D | null | undefined): Promise<ActionOutput<A>>;
}

/** Builds a DocFirstHandler with its document's type given. */
export function withDocFirst<A extends ActionName, D>(
  first: (input: ParsedInput<A>) => DocRef | null,
  handle: (input: ParsedInput<A>, ctx: HandlerContext, doc: D | null | undefined) => Promise<ActionOutput<A>>,
): DocFirstHandler<A, D> {
  return { first, handle };
}

export type HandlerTable = { [A in ActionName]: Handler<A> | DocFirstHandler<A, unknown> };
