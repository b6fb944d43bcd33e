/**
 * The server side of domain/event-access: reads what the rules need to know of an owner (for a
 * pairing: its sides and status, and the caller's committee offices) and hands back the caller's
 * standing toward it. A branch owner needs no read at all.
 */
import { AppError, type OwnerRef } from '../contract';
import type { PairingDoc } from '../db/documents';
import { branchAccess, ownerKey, pairingAccess, type Actor, type OwnerAccess } from '../domain/event-access';
import { loadAdminOf } from './access';
import type { Database } from './cloud';
import { getDoc } from './docs';
import { branchRefs } from './organizations';

export function loadPairing(db: Database, pairingId: string): Promise<PairingDoc | null> {
  return getDoc<PairingDoc>(db, 'pairings', pairingId);
}

export async function ownerAccess(db: Database, owner: OwnerRef, actor: Actor): Promise<OwnerAccess> {
  if (owner.kind === 'branch') return branchAccess(owner.id, actor);
  const [pairing, adminOf] = await Promise.all([loadPairing(db, owner.id), loadAdminOf(db, actor.openid)]);
  return pairingAccess(owner.id, pairing, actor, adminOf);
}

/** ownerAccess once per owner, for a list whose events may share owners. */
export function ownerAccessOnce(db: Database, actor: Actor): (owner: OwnerRef) => Promise<OwnerAccess> {
  const seen = new Map<string, Promise<OwnerAccess>>();
  return (owner) => {
    const key = ownerKey(owner);
    let access = seen.get(key);
    if (!access) {
      access = ownerAccess(db, owner, actor);
      seen.set(key, access);
    }
    return access;
  };
}

/** An owner the caller may read (its calendar, its list of events); a hidden pairing is NOT_FOUND. */
export async function readableOwner(db: Database, owner: OwnerRef, actor: Actor): Promise<OwnerAccess> {
  const access = await ownerAccess(db, owner, actor);
  if (!access.known) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
  if (!access.reads) throw new AppError('FORBIDDEN', '只能查看本支部的主题党日和活动');
  return access;
}

/** New events and a theme-day rule are only made for an owner that is open (a pairing while active). */
export function assertOpen(access: OwnerAccess): void {
  if (!access.open) throw new AppError('PAIRING_CLOSED', '该联建未生效或已结束，不能再安排活动');
}

/** The name the pages show for an owner: the branch's, or the pairing's. */
export async function ownerName(db: Database, owner: OwnerRef): Promise<string> {
  if (owner.kind === 'pairing') return (await loadPairing(db, owner.id))?.name ?? '';
  return (await branchRefs(db, [owner.id]))[0]?.name ?? '';
}
