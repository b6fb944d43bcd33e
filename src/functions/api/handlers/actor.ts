/** The caller as the access rules see them; non-guest actions always have a member (the router checked). */
import { AppError, type OwnerRef } from '../../../contract';
import type { Actor } from '../../../domain/event-access';
import type { HandlerContext } from './types';

export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.member) throw new AppError('NOT_MEMBER');
  return { openid: ctx.openid, branchId: ctx.member.branchId, role: ctx.member.role };
}

export function nameOf(ctx: HandlerContext): string {
  return ctx.member?.name ?? '';
}

/** An omitted owner is the caller's own branch. */
export function ownerOrOwn(owner: OwnerRef | undefined, actor: Actor): OwnerRef {
  return owner ?? { kind: 'branch', id: actor.branchId };
}
