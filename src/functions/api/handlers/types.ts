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

export type HandlerTable = { [A in ActionName]: Handler<A> };
