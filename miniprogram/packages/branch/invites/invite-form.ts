/** The invite form: typed digits checked here first, the server's messages placed on the fields. */
import type { InviteSettings } from '../../../services/branch';

export const FIELDS = ['days', 'uses'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_OF: Record<string, Field> = { expiresInDays: 'days', maxUses: 'uses' };

export interface InviteValues {
  days: string;
  uses: string;
  requiresApproval: boolean;
}

export const DEFAULT_VALUES: InviteValues = { days: '30', uses: '50', requiresApproval: true };

export function localIssues(values: InviteValues): Partial<Record<Field, string>> {
  const issues: Partial<Record<Field, string>> = {};
  if (!/^\d+$/.test(values.days)) issues.days = '请填写有效天数（整数）';
  if (!/^\d+$/.test(values.uses)) issues.uses = '请填写可使用次数（整数）';
  return issues;
}

export function settingsOf(values: InviteValues): InviteSettings {
  return {
    expiresInDays: Number(values.days),
    maxUses: Number(values.uses),
    requiresApproval: values.requiresApproval,
  };
}
