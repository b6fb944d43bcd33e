/** Fixtures for the study and points scenarios: stored check-ins and ledger reads, straight from the database. */
import type { PointEntryDoc, StudyCheckInDoc } from '../../src/db/documents';
import type { ApiCloud } from './support';

export function storedCheckIn(
  openid: string,
  branchId: string,
  day: string,
  extra: Partial<StudyCheckInDoc> = {},
): StudyCheckInDoc {
  const at = new Date(`${day}T12:00:00+08:00`);
  return {
    _id: `${openid}_${day.replace(/-/g, '')}`,
    memberId: openid,
    branchId,
    name: openid,
    day,
    month: day.slice(0, 7),
    kind: 'daily',
    status: 'active',
    generation: 0,
    planItemId: null,
    title: '学习',
    link: '',
    materialKind: '文章',
    minutes: 30,
    reflection: '',
    reflectionState: 'none',
    reflectionTraceId: '',
    photos: [],
    at,
    createdAt: at,
    ...extra,
  };
}

export async function entriesOf(cloud: ApiCloud, memberId: string): Promise<PointEntryDoc[]> {
  const { data } = await cloud.db().collection('pointEntries').where({ memberId }).limit(1000).get();
  return data as PointEntryDoc[];
}

export const sumOf = (entries: readonly PointEntryDoc[]): number => entries.reduce((s, e) => s + e.points, 0);

export async function checkInsOf(cloud: ApiCloud, memberId: string): Promise<StudyCheckInDoc[]> {
  const { data } = await cloud.db().collection('studyCheckins').where({ memberId }).limit(1000).get();
  return data as StudyCheckInDoc[];
}
