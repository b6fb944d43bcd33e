/**
 * 补学 (make-up): a member asks for a missed day within the committee's window, with a reason; the
 * branch secretary approves or refuses; an approved one may be revoked. Every step is a decision
 * kept on the request (who, when, why). Approval writes the day's check-in, marked makeUp, in the
 * same transaction, and awards study.makeUp; revoking withdraws both.
 */
import { AppError, type MakeUpView } from '../contract';
import type { MakeUpDecisionDoc, MakeUpDoc, StudyCheckInDoc } from '../db/documents';
import type { Actor } from '../domain/event-access';
import type { PointRules } from '../domain/points-rules';
import { makeUpAllowed } from '../domain/study-streak';
import type { Database } from './cloud';
import { getDoc, getDocInTx, isDuplicateWrite, withoutId } from './docs';
import { awardPoints, reversePoints } from './points';
import { checkInAwards, studyCheckInId, type StudiedWhat } from './study';
import { inTransaction } from './transaction';

export function makeUpView(doc: MakeUpDoc): MakeUpView {
  return {
    id: doc._id,
    memberId: doc.memberId,
    name: doc.name,
    day: doc.day,
    reason: doc.reason,
    title: doc.title,
    materialKind: doc.materialKind,
    minutes: doc.minutes,
    planItemId: doc.planItemId,
    status: doc.status,
    decisions: doc.decisions.map((d) => ({
      action: d.action,
      byName: d.byName,
      at: d.at.toISOString(),
      reason: d.reason,
    })),
    createdAt: doc.createdAt.toISOString(),
  };
}

export async function requestMakeUp(
  db: Database,
  actor: Actor & { name: string },
  day: string,
  reason: string,
  studied: StudiedWhat,
  windowDays: number,
  today: string,
  now: Date,
): Promise<MakeUpDoc> {
  const allowed = makeUpAllowed(day, today, windowDays);
  if (allowed === 'future') throw new AppError('STUDY_MAKE_UP_WINDOW', '只能为已经过去的日子申请补学，今天请直接打卡');
  if (allowed === 'tooOld')
    throw new AppError('STUDY_MAKE_UP_WINDOW', `只能为最近 ${windowDays} 天内漏掉的学习申请补学`);
  const id = studyCheckInId(actor.openid, day);
  const standing = await getDoc<StudyCheckInDoc>(db, 'studyCheckins', id);
  if (standing && standing.status === 'active') throw new AppError('STUDY_ALREADY_STUDIED');
  const doc: MakeUpDoc = {
    _id: id,
    memberId: actor.openid,
    branchId: actor.branchId,
    name: actor.name,
    day,
    reason,
    ...studied,
    status: 'pending',
    decisions: [{ action: 'request', by: actor.openid, byName: actor.name, at: now, reason }],
    createdAt: now,
  };
  try {
    await db.collection('makeUps').add(doc);
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    throw new AppError('STUDY_ALREADY_STUDIED', '这一天已经申请过补学');
  }
  return doc;
}

function makeUpCheckIn(request: MakeUpDoc, generation: number, now: Date): StudyCheckInDoc {
  return {
    _id: request._id,
    memberId: request.memberId,
    branchId: request.branchId,
    name: request.name,
    day: request.day,
    month: request.day.slice(0, 7),
    kind: 'makeUp',
    status: 'active',
    generation,
    planItemId: request.planItemId,
    title: request.title,
    link: request.link,
    materialKind: request.materialKind,
    minutes: request.minutes,
    reflection: '',
    reflectionState: 'none',
    reflectionTraceId: '',
    photos: [],
    at: now,
    createdAt: now,
    makeUpId: request._id,
  };
}

async function decideInTx(
  db: Database,
  id: string,
  branchId: string,
  from: MakeUpDoc['status'],
  to: MakeUpDoc['status'],
  decision: MakeUpDecisionDoc,
): Promise<{ request: MakeUpDoc; checkIn: StudyCheckInDoc | null }> {
  return inTransaction(db, async (tx) => {
    const request = await getDocInTx<MakeUpDoc>(tx, 'makeUps', id);
    if (!request || request.branchId !== branchId) throw new AppError('NOT_FOUND', '补学申请不存在');
    if (request.status !== from) throw new AppError('ALREADY_DECIDED');
    const next: MakeUpDoc = { ...request, status: to, decisions: [...request.decisions, decision] };
    await tx.collection('makeUps').doc(id).set(withoutId(next));
    let checkIn: StudyCheckInDoc | null = null;
    if (to === 'approved' || to === 'revoked') {
      const standing = await getDocInTx<StudyCheckInDoc>(tx, 'studyCheckins', id);
      if (to === 'approved') {
        if (standing && standing.status === 'active') throw new AppError('STUDY_ALREADY_STUDIED');
        checkIn = makeUpCheckIn(next, standing ? standing.generation + 1 : 0, decision.at);
      } else if (standing && standing.kind === 'makeUp' && standing.status === 'active') {
        checkIn = { ...standing, status: 'undone' };
      }
      if (checkIn) await tx.collection('studyCheckins').doc(id).set(withoutId(checkIn));
    }
    return { request: next, checkIn };
  });
}

export async function decideMakeUp(
  db: Database,
  secretary: Actor & { name: string },
  id: string,
  approve: boolean,
  reason: string,
  rules: PointRules,
  now: Date,
): Promise<MakeUpDoc> {
  const decision: MakeUpDecisionDoc = {
    action: approve ? 'approve' : 'refuse',
    by: secretary.openid,
    byName: secretary.name,
    at: now,
    reason,
  };
  const { request, checkIn } = await decideInTx(
    db,
    id,
    secretary.branchId,
    'pending',
    approve ? 'approved' : 'refused',
    decision,
  );
  if (checkIn) await awardPoints(db, checkInAwards(checkIn, false), rules, now);
  return request;
}

export async function revokeMakeUp(
  db: Database,
  secretary: Actor & { name: string },
  id: string,
  reason: string,
  now: Date,
): Promise<MakeUpDoc> {
  const decision: MakeUpDecisionDoc = {
    action: 'revoke',
    by: secretary.openid,
    byName: secretary.name,
    at: now,
    reason,
  };
  const { request } = await decideInTx(db, id, secretary.branchId, 'approved', 'revoked', decision);
  await reversePoints(db, [`mu_${id}`], `补学撤销：${reason}`, now);
  return request;
}
