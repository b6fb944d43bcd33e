/** A liaison as a row: who, placed where, as what, for how long, and whether the caller may end it. */
import type { LiaisonView } from '../../../../src/contract';
import { LIAISON_ROLE_LABELS } from '../../../utils/org-labels';
import { termText } from '../../../utils/date';

export interface LiaisonRow {
  id: string;
  title: string;
  route: string;
  term: string;
  statusText: string;
  tagClass: string;
  canEnd: boolean;
}

export function liaisonRow(liaison: LiaisonView, leads: readonly string[]): LiaisonRow {
  const ended = liaison.endedAt !== null;
  return {
    id: liaison.id,
    title: `${liaison.memberName} · ${LIAISON_ROLE_LABELS[liaison.role]}`,
    route: `${liaison.fromOrg.name} → ${liaison.toOrg.name}`,
    term: termText(liaison.termStart, liaison.termEnd),
    statusText: ended ? '已卸任' : '在任',
    tagClass: ended ? 'tag tag--muted' : 'tag tag--done',
    canEnd: !ended && (leads.includes(liaison.fromOrg.id) || leads.includes(liaison.toOrg.id)),
  };
}
