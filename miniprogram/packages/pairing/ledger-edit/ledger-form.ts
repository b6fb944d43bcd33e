/** The ledger item form: values, how an item fills them, and where the server's messages go. */
import type { LedgerItemDetail } from '../../../../src/contract';

export const FIELDS = ['title', 'description', 'owner', 'ownerName', 'measures', 'deadline', 'raisedBy'] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_OF: Record<string, Field> = {
  title: 'title',
  description: 'description',
  ownerOrgId: 'owner',
  ownerName: 'ownerName',
  measures: 'measures',
  deadline: 'deadline',
  raisedByOrgId: 'raisedBy',
};

export interface LedgerValues {
  title: string;
  description: string;
  ownerOrgId: string;
  ownerName: string;
  measures: string;
  deadline: string;
}

export const NEW_ITEM: LedgerValues = {
  title: '',
  description: '',
  ownerOrgId: '',
  ownerName: '',
  measures: '',
  deadline: '',
};

export function valuesOf(item: LedgerItemDetail): LedgerValues {
  return {
    title: item.title,
    description: item.description,
    ownerOrgId: item.owner.orgId,
    ownerName: item.owner.personName,
    measures: item.measures,
    deadline: item.deadline,
  };
}

export function localIssues(values: LedgerValues): Partial<Record<Field, string>> {
  const issues: Partial<Record<Field, string>> = {};
  if (!values.ownerOrgId) issues.owner = '请选择责任方';
  if (!values.deadline) issues.deadline = '请选择完成期限';
  return issues;
}
