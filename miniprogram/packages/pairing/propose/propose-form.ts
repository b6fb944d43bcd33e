/** The proposal form: what is checked before asking, and where the server's messages go. */
import type { PairingKind } from '../../../../src/contract';
import { ApiError } from '../../../services/api';
import { placeErrors, formErrors } from '../../../utils/field-errors';
import type { FormErrors } from '../../../utils/field-errors';
import type { ChosenOrg } from '../../../components/org-picker/index';

export const FIELDS = ['name', 'kind', 'partners', 'termStart', 'termEnd'] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_OF: Record<string, Field> = {
  name: 'name',
  kind: 'kind',
  partnerIds: 'partners',
  termStart: 'termStart',
  termEnd: 'termEnd',
};

export interface ProposeValues {
  name: string;
  kind: PairingKind;
  partners: ChosenOrg[];
  termStart: string;
  termEnd: string;
}

export function localIssues(values: ProposeValues): Partial<Record<Field, string>> {
  const issues: Partial<Record<Field, string>> = {};
  if (values.partners.length === 0) issues.partners = '请选择结对组织';
  if (!values.termStart) issues.termStart = '请选择开始日期';
  if (!values.termEnd) issues.termEnd = '请选择结束日期';
  return issues;
}

/** Refusals about the partners themselves belong on the partners field. */
const PARTNER_CODES = ['PAIRING_SELF', 'PAIRING_DUPLICATE', 'NOT_FOUND'];

export function proposeErrors(err: unknown): FormErrors<Field> {
  if (err instanceof ApiError && PARTNER_CODES.includes(err.code)) return formErrors(FIELDS, { partners: err.message });
  // `partnerIds.1` (one id) belongs to the partners too.
  const fieldOf = { ...FIELD_OF };
  if (err instanceof ApiError)
    for (const d of err.details) if (d.path.startsWith('partnerIds')) fieldOf[d.path] = 'partners';
  return placeErrors(err, FIELDS, fieldOf);
}
