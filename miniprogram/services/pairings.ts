/** Pairings (联建): proposing and answering, the agreement, resource and need lists, liaisons, figures. */
import type {
  ActionInput,
  BranchYearFigures,
  LiaisonView,
  Page,
  PairingDetail,
  PairingItemKind,
  PairingItemView,
  PairingStatus,
  PairingSummary,
  PairingYearFigures,
} from '../../src/contract';
import { callApi } from './api';

export type ProposeInput = ActionInput<'pairing.propose'>;

export function proposePairing(input: ProposeInput): Promise<PairingDetail> {
  return callApi('pairing.propose', input);
}

export function respondToPairing(
  pairingId: string,
  orgId: string,
  accept: boolean,
  reason = '',
): Promise<PairingDetail> {
  return callApi('pairing.respond', { pairingId, orgId, accept, reason });
}

export function endPairing(pairingId: string, reason: string): Promise<PairingDetail> {
  return callApi('pairing.end', { pairingId, reason });
}

export function getPairing(pairingId: string): Promise<PairingDetail> {
  return callApi('pairing.get', { pairingId });
}

function pairingsIn(
  scope: 'branch' | 'committee',
  status: PairingStatus | null,
  offset: number,
  limit?: number,
): Promise<Page<PairingSummary>> {
  return callApi('pairing.list', {
    scope,
    offset,
    ...(status ? { status } : {}),
    ...(limit ? { limit } : {}),
  });
}

/** The pairings of the caller's branch, optionally one status only; `limit` for a quick check. */
export function listPairings(
  status: PairingStatus | null,
  offset: number,
  limit?: number,
): Promise<Page<PairingSummary>> {
  return pairingsIn('branch', status, offset, limit);
}

/** The pairings of the organisations under the caller's committee offices. */
export function listCommitteePairings(
  status: PairingStatus | null,
  offset: number,
  limit?: number,
): Promise<Page<PairingSummary>> {
  return pairingsIn('committee', status, offset, limit);
}

export type AgreementInput = ActionInput<'agreement.set'>;

export function setAgreement(input: AgreementInput): Promise<PairingDetail> {
  return callApi('agreement.set', input);
}

export interface NewItem {
  pairingId: string;
  kind: PairingItemKind;
  title: string;
  detail: string;
  /** Omitted: the caller's only side. */
  orgId?: string;
}

export function addPairingItem(item: NewItem): Promise<PairingItemView> {
  return callApi('pairingItem.add', item);
}

export function listPairingItems(
  pairingId: string,
  kind: PairingItemKind,
  offset: number,
): Promise<Page<PairingItemView>> {
  return callApi('pairingItem.list', { pairingId, kind, offset });
}

export function matchNeed(needId: string, orgId: string, resourceId: string | null): Promise<PairingItemView> {
  return callApi('pairingItem.match', resourceId ? { needId, orgId, resourceId } : { needId, orgId });
}

export function markNeedMet(needId: string): Promise<PairingItemView> {
  return callApi('pairingItem.meet', { needId });
}

export type LiaisonInput = ActionInput<'liaison.assign'>;

export function assignLiaison(input: LiaisonInput): Promise<LiaisonView> {
  return callApi('liaison.assign', input);
}

export function endLiaison(liaisonId: string): Promise<LiaisonView> {
  return callApi('liaison.end', { liaisonId });
}

export function listLiaisons(pairingId: string, offset: number): Promise<Page<LiaisonView>> {
  return callApi('liaison.list', { pairingId, offset });
}

export function pairingFigures(pairingId: string, year: number): Promise<PairingYearFigures> {
  return callApi('figures.pairing', { pairingId, year });
}

export function branchFigures(branchId: string, year: number): Promise<BranchYearFigures> {
  return callApi('figures.branch', { branchId, year });
}
