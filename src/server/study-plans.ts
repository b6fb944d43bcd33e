/**
 * Monthly study plans of a branch or a pairing: one document per owner and month whose items keep
 * their order; the first may be the 第一议题. An item's id starts with its plan's id, so a check-in
 * naming an item finds its plan by `_id`. Joint study (联学): an item names the owner's 集体学习
 * events; attending one counts as studying the item (the link lives here, not on the event).
 */
import { randomBytes } from 'node:crypto';
import { AppError, type OwnerRef, type StudyPlanView } from '../contract';
import type { CheckInDoc, EventDoc, PairingMembershipDoc, StudyPlanDoc, StudyPlanItemDoc } from '../db/documents';
import { ownerKey, type Actor, type OwnerAccess } from '../domain/event-access';
import type { Database } from './cloud';
import { checkInId, getDoc, mapByIds, readAll, readByIds } from './docs';

export function planId(owner: OwnerRef, month: string): string {
  return `${ownerKey(owner)}_${month}`;
}

/** `${planId}_i${6 hex}` → the plan's id. */
export function planIdOfItem(itemId: string): string | null {
  const at = itemId.lastIndexOf('_i');
  return at > 0 ? itemId.slice(0, at) : null;
}

export function newItemId(plan: string): string {
  return `${plan}_i${randomBytes(3).toString('hex')}`;
}

export function planView(
  plan: StudyPlanDoc | null,
  owner: OwnerRef,
  ownerName: string,
  month: string,
  editable: boolean,
): StudyPlanView {
  return {
    owner,
    ownerName,
    month,
    items: (plan?.items ?? []).map((item) => ({ ...item, eventIds: [...item.eventIds] })),
    editable,
    updatedAt: plan ? plan.updatedAt.toISOString() : null,
  };
}

/** The owners whose plans a member of `branchId` follows: the branch, then its active pairings. */
export async function followedOwners(db: Database, branchId: string): Promise<OwnerRef[]> {
  const { data } = await db
    .collection('pairingMemberships')
    .where({ orgId: branchId, status: 'active' })
    .orderBy('createdAt', 'desc')
    .limit(20)
    .get();
  return [
    { kind: 'branch', id: branchId },
    ...(data as PairingMembershipDoc[]).map((m): OwnerRef => ({ kind: 'pairing', id: m.pairingId })),
  ];
}

export async function loadPlans(db: Database, ids: readonly string[]): Promise<Map<string, StudyPlanDoc>> {
  return mapByIds<StudyPlanDoc>(db, 'studyPlans', ids);
}

/** A plan item the actor may study: in a plan of their branch or of a pairing their branch is in. */
export async function studiableItem(
  db: Database,
  actor: Actor,
  itemId: string,
): Promise<{ plan: StudyPlanDoc; item: StudyPlanItemDoc }> {
  const id = planIdOfItem(itemId);
  const plan = id ? await getDoc<StudyPlanDoc>(db, 'studyPlans', id) : null;
  const item = plan?.items.find((candidate) => candidate.id === itemId);
  if (!plan || !item) throw new AppError('NOT_FOUND', '学习条目不存在或已被删除');
  if (
    plan.owner.kind === 'branch'
      ? plan.owner.id !== actor.branchId
      : !(await inPairing(db, actor.branchId, plan.owner.id))
  )
    throw new AppError('NOT_FOUND', '学习条目不存在或已被删除');
  return { plan, item };
}

async function inPairing(db: Database, branchId: string, pairingId: string): Promise<boolean> {
  const owners = await followedOwners(db, branchId);
  return owners.some((owner) => owner.kind === 'pairing' && owner.id === pairingId);
}

/** The linked events must be the owner's own 集体学习 events. */
export async function assertJointStudyEvents(
  db: Database,
  owner: OwnerRef,
  eventIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(eventIds)];
  if (ids.length === 0) return;
  const events = await readByIds<EventDoc>(db, 'events', ids);
  const key = ownerKey(owner);
  for (const id of ids) {
    const event = events.find((e) => e._id === id);
    if (!event || event.ownerKey !== key) throw new AppError('NOT_FOUND', '关联的集体学习活动不存在或不属于本计划');
    if (event.form !== '集体学习') throw new AppError('INVALID_INPUT', '只能关联形式为“集体学习”的活动');
  }
}

/**
 * Item ids of `plans` a member studied by attending a linked event. `present(eventId)` tells who
 * was there; for one member that is a read of their check-ins by id.
 */
export async function attendedItems(
  db: Database,
  plans: readonly StudyPlanDoc[],
  openid: string,
): Promise<Set<string>> {
  const links = plans.flatMap((plan) =>
    plan.items.flatMap((item) => item.eventIds.map((eventId) => ({ item, eventId }))),
  );
  if (links.length === 0) return new Set();
  const ids = links.map((link) => checkInId(link.eventId, openid));
  const checkIns = await readByIds<CheckInDoc>(db, 'checkins', ids);
  const present = new Set(checkIns.filter((c) => c.status === 'present').map((c) => c.eventId));
  return new Set(links.filter((link) => present.has(link.eventId)).map((link) => link.item.id));
}

/** Who attended each linked event of a plan (for the progress of a whole owner). */
export async function attendeesByEvent(db: Database, plan: StudyPlanDoc | null): Promise<Map<string, Set<string>>> {
  const eventIds = [...new Set((plan?.items ?? []).flatMap((item) => item.eventIds))];
  const out = new Map<string, Set<string>>();
  await Promise.all(
    eventIds.map(async (eventId) => {
      const present = await readAll<CheckInDoc>(db, 'checkins', { eventId, status: 'present' }, 'at');
      out.set(eventId, new Set(present.map((c) => c.memberId)));
    }),
  );
  return out;
}

export function assertEditsPlan(access: OwnerAccess): void {
  if (!access.manages.secretary)
    throw new AppError(
      'FORBIDDEN',
      access.owner.kind === 'pairing' ? '只有联建牵头方的书记可以修改学习计划' : '只有支部书记可以修改学习计划',
    );
}
