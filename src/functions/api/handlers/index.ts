/** Every action's handler, keyed by the contract's action names (a missing one fails to compile). */
import * as member from './member';
import type { HandlerTable } from './types';

export const handlers: HandlerTable = {
  'member.me': member.me,
  'invite.preview': member.previewInvite,
  'member.join': member.join,
};
