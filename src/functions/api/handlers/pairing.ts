/**
 * pairing.* and agreement.set: proposing a pairing, each partner's consent, ending it, the
 * lists of an organisation's or a committee's pairings, and the signed agreement.
 */
import { AppError, type ActionName, type FieldIssue } from '../../../contract';
import type { AgreementDoc, PairingDoc, PairingMembershipDoc, PairingSideDoc } from '../../../db/documents';
import { leadsSide, pairingRights, type PairingRights } from '../../../domain/org-access';
import { memberKey, statusAfterAnswers } from '../../../domain/pairing';
import { assertLeads, callerName, existingOrg, loadCaller, visiblePairing } from '../../../server/access';
import { getDoc, readInOrder } from '../../../server/docs';
import { isOwnUpload, temporaryLinks } from '../../../server/files';
import { newId } from '../../../server/ids';
import { readPage } from '../../../server/paging';
import { lockPairing, pairingDetail, pairingSummaries, writePairing } from '../../../server/pairings';
import { inTransaction } from '../../../server/transaction';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);

const SIDE_KINDS = new Set(['branch', 'partner']);

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: [{ path, message }] });
}

const propose: Handler<'pairing.propose'> = async (input, ctx) => {
  const who = await caller(ctx);
  const fromOrgId = input.fromOrgId ?? ctx.member?.branchId;
  if (!fromOrgId) throw new AppError('NOT_MEMBER');
  if (input.partnerIds.includes(fromOrgId)) throw new AppError('PAIRING_SELF');
  const from = await existingOrg(ctx.db, fromOrgId);
  const fromSide = { orgId: from._id, committeeId: from.parentId };
  if (!leadsSide(who, fromSide)) throw new AppError('FORBIDDEN', '只有本支部书记或上级党委可以发起结对');
  const partners = await Promise.all(input.partnerIds.map((id) => existingOrg(ctx.db, id)));
  for (const [index, org] of [from, ...partners].entries()) {
    if (!SIDE_KINDS.has(org.kind))
      throw invalid(index === 0 ? 'fromOrgId' : `partnerIds.${index - 1}`, '结对双方应为支部或合作组织');
  }
  const key = memberKey([from._id, ...input.partnerIds]);
  const _ = ctx.db.command;
  const { total } = await ctx.db
    .collection('pairings')
    .where({ memberKey: key, status: _.in(['proposed', 'active']) })
    .count();
  if (total > 0) throw new AppError('PAIRING_DUPLICATE');

  const side = (orgId: string, committeeId: string | null, proposer: boolean): PairingSideDoc => ({
    orgId,
    committeeId,
    status: proposer ? 'proposer' : 'pending',
    leadOpenid: proposer ? ctx.openid : null,
    leadName: proposer ? callerName(who) : null,
    decidedAt: proposer ? ctx.now : null,
    refuseReason: '',
  });
  const pairing: PairingDoc = {
    _id: newId(),
    name: input.name,
    kind: input.kind,
    status: 'proposed',
    sides: [side(from._id, from.parentId, true), ...partners.map((org) => side(org._id, org.parentId, false))],
    memberKey: key,
    termStart: input.termStart,
    termEnd: input.termEnd,
    endReason: '',
    proposedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    activatedAt: null,
    endedAt: null,
  };
  await inTransaction(ctx.db, (tx) => writePairing(tx, pairing));
  return pairingDetail(ctx.db, pairing, pairingRights(who, pairing.sides));
};

/** Without a named side: the one pending side the caller answers for. */
function soleSideToAnswer(pairing: PairingDoc, rights: PairingRights): PairingSideDoc {
  const led = pairing.sides.filter((s) => rights.leads.includes(s.orgId));
  const pending = led.filter((s) => s.status === 'pending');
  if (pending.length > 1) throw invalid('orgId', '请选择代表哪个组织答复');
  if (pending[0]) return pending[0];
  if (led.length > 0) throw new AppError('ALREADY_DECIDED');
  throw new AppError('FORBIDDEN', '只有受邀组织的书记或上级党委可以答复');
}

const respond: Handler<'pairing.respond'> = async ({ pairingId, orgId, accept, reason }, ctx) => {
  const who = await caller(ctx);
  const { rights } = await visiblePairing(ctx.db, who, pairingId);
  const updated = await inTransaction(ctx.db, async (tx) => {
    const pairing = await lockPairing(tx, pairingId);
    if (!pairing) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
    if (pairing.status !== 'proposed') throw new AppError('ALREADY_DECIDED');
    const target =
      orgId === undefined ? soleSideToAnswer(pairing, rights) : pairing.sides.find((s) => s.orgId === orgId);
    if (!target) throw new AppError('NOT_FOUND', '该组织不在此联建中');
    assertLeads(rights, target.orgId);
    if (target.status !== 'pending') throw new AppError('ALREADY_DECIDED');
    const sides = pairing.sides.map((s) =>
      s.orgId === target.orgId
        ? {
            ...s,
            status: accept ? ('accepted' as const) : ('refused' as const),
            leadOpenid: ctx.openid,
            leadName: callerName(who),
            decidedAt: ctx.now,
            refuseReason: accept ? '' : reason,
          }
        : s,
    );
    const status = statusAfterAnswers(sides);
    const next: PairingDoc = {
      ...pairing,
      sides,
      status,
      updatedAt: ctx.now,
      activatedAt: status === 'active' ? ctx.now : pairing.activatedAt,
    };
    await writePairing(tx, next);
    return next;
  });
  return pairingDetail(ctx.db, updated, pairingRights(who, updated.sides));
};

const end: Handler<'pairing.end'> = async ({ pairingId, reason }, ctx) => {
  const who = await caller(ctx);
  const { rights } = await visiblePairing(ctx.db, who, pairingId);
  if (rights.leads.length === 0) throw new AppError('FORBIDDEN', '只有联建各方的书记或上级党委可以结束联建');
  const ended = await inTransaction(ctx.db, async (tx) => {
    const pairing = await lockPairing(tx, pairingId);
    if (!pairing) throw new AppError('NOT_FOUND', '联建不存在或你不在其中');
    if (pairing.status !== 'active') throw new AppError('PAIRING_CLOSED');
    const next: PairingDoc = { ...pairing, status: 'ended', endReason: reason, endedAt: ctx.now, updatedAt: ctx.now };
    await writePairing(tx, next);
    return next;
  });
  return pairingDetail(ctx.db, ended, rights);
};

const get: Handler<'pairing.get'> = async ({ pairingId }, ctx) => {
  const who = await caller(ctx);
  const { pairing, rights } = await visiblePairing(ctx.db, who, pairingId);
  return pairingDetail(ctx.db, pairing, rights);
};

const list: Handler<'pairing.list'> = async ({ scope, status, offset, limit }, ctx) => {
  const who = await caller(ctx);
  const _ = ctx.db.command;
  const statusFilter = status === undefined ? {} : { status };
  let where;
  if (scope === 'committee') {
    if (who.adminOf.length === 0) throw new AppError('FORBIDDEN', '只有党委组织部门可以查看本党委的联建');
    where = { committeeId: _.in([...who.adminOf]), firstOfCommittee: true, ...statusFilter };
  } else {
    if (!ctx.member) throw new AppError('NOT_MEMBER');
    where = { orgId: ctx.member.branchId, ...statusFilter };
  }
  const query = ctx.db.collection('pairingMemberships').where(where).orderBy('createdAt', 'desc');
  const { docs, nextOffset } = await readPage<PairingMembershipDoc>(query, offset, limit);
  const ids = [...new Set(docs.map((d) => d.pairingId))];
  const pairings = await readInOrder<PairingDoc>(ctx.db, 'pairings', ids);
  return { items: await pairingSummaries(ctx.db, pairings), nextOffset };
};

/**
 * An attachment is either one this agreement already has (kept on edit) or a file the caller
 * uploaded for an agreement (their own folder) that exists. Every other fileID gets the same
 * answer, whether or not a file is there.
 */
async function attachmentIssues(
  fileIDs: readonly string[],
  openid: string,
  kept: readonly string[],
): Promise<FieldIssue[]> {
  const fresh = fileIDs.filter((id) => !kept.includes(id));
  const own = fresh.filter((id) => isOwnUpload(id, openid, 'agreement'));
  const links = own.length > 0 ? await temporaryLinks(own) : new Map<string, string>();
  return fileIDs.flatMap((id, i) =>
    kept.includes(id) || links.has(id) ? [] : [{ path: `attachments.${i}.fileID`, message: '附件无效，请重新上传' }],
  );
}

const setAgreement: Handler<'agreement.set'> = async (input, ctx) => {
  const who = await caller(ctx);
  const { pairing, rights } = await visiblePairing(ctx.db, who, input.pairingId);
  if (rights.leads.length === 0) throw new AppError('FORBIDDEN', '只有联建各方的书记或上级党委可以填写协议');
  if (pairing.status === 'ended' || pairing.status === 'refused') throw new AppError('PAIRING_CLOSED');
  const sideIds = pairing.sides.map((s) => s.orgId);
  const badContact = input.contacts.findIndex((c) => !sideIds.includes(c.orgId));
  if (badContact >= 0) throw invalid(`contacts.${badContact}.orgId`, '联系人应来自联建各方');
  const current = await getDoc<AgreementDoc>(ctx.db, 'agreements', pairing._id);
  const fileIssues = await attachmentIssues(
    input.attachments.map((a) => a.fileID),
    ctx.openid,
    current?.attachments.map((a) => a.fileID) ?? [],
  );
  if (fileIssues.length > 0) throw new AppError('FILE_INVALID', undefined, { details: fileIssues });

  const agreement: AgreementDoc = {
    _id: pairing._id,
    goals: input.goals,
    contacts: input.contacts,
    signedOn: input.signedOn,
    attachments: input.attachments,
    updatedBy: ctx.openid,
    updatedAt: ctx.now,
  };
  const updated = await inTransaction(ctx.db, async (tx) => {
    const current = await lockPairing(tx, pairing._id);
    if (!current || current.status === 'ended' || current.status === 'refused') throw new AppError('PAIRING_CLOSED');
    const next = { ...current, termStart: input.termStart, termEnd: input.termEnd, updatedAt: ctx.now };
    await writePairing(tx, next);
    const { _id, ...rest } = agreement;
    await tx.collection('agreements').doc(_id).set(rest);
    return next;
  });
  return pairingDetail(ctx.db, updated, rights);
};

export const pairingHandlers = {
  'pairing.propose': propose,
  'pairing.respond': respond,
  'pairing.end': end,
  'pairing.get': get,
  'pairing.list': list,
  'agreement.set': setAgreement,
} satisfies { [A in Extract<ActionName, `pairing.${string}` | `agreement.${string}`>]: Handler<A> };
