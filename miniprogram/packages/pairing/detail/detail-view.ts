/** What the pairing page shows, derived from `PairingDetail` and the year figures. */
import type { PairingDetail, PairingYearFigures } from '../../../../src/contract';
import { PAIRING_KIND_LABELS, PAIRING_STATUS, SIDE_STATUS_LABELS } from '../../../utils/org-labels';
import { formatDay, termText } from '../../../utils/date';

export interface SideRow {
  orgId: string;
  name: string;
  meta: string;
  statusText: string;
  tagClass: string;
  canRespond: boolean;
}

const SIDE_TAGS = {
  proposer: 'tag tag--active',
  pending: 'tag tag--warn',
  accepted: 'tag tag--done',
  refused: 'tag tag--muted',
};

export function detailView(pairing: PairingDetail) {
  const status = PAIRING_STATUS[pairing.status];
  const open = pairing.status === 'proposed' || pairing.status === 'active';
  const agreement = pairing.agreement;
  const sides: SideRow[] = pairing.sides.map((side) => ({
    orgId: side.orgId,
    name: side.name,
    meta: [
      side.committeeName,
      side.leadName ? `负责人 ${side.leadName}` : '',
      side.refuseReason ? `原因：${side.refuseReason}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    statusText: SIDE_STATUS_LABELS[side.status],
    tagClass: SIDE_TAGS[side.status],
    canRespond: pairing.status === 'proposed' && pairing.canRespondFor.includes(side.orgId),
  }));
  const orgName = (orgId: string): string => pairing.sides.find((s) => s.orgId === orgId)?.name ?? '';
  return {
    name: pairing.name,
    statusText: status.label,
    tagClass: status.tagClass,
    kindText: PAIRING_KIND_LABELS[pairing.kind],
    term: termText(pairing.termStart, pairing.termEnd),
    endReason: pairing.status === 'ended' && pairing.endReason ? `结束原因：${pairing.endReason}` : '',
    sides,
    hasAgreement: agreement !== null,
    goals: agreement?.goals ?? '',
    signedText: agreement?.signedOn ? formatDay(agreement.signedOn) : '尚未签订',
    contacts: (agreement?.contacts ?? []).map((c, i) => ({
      key: `${c.orgId}-${i}`,
      text: `${c.name}（${orgName(c.orgId)}）`,
      phone: c.phone,
    })),
    attachments: (agreement?.attachments ?? []).map((a) => ({ fileID: a.fileID, name: a.name, missing: !a.url })),
    canEditAgreement: open && pairing.canManageFor.length > 0,
    canEnd: pairing.status === 'active' && pairing.canManageFor.length > 0,
  };
}

export interface FigureCell {
  key: string;
  label: string;
  value: number;
  className: string;
}

export function figureCells(figures: PairingYearFigures): FigureCell[] {
  const cell = (key: keyof PairingYearFigures, label: string, alert = false): FigureCell => ({
    key,
    label,
    value: figures[key] as number,
    className: alert && (figures[key] as number) > 0 ? 'figure figure--alert' : 'figure',
  });
  return [
    cell('jointActivities', '联合活动'),
    cell('problemsRaised', '提出难题'),
    cell('problemsResolved', '解决难题'),
    cell('problemsOverdue', '逾期未解决', true),
    cell('needsMet', '满足需求'),
  ];
}
