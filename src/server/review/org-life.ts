/**
 * Organisation-life records (minutes) and 请假. A record is keyed by its event (one per event) and
 * holds what the organiser wrote: kind, topic, form, host, content, decisions, attachments, outcome
 * figures and corrections to the check-in list, each with a reason. Until first saved the minutes
 * are suggested from the event and its check-in. Leave lives in its own collection: registration
 * statuses are untouched, and the organiser sees 请假 apart from absent.
 */
import {
  AppError,
  OUTCOME_KEYS,
  type FieldIssue,
  type MyLeave,
  type OrgLifeKind,
  type OrgLifeRecordView,
  type Outcomes,
  type ParsedInput,
} from '../../contract';
import type { EventDoc, LeaveDoc, MemberDoc, OrgLifeRecordDoc } from '../../db/documents';
import type { Actor } from '../../domain/event-access';
import { effectiveStatus } from '../../domain/event-lifecycle';
import { tallyAttendance } from '../../domain/review';
import type { Database } from '../cloud';
import { checkText, CONTENT_SCENE } from '../content-security';
import { getDoc, registrationId, withoutId } from '../docs';
import { seenEvent, visibleEvent } from '../events';
import { isOwnUpload, temporaryLinks } from '../files';
import { describeError, log } from '../log';
import { ownerName } from '../owner-access';
import { eventAttendance } from './scope';

export function suggestedKind(event: EventDoc): OrgLifeKind {
  if (event.owner.kind === 'pairing') return '联学';
  if (event.kind === 'themeDay') return '主题党日';
  if (event.form === '讲党课') return '党课';
  return '主题党日';
}

const emptyOutcomes = (): Outcomes => Object.fromEntries(OUTCOME_KEYS.map((k) => [k, 0])) as Outcomes;

export function loadRecord(db: Database, eventId: string): Promise<OrgLifeRecordDoc | null> {
  return getDoc<OrgLifeRecordDoc>(db, 'orgLifeRecords', eventId);
}

async function recordView(
  db: Database,
  event: EventDoc,
  record: OrgLifeRecordDoc | null,
  canEdit: boolean,
  now: Date,
): Promise<OrgLifeRecordView> {
  const a = await eventAttendance(db, event, record, null);
  const names = new Map<string, string>();
  for (const d of [...a.regs, ...a.checkIns, ...a.leaves]) names.set(d.memberId, d.name);
  for (const adj of record?.adjustments ?? []) names.set(adj.memberId, adj.name);
  const present = new Set(a.present);
  const checkedIn = new Set(a.checkIns.map((c) => c.memberId));
  const registered = new Set(a.registered);
  const reasonOf = new Map((record?.adjustments ?? []).map((adj) => [adj.memberId, adj]));
  const person = (memberId: string) => ({ memberId, name: names.get(memberId) ?? '' });
  const leaveOf = new Map(a.leaves.map((l) => [l.memberId, l]));
  // Links only for this record's own files, and only here: the caller may read these minutes.
  const links = await temporaryLinks((record?.attachments ?? []).map((f) => f.fileID));
  return {
    event: {
      id: event._id,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      placeName: event.place.name,
      status: effectiveStatus(event.status, event.endsAt, now),
      owner: { kind: event.owner.kind, id: event.owner.id },
      ownerName: await ownerName(db, event.owner),
    },
    saved: record !== null,
    kind: record?.kind ?? suggestedKind(event),
    topic: record?.topic ?? event.theme ?? event.title,
    form: record?.form ?? event.form,
    host: record?.host ?? event.organisers[0]?.name ?? '',
    content: record?.content ?? '',
    decisions: record?.decisions ?? '',
    attachments: (record?.attachments ?? []).map((f) => ({
      fileID: f.fileID,
      name: f.name,
      url: links.get(f.fileID) ?? '',
    })),
    outcomes: { ...emptyOutcomes(), ...(record?.outcomes ?? {}) },
    attendees: a.present.map((memberId) => ({
      ...person(memberId),
      source: checkedIn.has(memberId) ? 'checkIn' : 'added',
      reason: checkedIn.has(memberId) ? null : (reasonOf.get(memberId)?.reason ?? null),
    })),
    removed: [...checkedIn]
      .filter((id) => !present.has(id))
      .map((id) => ({ ...person(id), reason: reasonOf.get(id)?.reason ?? '' })),
    excused: a.leaves.filter((l) => !present.has(l.memberId)).map((l) => ({ ...person(l.memberId), reason: l.reason })),
    absent: [...registered].filter((id) => !present.has(id) && !leaveOf.has(id)).map(person),
    tally: tallyAttendance(a),
    canEdit,
    updatedAt: record ? record.updatedAt.toISOString() : null,
    updatedByName: record?.updatedByName ?? null,
  };
}

export async function getMinutes(db: Database, eventId: string, actor: Actor, now: Date): Promise<OrgLifeRecordView> {
  const { event, access } = await seenEvent(db, eventId, actor);
  if (!access.reads && !access.manages.organiser) throw new AppError('FORBIDDEN', '只有主办方的党员可以查看会议记录');
  return recordView(db, event, await loadRecord(db, eventId), access.manages.organiser, now);
}

async function attachmentIssues(
  fileIDs: readonly string[],
  openid: string,
  kept: readonly string[],
): Promise<FieldIssue[]> {
  const fresh = fileIDs.filter((id) => !kept.includes(id));
  const own = fresh.filter((id) => isOwnUpload(id, openid, 'minutes'));
  const found = own.length > 0 ? await temporaryLinks(own) : new Map<string, string>();
  return fileIDs.flatMap((id, i) =>
    kept.includes(id) || found.has(id) ? [] : [{ path: `attachments.${i}.fileID`, message: '附件无效，请重新上传' }],
  );
}

/**
 * Content security for what members will read in the minutes: topic, host, content, decisions and
 * the reasons of corrections (shown beside the names). Each field that changed since the last save
 * is checked on its own, so the editor can point at it. Minutes are the organisation's record, like
 * a notice: 'risky' and 'review' alike are refused with a request to rephrase (there is no approval
 * queue for minutes), and a failed check is a retryable error. Either way nothing is stored.
 */
async function checkMinutesText(
  openid: string,
  input: ParsedInput<'orgLife.save'>,
  existing: OrgLifeRecordDoc | null,
): Promise<void> {
  const reasons = (adjustments: readonly { reason: string }[]) => adjustments.map((a) => a.reason).join('\n');
  const fields: [path: string, label: string, now: string, before: string | undefined][] = [
    ['topic', '会议主题', input.topic, existing?.topic],
    ['host', '主持人', input.host, existing?.host],
    ['content', '会议内容', input.content, existing?.content],
    ['decisions', '决定事项', input.decisions, existing?.decisions],
    ['adjustments', '出席更正原因', reasons(input.adjustments), existing ? reasons(existing.adjustments) : undefined],
  ];
  const changed = fields.filter(([, , text, before]) => text.trim() !== '' && text !== before);
  let verdicts;
  try {
    verdicts = await Promise.all(changed.map(([, , text]) => checkText(openid, text, CONTENT_SCENE.forum)));
  } catch (err) {
    log('failed', { what: 'orgLife.contentCheck', error: describeError(err) });
    throw new AppError('MINUTES_CHECK_UNAVAILABLE', undefined, { cause: err });
  }
  const details: FieldIssue[] = changed.flatMap(([path, label], i) => {
    const verdict = verdicts[i]!.verdict;
    if (verdict === 'pass') return [];
    const message =
      verdict === 'risky'
        ? `${label}中有不适宜发布的内容，请修改后再保存`
        : `${label}中有需要斟酌的表述，请换一种说法后再保存`;
    return [{ path, message }];
  });
  if (details.length) throw new AppError('MINUTES_CONTENT_REFUSED', details[0]!.message, { details });
}

export async function saveMinutes(
  db: Database,
  input: ParsedInput<'orgLife.save'>,
  actor: Actor,
  actorName: string,
  now: Date,
): Promise<OrgLifeRecordView> {
  const { event, access } = await seenEvent(db, input.eventId, actor);
  if (!access.manages.organiser) throw new AppError('FORBIDDEN', '只有主办方的书记或委员可以填写会议记录');
  if (event.status !== 'published') throw new AppError('EVENT_NOT_EDITABLE', '活动未发布或已取消，不能填写会议记录');
  if (event.startsAt > now) throw new AppError('MINUTES_TOO_EARLY');
  const existing = await loadRecord(db, event._id);
  const issues = await attachmentIssues(
    input.attachments.map((f) => f.fileID),
    actor.openid,
    (existing?.attachments ?? []).map((f) => f.fileID),
  );
  // Who a correction names: someone registered or checked in, or a member of an audience branch.
  const a = await eventAttendance(db, event, null, null);
  const known = new Map<string, string>();
  for (const d of [...a.regs, ...a.checkIns]) known.set(d.memberId, d.name);
  const adjustments: OrgLifeRecordDoc['adjustments'] = [];
  for (const [i, adj] of input.adjustments.entries()) {
    let name = known.get(adj.memberId);
    if (name === undefined) {
      const member = await getDoc<MemberDoc>(db, 'members', adj.memberId);
      if (member && member.status === 'active' && event.audience.includes(member.branchId)) name = member.name;
    }
    if (name === undefined) issues.push({ path: `adjustments.${i}.memberId`, message: '该党员不在活动范围内' });
    else adjustments.push({ memberId: adj.memberId, name, present: adj.present, reason: adj.reason });
  }
  if (issues.length) throw new AppError('INVALID_INPUT', issues[0]!.message, { details: issues });
  await checkMinutesText(actor.openid, input, existing);
  const doc: OrgLifeRecordDoc = {
    _id: event._id,
    eventId: event._id,
    owner: event.owner,
    ownerKey: event.ownerKey,
    startsAt: event.startsAt,
    title: event.title,
    kind: input.kind,
    topic: input.topic,
    form: input.form,
    host: input.host,
    content: input.content,
    decisions: input.decisions,
    attachments: input.attachments,
    outcomes: {
      ...emptyOutcomes(),
      ...Object.fromEntries(Object.entries(input.outcomes).filter(([, v]) => v !== undefined)),
    },
    adjustments,
    updatedBy: actor.openid,
    updatedByName: actorName,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await db.collection('orgLifeRecords').doc(doc._id).set(withoutId(doc));
  return recordView(db, event, doc, true, now);
}

const leaveView = (doc: LeaveDoc): MyLeave => ({
  eventId: doc.eventId,
  reason: doc.reason,
  status: doc.status,
  at: doc.at.toISOString(),
});

export async function requestLeave(
  db: Database,
  eventId: string,
  reason: string,
  actor: Actor,
  name: string,
  now: Date,
): Promise<MyLeave> {
  const event = await visibleEvent(db, eventId, actor);
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (event.status !== 'published') throw new AppError('NOT_FOUND', '活动尚未发布');
  if (event.startsAt <= now) throw new AppError('LEAVE_CLOSED');
  // The reason is shown in the minutes, which the owner's members read: checked like the minutes.
  let check;
  try {
    check = await checkText(actor.openid, reason, CONTENT_SCENE.comment);
  } catch (err) {
    log('failed', { what: 'leave.contentCheck', error: describeError(err) });
    throw new AppError('LEAVE_CHECK_UNAVAILABLE', undefined, { cause: err });
  }
  if (check.verdict !== 'pass') throw new AppError('LEAVE_REASON_REFUSED');
  const doc: LeaveDoc = {
    _id: registrationId(eventId, actor.openid),
    eventId,
    memberId: actor.openid,
    branchId: actor.branchId,
    name,
    reason,
    status: 'requested',
    at: now,
  };
  await db.collection('leaves').doc(doc._id).set(withoutId(doc));
  return leaveView(doc);
}

export async function withdrawLeave(db: Database, eventId: string, actor: Actor, now: Date): Promise<MyLeave> {
  const event = await visibleEvent(db, eventId, actor);
  if (event.startsAt <= now) throw new AppError('LEAVE_CLOSED', '活动已开始，不能再撤回请假');
  const id = registrationId(eventId, actor.openid);
  const doc = await getDoc<LeaveDoc>(db, 'leaves', id);
  if (!doc) throw new AppError('NOT_FOUND', '你没有请假');
  if (doc.status === 'withdrawn') return leaveView(doc);
  const next: LeaveDoc = { ...doc, status: 'withdrawn', at: now };
  await db.collection('leaves').doc(id).update({ status: 'withdrawn', at: now });
  return leaveView(next);
}

export async function myLeave(db: Database, eventId: string, openid: string): Promise<LeaveDoc | null> {
  return getDoc<LeaveDoc>(db, 'leaves', registrationId(eventId, openid));
}
