/**
 * Every API action, declared once: name, input schema, output type and the roles allowed.
 * The functions import the schemas; the mini-program imports only the types (`import type`),
 * so no server code reaches the client bundle. Handlers live in src/functions/api/handlers,
 * keyed by the same names (a missing handler is a compile error).
 */
import type { z } from 'zod';
import { input, inviteCode, noInput, personName } from './fields';
import type { InvitePreview, MemberProfile, MeView } from './models';
import { action, GUESSABLE_PER_MINUTE } from './spec';
import { eventActions } from './event-actions';
import { themeDayActions } from './theme-day-actions';
import { checkInActions } from './check-in-actions';
import { inviteActions, membershipActions, orgActions } from './org-actions';
import { fileActions } from './file-actions';
import { pairingActions } from './pairing-actions';
import { studyActions } from './study-actions';
import { pointsActions } from './points-actions';
import { postActions } from './post-actions';
import { noticeActions } from './notice-actions';
import { reminderActions } from './reminder-actions';
import { reviewActions } from './review-actions';

export type { Access } from './spec';

export const actions = {
  'member.me': action<MeView>()({ input: () => noInput, roles: ['guest'] }),
  'invite.preview': action<InvitePreview>()({
    input: () => input({ code: inviteCode }),
    roles: ['guest'],
    perMinute: GUESSABLE_PER_MINUTE,
  }),
  'member.join': action<MemberProfile>()({
    input: () => input({ code: inviteCode, name: personName }),
    roles: ['guest'],
    perMinute: GUESSABLE_PER_MINUTE,
  }),
  ...orgActions,
  ...membershipActions,
  ...inviteActions,
  ...pairingActions,
  ...themeDayActions,
  ...eventActions,
  ...checkInActions,
  ...fileActions,
  ...studyActions,
  ...pointsActions,
  ...postActions,
  ...noticeActions,
  ...reminderActions,
  ...reviewActions,
} as const;

export type Actions = typeof actions;
export type ActionName = keyof Actions;
/** What the caller sends (before parsing: e.g. an invite code in lower case is fine). */
export type ActionInput<A extends ActionName> = z.input<ReturnType<Actions[A]['input']>>;
/** What the handler receives (after parsing). */
export type ParsedInput<A extends ActionName> = z.output<ReturnType<Actions[A]['input']>>;
export type ActionOutput<A extends ActionName> = NonNullable<Actions[A]['output']>;

/** The request body of the `api` function. */
export interface ApiRequest<A extends ActionName = ActionName> {
  action: A;
  data: ActionInput<A>;
}
