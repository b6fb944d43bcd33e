/**
 * Group attribution (群来源): a member who opens an event from a group chat's card reports the
 * chat's CloudID (`wx.getGroupEnterInfo` → `cloudID`), which CloudBase decodes into
 * `{ cloudID, data: { opengid } }` at the top level of the call; the visit is kept per (event,
 * member), and a later sign-up of that member counts for that group. WeChat gives no group names:
 * a secretary names each group once, per owner of events.
 */
import type { GroupCountView } from '../../contract/reminder-models';
import type { EventDoc, RegistrationDoc } from '../../db/documents';
import type { GroupNameDoc, GroupVisitDoc } from '../../db/reminder-documents';
import type { Database } from '../cloud';
import { getDoc, readAll, registrationId } from '../docs';

const OPENGID = /^[A-Za-z0-9_-]{1,64}$/;

/** The opengid CloudBase decoded from a top-level CloudID field, if it is one. */
export function openGroupId(value: unknown): string | undefined {
  const gid = (value as { data?: { opengid?: unknown } } | null | undefined)?.data?.opengid;
  return typeof gid === 'string' && OPENGID.test(gid) ? gid : undefined;
}

const visitId = registrationId;
const nameId = (ownerKey: string, opengid: string): string => `${ownerKey}_${opengid}`;

/**
 * Keeps the member's arrival from a group. A member already signed up keeps the group that
 * brought them; before that, the latest group counts.
 */
export async function recordVisit(
  db: Database,
  eventId: string,
  openid: string,
  opengid: string,
  now: Date,
): Promise<boolean> {
  const reg = await getDoc<RegistrationDoc>(db, 'registrations', registrationId(eventId, openid));
  if (reg && (reg.status === 'registered' || reg.status === 'waitlisted')) return false;
  const visit: Omit<GroupVisitDoc, '_id'> = { eventId, openid, opengid, at: now };
  await db.collection('groupVisits').doc(visitId(eventId, openid)).set(visit);
  return true;
}

export async function nameGroup(
  db: Database,
  event: EventDoc,
  opengid: string,
  name: string,
  by: string,
  now: Date,
): Promise<void> {
  const doc: Omit<GroupNameDoc, '_id'> = { ownerKey: event.ownerKey, opengid, name, namedBy: by, updatedAt: now };
  await db.collection('groupNames').doc(nameId(event.ownerKey, opengid)).set(doc);
}

/** Per group chat: visits and the sign-ups that followed them, most sign-ups first. */
export async function groupCounts(db: Database, event: EventDoc): Promise<GroupCountView[]> {
  const _ = db.command;
  const visits = await readAll<GroupVisitDoc>(db, 'groupVisits', { eventId: event._id }, 'at');
  if (visits.length === 0) return [];
  const regs = await readAll<RegistrationDoc>(
    db,
    'registrations',
    { eventId: event._id, status: _.in(['registered', 'waitlisted']) },
    'sequence',
  );
  const signedUpAt = new Map(regs.map((r) => [r.memberId, r.signedUpAt.getTime()]));
  const byGroup = new Map<string, { visits: number; signUps: number }>();
  for (const visit of visits) {
    const row = byGroup.get(visit.opengid) ?? { visits: 0, signUps: 0 };
    row.visits += 1;
    const at = signedUpAt.get(visit.openid);
    if (at !== undefined && at >= visit.at.getTime()) row.signUps += 1;
    byGroup.set(visit.opengid, row);
  }
  const ids = [...byGroup.keys()];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const { data } = await db
      .collection('groupNames')
      .where({ _id: _.in(ids.slice(i, i + 1000).map((gid) => nameId(event.ownerKey, gid))) })
      .limit(1000)
      .get();
    for (const doc of data as GroupNameDoc[]) names.set(doc.opengid, doc.name);
  }
  return ids
    .map((groupId) => ({
      groupId,
      name: names.get(groupId) ?? null,
      ...(byGroup.get(groupId) as { visits: number; signUps: number }),
    }))
    .sort((a, b) => b.signUps - a.signUps || b.visits - a.visits || a.groupId.localeCompare(b.groupId));
}
