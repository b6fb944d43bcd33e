/**
 * Fixtures for the theme-day, event and check-in scenarios: a branch with members written
 * straight into the database (as the demo seed does), and calls that unwrap the api's result.
 */
import type { ActionInput, ActionName, ActionOutput, ApiResult, ErrorCode, EventDetail } from '../../src/contract';
import type { MemberDoc, OrganizationDoc } from '../../src/db/documents';
import type { ApiCloud } from './support';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A place that requires location within 300 m, and two positions relative to it. */
export const PLACE = {
  name: '红旗村党群服务中心',
  location: { latitude: 30.2741, longitude: 120.1551 },
  radiusM: 300,
  requireLocation: true,
};
/** About 110 m north of PLACE. */
export const NEAR = { latitude: 30.2751, longitude: 120.1551 };
/** About 1.1 km north of PLACE. */
export const FAR = { latitude: 30.2841, longitude: 120.1551 };

export interface TestBranch {
  id: string;
  secretary: string;
  committeeMember: string;
  members: string[];
}

/** A branch `id` with a secretary, a committee member and `size` members (`${id}-m<i>`). */
export async function makeBranch(cloud: ApiCloud, id: string, size: number): Promise<TestBranch> {
  const db = cloud.db();
  const org: Omit<OrganizationDoc, '_id'> = {
    kind: 'branch',
    name: `${id} 党支部`,
    parentId: 'committee-demo',
    createdAt: new Date(),
  };
  await db.collection('organizations').doc(id).set(org);
  const member = (openid: string, name: string, role: MemberDoc['role']): MemberDoc => ({
    _id: openid,
    name,
    branchId: id,
    role,
    status: 'active',
    joinedAt: new Date(),
    joinedVia: null,
  });
  const members = Array.from({ length: size }, (_, i) => member(`${id}-m${i}`, `党员${i}`, 'member'));
  const all = [member(`${id}-sec`, '书记', 'secretary'), member(`${id}-cm`, '委员', 'committeeMember'), ...members];
  for (let i = 0; i < all.length; i += 200) await db.collection('members').add(all.slice(i, i + 200));
  return { id, secretary: `${id}-sec`, committeeMember: `${id}-cm`, members: members.map((m) => m._id) };
}

export function unwrap<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

export function errorCode(result: ApiResult<unknown>): ErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

export async function call<A extends ActionName>(
  cloud: ApiCloud,
  action: A,
  data: ActionInput<A>,
  openid: string,
): Promise<ActionOutput<A>> {
  return unwrap<ActionOutput<A>>(await cloud.api(action, data, openid));
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A valid create payload starting `startsInMs` from now, lasting two hours. */
export function eventInput(
  startsInMs: number,
  extra: Partial<ActionInput<'event.create'>> = {},
): ActionInput<'event.create'> {
  const start = Date.now() + startsInMs;
  return {
    title: '集中学习',
    theme: '学习党章',
    form: '集体学习',
    startsAt: iso(start),
    endsAt: iso(start + 2 * HOUR),
    place: { name: '三楼会议室' },
    signUpDeadline: iso(start),
    ...extra,
  };
}

export async function publishedEvent(
  cloud: ApiCloud,
  branch: TestBranch,
  startsInMs: number,
  extra: Partial<ActionInput<'event.create'>> = {},
): Promise<EventDetail> {
  const draft = await call(cloud, 'event.create', eventInput(startsInMs, extra), branch.secretary);
  return call(cloud, 'event.publish', { eventId: draft.id }, branch.secretary);
}
