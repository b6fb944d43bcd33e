/**
 * Compile-time checks of the API client's typing, verified by `tsc -p tsconfig.test.json`
 * (never executed): each `@ts-expect-error` fails the type-check if the line compiles.
 */
import { callApi } from '../../../miniprogram/services/api';
import type { InvitePreview } from '../../../src/contract';

export async function apiClientTypeChecks(): Promise<InvitePreview> {
  // @ts-expect-error an action that does not exist
  await callApi('member.delete', {});
  // @ts-expect-error a payload missing a required field
  await callApi('member.join', { code: 'ABCD' });
  // @ts-expect-error a field of the wrong type
  await callApi('invite.preview', { code: 1234 });
  // The output type follows the action.
  return callApi('invite.preview', { code: 'ABCD' });
}
