/** The agreement form's values, how a pairing fills them and how they become `agreement.set`. */
import type { PairingDetail } from '../../../../src/contract';
import type { AgreementInput } from '../../../services/pairings';
import type { FormErrors } from '../../../utils/field-errors';
import { ApiError } from '../../../services/api';
import { placeErrors } from '../../../utils/field-errors';

export const FIELDS = ['goals', 'contacts', 'termStart', 'termEnd', 'signedOn', 'attachments'] as const;
export type Field = (typeof FIELDS)[number];

export interface ContactRow {
  key: string;
  /** Index into the pairing's sides (the picker's range). */
  orgIndex: number;
  orgName: string;
  name: string;
  phone: string;
}

export interface FileRow {
  fileID: string;
  name: string;
}

export interface AgreementValues {
  goals: string;
  contacts: ContactRow[];
  termStart: string;
  termEnd: string;
  signedOn: string;
  attachments: FileRow[];
}

let keySeed = 0;
export const newKey = (): string => `c${(keySeed += 1)}`;

export function valuesOf(pairing: PairingDetail): AgreementValues {
  const agreement = pairing.agreement;
  const indexOf = (orgId: string): number =>
    Math.max(
      0,
      pairing.sides.findIndex((s) => s.orgId === orgId),
    );
  return {
    goals: agreement?.goals ?? '',
    contacts: (agreement?.contacts ?? []).map((c) => ({
      key: newKey(),
      orgIndex: indexOf(c.orgId),
      orgName: pairing.sides[indexOf(c.orgId)]?.name ?? '',
      name: c.name,
      phone: c.phone,
    })),
    termStart: pairing.termStart,
    termEnd: pairing.termEnd,
    signedOn: agreement?.signedOn ?? '',
    attachments: (agreement?.attachments ?? []).map((a) => ({ fileID: a.fileID, name: a.name })),
  };
}

export function inputOf(pairing: PairingDetail, values: AgreementValues): AgreementInput {
  return {
    pairingId: pairing.id,
    goals: values.goals,
    contacts: values.contacts.map((c) => ({
      orgId: pairing.sides[c.orgIndex]?.orgId ?? '',
      name: c.name,
      phone: c.phone,
    })),
    termStart: values.termStart,
    termEnd: values.termEnd,
    signedOn: values.signedOn || null,
    attachments: values.attachments,
  };
}

/** `contacts.1.name` and `attachments.0.fileID` go to their list; the rest by name. */
export function agreementErrors(err: unknown): FormErrors<Field> {
  const fieldOf: Record<string, Field> = {
    goals: 'goals',
    termStart: 'termStart',
    termEnd: 'termEnd',
    signedOn: 'signedOn',
  };
  if (err instanceof ApiError)
    for (const { path } of err.details) {
      if (path.startsWith('contacts')) fieldOf[path] = 'contacts';
      if (path.startsWith('attachments')) fieldOf[path] = 'attachments';
    }
  return placeErrors(err, FIELDS, fieldOf);
}
