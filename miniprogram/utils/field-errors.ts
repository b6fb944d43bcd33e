/**
 * Puts a failed submit's messages where the person looks: each INVALID_INPUT issue on its field
 * (server paths mapped to the form's fields), anything else as one message for the whole form.
 */
import { ApiError, errorMessage } from '../services/api';

export type InputStatus = 'default' | 'error';

export interface FormErrors<F extends string> {
  errors: Record<F, string>;
  /** The TDesign input status each error implies, so WXML only reads it. */
  statuses: Record<F, InputStatus>;
  formError: string;
}

export function formErrors<F extends string>(
  fields: readonly F[],
  messages: Partial<Record<F, string>> = {},
  formError = '',
): FormErrors<F> {
  const errors = {} as Record<F, string>;
  const statuses = {} as Record<F, InputStatus>;
  for (const field of fields) {
    errors[field] = messages[field] ?? '';
    statuses[field] = errors[field] ? 'error' : 'default';
  }
  return { errors, statuses, formError };
}

/** `fieldOf` maps a server path (`place.name`) to a form field; unmapped issues go to the form. */
export function placeErrors<F extends string>(
  err: unknown,
  fields: readonly F[],
  fieldOf: Record<string, F>,
): FormErrors<F> {
  if (!(err instanceof ApiError) || err.details.length === 0) return formErrors(fields, {}, errorMessage(err));
  const messages: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const issue of err.details) {
    const field = fieldOf[issue.path];
    if (field && !messages[field]) messages[field] = issue.message;
    else if (!field) unplaced.push(issue.message);
  }
  const placed = Object.keys(messages).length > 0;
  return formErrors(fields, messages, unplaced.length > 0 ? unplaced.join('；') : placed ? '' : err.message);
}
