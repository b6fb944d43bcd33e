/**
 * 党支部工作联系点: a committee office appoints leaders (people with a branch of their own) to a
 * branch outside their own for a term; the leader logs monthly notes and visits; the office sees
 * who met the committee's duty (src/domain/review.ts `contactDuty`) and who did not.
 */
import {
  AppError,
  type ContactDuty,
  type ContactPointBoard,
  type ContactPointView,
  type VisitKind,
} from '../../contract';
import type { ContactPointDoc, ContactPointLogDoc, MemberDoc, OrganizationDoc } from '../../db/documents';
import type { Caller } from '../../domain/org-access';
import { contactDuty } from '../../domain/review';
import { shanghaiDateOf } from '../../domain/shanghai-time';
import { loadOrg } from '../access';
import type { Database } from '../cloud';
import { getDoc, isDuplicateWrite, readAll, withoutId } from '../docs';
import { newId } from '../ids';
import { orgsById } from '../org-views';
import { cadenceRules } from './cadence';

const hidden = () => new AppError('NOT_FOUND', '联系点不存在或你无权查看');

/** The committee, if the caller works in its office. */
export async function officeCommittee(db: Database, caller: Caller, committeeId: string): Promise<OrganizationDoc> {
  const committee = await loadOrg(db, committeeId);
  if (!committee || committee.kind !== 'committee' || !caller.adminOf.includes(committeeId))
    throw new AppError('NOT_FOUND', '党委不存在或你不在其组织部门');
  return committee;
}

export async function appointContactPoint(
  db: Database,
  caller: Caller,
  input: { committeeId: string; leaderOpenid: string; branchId: string; termStart: string; termEnd: string },
  now: Date,
): Promise<ContactPointDoc> {
  await officeCommittee(db, caller, input.committeeId);
  const [leader, branch] = await Promise.all([
    getDoc<MemberDoc>(db, 'members', input.leaderOpenid),
    loadOrg(db, input.branchId),
  ]);
  if (!branch || branch.kind !== 'branch' || branch.parentId !== input.committeeId)
    throw new AppError('NOT_FOUND', '联系点支部不在本党委');
  if (!leader || leader.status !== 'active') throw new AppError('NOT_FOUND', '该领导尚未加入支部');
  if (leader.branchId === branch._id)
    throw new AppError('INVALID_INPUT', '联系点须是本人所在支部以外的支部', {
      details: [{ path: 'branchId', message: '联系点须是本人所在支部以外的支部' }],
    });
  const doc: ContactPointDoc = {
    _id: `${input.committeeId}_${leader._id}_${branch._id}`,
    committeeId: input.committeeId,
    leaderOpenid: leader._id,
    leaderName: leader.name,
    leaderBranchId: leader.branchId,
    branchId: branch._id,
    termStart: input.termStart,
    termEnd: input.termEnd,
    createdBy: caller.openid,
    createdAt: now,
  };
  // Appointing again renews the term (the natural key makes a second appointment impossible).
  await db.collection('contactPoints').doc(doc._id).set(withoutId(doc));
  return doc;
}

export async function logContact(
  db: Database,
  caller: Caller,
  input: { contactPointId: string; kind: 'note' | 'visit'; visitKind?: VisitKind; date: string; summary: string },
  now: Date,
): Promise<ContactPointDoc> {
  const point = await getDoc<ContactPointDoc>(db, 'contactPoints', input.contactPointId);
  if (!point || point.leaderOpenid !== caller.openid) throw hidden();
  if (input.date < point.termStart || input.date > point.termEnd)
    throw new AppError('INVALID_INPUT', '日期不在联系点任期内', {
      details: [{ path: 'date', message: `请选择 ${point.termStart} 至 ${point.termEnd} 之间的日期` }],
    });
  if (input.date > shanghaiDateOf(now))
    throw new AppError('INVALID_INPUT', '不能记录未来的日期', {
      details: [{ path: 'date', message: '不能记录未来的日期' }],
    });
  if (input.kind === 'visit' && !input.visitKind)
    throw new AppError('INVALID_INPUT', '请选择走访类型', {
      details: [{ path: 'visitKind', message: '请选择走访类型' }],
    });
  const log: ContactPointLogDoc = {
    _id: newId(),
    contactPointId: point._id,
    committeeId: point.committeeId,
    leaderOpenid: point.leaderOpenid,
    kind: input.kind,
    visitKind: input.kind === 'visit' ? (input.visitKind ?? null) : null,
    date: input.date,
    summary: input.summary,
    at: now,
  };
  try {
    await db.collection('contactPointLogs').doc(log._id).set(withoutId(log));
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
  return point;
}

async function logsOf(db: Database, pointIds: readonly string[], year: number): Promise<ContactPointLogDoc[]> {
  if (pointIds.length === 0) return [];
  const _ = db.command;
  return readAll<ContactPointLogDoc>(
    db,
    'contactPointLogs',
    { contactPointId: _.in([...pointIds]), date: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) },
    'date',
  );
}

export async function pointViews(
  db: Database,
  points: readonly ContactPointDoc[],
  year: number,
  duty: ContactDuty,
  now: Date,
): Promise<ContactPointView[]> {
  const inYear = points.filter((p) => p.termStart <= `${year}-12-31` && p.termEnd >= `${year}-01-01`);
  const [logs, orgs] = await Promise.all([
    logsOf(
      db,
      inYear.map((p) => p._id),
      year,
    ),
    orgsById(
      db,
      inYear.flatMap((p) => [p.branchId, p.leaderBranchId]),
    ),
  ]);
  const thisMonth = shanghaiDateOf(now).slice(0, 7);
  return inYear.map((p) => {
    const own = logs.filter((l) => l.contactPointId === p._id);
    const notesByMonth = new Map<string, number>();
    for (const l of own)
      if (l.kind === 'note') notesByMonth.set(l.date.slice(0, 7), (notesByMonth.get(l.date.slice(0, 7)) ?? 0) + 1);
    const visits = own.filter((l) => l.kind === 'visit').length;
    const outcome = contactDuty(
      { termStart: p.termStart, termEnd: p.termEnd, year, thisMonth, notesByMonth, visits },
      duty,
    );
    return {
      id: p._id,
      committeeId: p.committeeId,
      leader: {
        openid: p.leaderOpenid,
        name: p.leaderName,
        branchId: p.leaderBranchId,
        branchName: orgs.get(p.leaderBranchId)?.name ?? '',
      },
      branch: { id: p.branchId, name: orgs.get(p.branchId)?.name ?? '' },
      termStart: p.termStart,
      termEnd: p.termEnd,
      year,
      missedMonths: outcome.missed,
      notedMonths: outcome.noted,
      visits,
      met: outcome.met,
      owing: outcome.owing,
      logs: own
        .slice()
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((l) => ({
          id: l._id,
          kind: l.kind,
          visitKind: l.visitKind,
          date: l.date,
          summary: l.summary,
          at: l.at.toISOString(),
        })),
    };
  });
}

export function committeePoints(db: Database, committeeId: string): Promise<ContactPointDoc[]> {
  return readAll<ContactPointDoc>(db, 'contactPoints', { committeeId }, 'createdAt');
}

export async function contactBoard(
  db: Database,
  committee: OrganizationDoc,
  year: number,
  now: Date,
): Promise<ContactPointBoard> {
  const [rules, points] = await Promise.all([cadenceRules(db, committee._id), committeePoints(db, committee._id)]);
  const views = await pointViews(db, points, year, rules.contactDuty, now);
  return {
    committee: { id: committee._id, name: committee.name },
    year,
    duty: rules.contactDuty,
    points: views,
    met: views.filter((v) => v.met).length,
    notMet: views.filter((v) => !v.met).length,
  };
}

export async function myPoints(db: Database, caller: Caller, year: number, now: Date): Promise<ContactPointView[]> {
  const points = await readAll<ContactPointDoc>(db, 'contactPoints', { leaderOpenid: caller.openid }, 'createdAt');
  const out: ContactPointView[] = [];
  for (const committeeId of [...new Set(points.map((p) => p.committeeId))]) {
    const rules = await cadenceRules(db, committeeId);
    out.push(
      ...(await pointViews(
        db,
        points.filter((p) => p.committeeId === committeeId),
        year,
        rules.contactDuty,
        now,
      )),
    );
  }
  return out;
}
