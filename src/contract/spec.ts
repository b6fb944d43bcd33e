/**
 * How an action is declared: its input schema, the roles allowed, and (as a phantom) its output
 * type. Kept apart from actions.ts so each area's actions can live in their own file.
 */
import type { z } from 'zod';

/**
 * Who may call an action. `guest`: any WeChat user, joined or not. The others require an active
 * membership with one of the listed roles; scope (which branch) is checked by the handler.
 */
export type Access = 'guest' | 'member' | 'committeeMember' | 'secretary';

export interface ActionSpec<I extends z.ZodTypeAny, O> {
  /**
   * Builds the input schema. A function so that a cold function instance builds only the schemas
   * of the actions it serves (zod's schemas cost CPU to make: npm run bench:bundles); the router
   * builds each once (inputSchema).
   */
  input: () => I;
  roles: readonly Access[];
  /**
   * Calls one caller may make per minute, for actions whose answer tells whether a guess was
   * right (an invite code, a printed check-in code): guessing stays slow. Absent: no limit.
   */
  perMinute?: number;
  /** Phantom: carries the output type only. */
  output?: O;
}

export function action<O>() {
  return <I extends z.ZodTypeAny>(spec: {
    input: () => I;
    roles: readonly Access[];
    perMinute?: number;
  }): ActionSpec<I, O> => spec;
}

/** A person typing a code by hand tries a few times a minute, a script thousands. */
export const GUESSABLE_PER_MINUTE = 20;

/**
 * Every member of a branch, whatever their role. Actions on events and theme days use it and
 * leave the decision to the owner's rules (src/domain/event-access.ts): who organises a pairing's
 * events is not a branch role (a committee office may be a plain member of its own branch).
 */
export const ANY_MEMBER = ['member', 'committeeMember', 'secretary'] as const satisfies readonly Access[];
/** Decisions reserved to the secretary: the calendar, cancelling an event. */
export const SECRETARY = ['secretary'] as const satisfies readonly Access[];
