/** The study part of `figures.*` (issue 9): participation, 第一议题 coverage and points, from stored facts. */
import type { OwnerRef } from '../contract';
import type { MemberDoc, StudyCheckInDoc } from '../db/documents';
import { studyYearFigures, type StudyYearFigures } from '../domain/year-figures';
import type { Database } from './cloud';
import { readAll } from './docs';
import { settleDue } from './attendance-points';
import { pointsTotal } from './points';
import { attendeesByEvent, loadPlans, planId } from './study-plans';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** `branches`: whose members count; `planOwner`: whose monthly plans name the 第一议题. */
export async function studyFigures(
  db: Database,
  branches: readonly string[],
  planOwner: OwnerRef,
  year: number,
  now: Date,
): Promise<StudyYearFigures> {
  const _ = db.command;
  await settleDue(db, { branchIds: branches }, now);
  const months = MONTHS.map((m) => `${year}-${m}`);
  const ids = [...branches];
  const [members, checkIns, plans, points] = await Promise.all([
    readAll<MemberDoc>(db, 'members', { branchId: _.in(ids), status: 'active' }, 'joinedAt'),
    readAll<StudyCheckInDoc>(
      db,
      'studyCheckins',
      { branchId: _.in(ids), month: _.in(months), status: 'active' },
      'day',
    ),
    loadPlans(
      db,
      months.map((month) => planId(planOwner, month)),
    ),
    pointsTotal(db, { branchId: _.in(ids), year }),
  ]);
  const firstTopics = await Promise.all(
    [...plans.values()]
      .map((plan) => ({ plan, item: plan.items[0] }))
      .filter(({ item }) => item?.firstTopic === true)
      .map(async ({ plan, item }) => {
        const attendees = await attendeesByEvent(db, { ...plan, items: [item!] });
        return { itemId: item!.id, attendedBy: [...attendees.values()].flatMap((set) => [...set]) };
      }),
  );
  return studyYearFigures({
    members: members.map((m) => m._id),
    checkIns: checkIns.map((c) => ({ memberId: c.memberId, planItemId: c.planItemId })),
    firstTopics,
    pointsTotal: points,
  });
}
