/**
 * Notices (通知公告): who may publish to which audience, creation with its content checks,
 * publishing (at once, or by the scheduler at `publishAt`), editing, withdrawing, and receipts.
 * The audience is resolved to its branches when the notice is written: a branch; every side of a
 * pairing the caller leads; every branch of a committee whose office the caller works in. Status
 * changes are conditional updates, so the scheduler firing twice publishes a notice once.
 */
import { createHash } from 'node:crypto';
import { AppError, type NoticeAudienceKind, type NoticeStatus } from '../contract';
import type { NoticeAttachmentDoc, NoticeDoc, NoticeFeedDoc, OrganizationDoc, PairingDoc } from '../db/documents';
import { CHECK_DEADLINE_MS } from '../domain/content-review';
import { managesOrg, pairingRights, type Caller } from '../domain/org-access';
import { isWritable } from '../domain/pairing';
import { loadOrg } from './access';
import type { Database } from './cloud';
import { checkText, CONTENT_SCENE } from './content-security';
import { getDoc, isDuplicateWrite, readAll } from './docs';
import { existingFiles, isOwnUpload } from './files';
import { checksOf, startMediaChecks, verdictsOf } from './media-checks';

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|bmp|heic)$/i;
const NOT_LED = '只能向本支部、你负责的联建或你所在党委管理的支部发布通知';

export function noticeDocId(openid: string, requestId: string): string {
  return `n${createHash('sha256').update(`notice|${openid}|${requestId}`).digest('hex').slice(0, 31)}`;
}

export function receiptId(noticeId: string, openid: string): string {
  return `${noticeId}_${openid}`;
}

export interface ResolvedAudience {
  kind: NoticeAudienceKind;
  id: string;
  name: string;
  branches: string[];
}

/** The audience if the caller leads it, else FORBIDDEN (the same answer whether or not it exists). */
export async function resolveAudience(
  db: Database,
  caller: Caller,
  audience: { kind: NoticeAudienceKind; id: string },
): Promise<ResolvedAudience> {
  const refuse = (): never => {
    throw new AppError('FORBIDDEN', NOT_LED);
  };
  if (audience.kind === 'branch') {
    const org = await loadOrg(db, audience.id);
    if (!org || org.kind !== 'branch' || !managesOrg(caller, org)) return refuse();
    return { kind: 'branch', id: org._id, name: org.name, branches: [org._id] };
  }
  if (audience.kind === 'pairing') {
    const pairing = await getDoc<PairingDoc>(db, 'pairings', audience.id);
    if (!pairing || !isWritable(pairing.status) || pairingRights(caller, pairing.sides).leads.length === 0)
      return refuse();
    return { kind: 'pairing', id: pairing._id, name: pairing.name, branches: pairing.sides.map((s) => s.orgId) };
  }
  const committee = caller.adminOf.includes(audience.id) ? await loadOrg(db, audience.id) : null;
  if (!committee || committee.kind !== 'committee') return refuse();
  const branches = await readAll<OrganizationDoc>(
    db,
    'organizations',
    { kind: 'branch', parentId: committee._id },
    'parentId',
  );
  return { kind: 'committee', id: committee._id, name: committee.name, branches: branches.map((b) => b._id) };
}

export interface NoticeContent {
  title: string;
  body: string;
  attachments: { fileID: string; name: string }[];
  pinned: boolean;
  expiresAt: Date | null;
}

function isImage(name: string, fileID: string): boolean {
  return IMAGE_EXT.test(name) || IMAGE_EXT.test(fileID);
}

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: [{ path, message }] });
}

/** Attachments: kept ones, or the caller's own existing uploads for a notice. */
async function checkAttachments(
  attachments: NoticeContent['attachments'],
  openid: string,
  kept: readonly NoticeAttachmentDoc[],
): Promise<NoticeAttachmentDoc[]> {
  const keptIds = new Set(kept.map((a) => a.fileID));
  const fresh = attachments.filter((a) => !keptIds.has(a.fileID));
  const own = fresh.filter((a) => isOwnUpload(a.fileID, openid, 'notice'));
  const present = own.length === fresh.length ? await existingFiles(own.map((a) => a.fileID)) : new Set<string>();
  const bad = attachments.findIndex((a) => !keptIds.has(a.fileID) && !present.has(a.fileID));
  if (bad >= 0)
    throw new AppError('FILE_INVALID', '附件无效，请重新上传', {
      details: [{ path: `attachments.${bad}.fileID`, message: '附件无效，请重新上传' }],
    });
  return attachments.map((a) => ({ fileID: a.fileID, name: a.name, isImage: isImage(a.name, a.fileID) }));
}

async function checkNoticeText(openid: string, title: string, body: string): Promise<string> {
  const check = await checkText(openid, `${title}\n${body}`, CONTENT_SCENE.forum);
  // A notice speaks for the organisation: anything short of a pass is rewritten by its author.
  if (check.verdict !== 'pass') throw new AppError('CONTENT_RISKY', '通知内容未通过内容安全检测，请修改后再发布');
  return check.traceId;
}

function timeIssues(content: NoticeContent, publishAt: Date | null, now: Date): void {
  if (publishAt && publishAt.getTime() > now.getTime() + 90 * 24 * 3600 * 1000)
    throw invalid('publishAt', '定时发布时间最多在 90 天之内');
  const from = publishAt && publishAt > now ? publishAt : now;
  if (content.expiresAt && content.expiresAt <= from) throw invalid('expiresAt', '截止时间应晚于发布时间');
}

export async function loadNotice(db: Database, noticeId: string): Promise<NoticeDoc | null> {
  return getDoc<NoticeDoc>(db, 'notices', noticeId);
}

export async function createNotice(
  db: Database,
  caller: Caller,
  input: NoticeContent & {
    requestId: string;
    audience: { kind: NoticeAudienceKind; id: string };
    publishAt: Date | null;
  },
  now: Date,
): Promise<NoticeDoc> {
  const id = noticeDocId(caller.openid, input.requestId);
  const existing = await loadNotice(db, id);
  if (existing) return resumeNotice(db, existing, now);
  const audience = await resolveAudience(db, caller, input.audience);
  timeIssues(input, input.publishAt, now);
  const attachments = await checkAttachments(input.attachments, caller.openid, []);
  const textTraceId = await checkNoticeText(caller.openid, input.title, input.body);
  const notice: NoticeDoc = {
    _id: id,
    audience: { kind: audience.kind, id: audience.id, name: audience.name },
    branches: audience.branches,
    title: input.title,
    body: input.body,
    attachments,
    pinned: input.pinned,
    expiresAt: input.expiresAt,
    publishAt: input.publishAt && input.publishAt > now ? input.publishAt : null,
    status: 'checking',
    reason: null,
    textTraceId,
    checkDeadline: new Date(now.getTime() + CHECK_DEADLINE_MS),
    authorOpenid: caller.openid,
    authorName: caller.member?.name ?? '组织部门',
    edited: false,
    editedAt: null,
    createdAt: now,
    publishedAt: null,
    updatedAt: now,
  };
  try {
    await db.collection('notices').add(notice);
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    return resumeNotice(db, (await loadNotice(db, id)) ?? notice, now);
  }
  return resumeNotice(db, notice, now);
}

async function resumeNotice(db: Database, notice: NoticeDoc, now: Date): Promise<NoticeDoc> {
  if (notice.status !== 'checking') return notice;
  const images = notice.attachments.filter((a) => a.isImage).map((a) => a.fileID);
  await startMediaChecks(db, { kind: 'notice', id: notice._id }, images, notice.authorOpenid, CONTENT_SCENE.forum, now);
  return evaluateNotice(db, notice._id, now);
}

export async function writeNoticeFeed(db: Database, notice: NoticeDoc): Promise<void> {
  await Promise.all(
    notice.branches.map((branchId) => {
      const entry: Omit<NoticeFeedDoc, '_id'> = {
        noticeId: notice._id,
        branchId,
        status: notice.status,
        pinned: notice.pinned,
        sortAt: notice.publishedAt ?? notice.createdAt,
        expiresAt: notice.expiresAt,
      };
      return db.collection('noticeFeed').doc(`${notice._id}_${branchId}`).set(entry);
    }),
  );
}

/** From `from` to `to` if still `from`; only the call that changed it writes the feed. */
async function transition(
  db: Database,
  notice: NoticeDoc,
  from: NoticeStatus,
  to: NoticeStatus,
  patch: Partial<NoticeDoc>,
  now: Date,
): Promise<{ notice: NoticeDoc; changed: boolean }> {
  const changes = { ...patch, status: to, updatedAt: now, ...(to === 'published' ? { publishedAt: now } : {}) };
  const { updated } = await db.collection('notices').where({ _id: notice._id, status: from }).update(changes);
  if (updated !== 1) return { notice: (await loadNotice(db, notice._id)) ?? notice, changed: false };
  const after: NoticeDoc = { ...notice, ...changes };
  if (to === 'published') await writeNoticeFeed(db, after);
  else await db.collection('noticeFeed').where({ noticeId: notice._id }).update({ status: to });
  return { notice: after, changed: true };
}

/** Applies the image verdicts so far to a notice being checked. */
export async function evaluateNotice(db: Database, noticeId: string, now: Date): Promise<NoticeDoc> {
  const notice = await loadNotice(db, noticeId);
  if (!notice || notice.status !== 'checking') {
    if (!notice) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
    return notice;
  }
  const images = notice.attachments.filter((a) => a.isImage);
  const verdicts = verdictsOf(
    images.map((a) => a.fileID),
    await checksOf(db, notice._id),
  );
  const bad = verdicts.findIndex((v) => v === 'risky' || v === 'review');
  if (bad >= 0) {
    const reason = `图片“${images[bad]!.name}”未通过内容安全检测，请更换后重新发布`;
    return (await transition(db, notice, 'checking', 'rejected', { reason }, now)).notice;
  }
  if (!verdicts.every((v) => v === 'pass')) return notice;
  const to: NoticeStatus = notice.publishAt && notice.publishAt > now ? 'scheduled' : 'published';
  return (await transition(db, notice, 'checking', to, {}, now)).notice;
}

/**
 * The scheduler's job: publishes every scheduled notice whose time has come. Answers how many this
 * run published (a concurrent run publishing the same notice does not count it twice).
 */
export async function publishDueNotices(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  let published = 0;
  for (let round = 0; round < 20; round++) {
    const { data } = await db
      .collection('notices')
      .where({ status: 'scheduled', publishAt: _.lte(now) })
      .orderBy('publishAt', 'asc')
      .limit(100)
      .get();
    const due = data as NoticeDoc[];
    const results = await Promise.all(due.map((notice) => transition(db, notice, 'scheduled', 'published', {}, now)));
    published += results.filter((r) => r.changed).length;
    if (due.length < 100) break;
  }
  return published;
}

export function assertAuthor(notice: NoticeDoc, openid: string): void {
  if (notice.authorOpenid !== openid) throw new AppError('NOT_FOUND', '通知不存在或已撤回');
}

export async function withdrawNotice(db: Database, notice: NoticeDoc, now: Date): Promise<NoticeDoc> {
  if (notice.status === 'withdrawn') return notice;
  const { notice: after, changed } = await transition(db, notice, notice.status, 'withdrawn', {}, now);
  if (!changed) throw new AppError('CONFLICT');
  return after;
}

/** Edits the text, pin, expiry and attachments; a published notice keeps its receipts and is marked edited. */
export async function updateNotice(
  db: Database,
  notice: NoticeDoc,
  input: NoticeContent,
  now: Date,
): Promise<NoticeDoc> {
  if (notice.status !== 'published' && notice.status !== 'scheduled')
    throw new AppError('CONFLICT', '只有已发布或待发布的通知可以修改');
  timeIssues(input, notice.status === 'scheduled' ? notice.publishAt : null, now);
  const attachments = await checkAttachments(input.attachments, notice.authorOpenid, notice.attachments);
  const keptIds = new Set(notice.attachments.map((a) => a.fileID));
  const newImage = attachments.findIndex((a) => a.isImage && !keptIds.has(a.fileID));
  if (newImage >= 0) throw invalid(`attachments.${newImage}.fileID`, '修改通知时不能新增图片，请撤回后重新发布');
  const textTraceId = await checkNoticeText(notice.authorOpenid, input.title, input.body);
  const edited = notice.status === 'published';
  const patch = {
    title: input.title,
    body: input.body,
    attachments,
    pinned: input.pinned,
    expiresAt: input.expiresAt,
    textTraceId,
    edited: notice.edited || edited,
    editedAt: edited ? now : notice.editedAt,
    updatedAt: now,
  };
  const { updated } = await db.collection('notices').where({ _id: notice._id, status: notice.status }).update(patch);
  if (updated !== 1) throw new AppError('CONFLICT');
  await db
    .collection('noticeFeed')
    .where({ noticeId: notice._id })
    .update({ pinned: input.pinned, expiresAt: input.expiresAt });
  return { ...notice, ...patch };
}

/** Published, unexpired, and addressed to the branch. */
export function readableBy(notice: NoticeDoc, branchId: string, now: Date): boolean {
  return (
    notice.status === 'published' && notice.branches.includes(branchId) && (!notice.expiresAt || notice.expiresAt > now)
  );
}

/** Records the member's first opening; later ones change nothing. */
export async function recordReceipt(
  db: Database,
  notice: NoticeDoc,
  member: { openid: string; branchId: string; name: string },
  now: Date,
): Promise<void> {
  try {
    await db.collection('noticeReads').add({
      _id: receiptId(notice._id, member.openid),
      noticeId: notice._id,
      branchId: member.branchId,
      openid: member.openid,
      name: member.name,
      at: now,
    });
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}
