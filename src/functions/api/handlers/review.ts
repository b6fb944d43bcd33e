/**
 * The year-end review's actions (contract/review-actions.ts): minutes, 请假, cadence, contact
 * points, the figures with their evidence and export, 首页 and 我的记录.
 */
import { AppError, type ActionName, type CadenceRulesView } from '../../../contract';
import type { CadenceRulesDoc } from '../../../db/documents';
import { isOfficeOf } from '../../../domain/org-access';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { loadCaller, loadOrg } from '../../../server/access';
import { storeFile, temporaryLinks } from '../../../server/files';
import { branchesCadence, cadenceRules, committeeCadence } from '../../../server/review/cadence';
import {
  appointContactPoint,
  contactBoard,
  logContact,
  myPoints,
  officeCommittee,
  pointViews,
} from '../../../server/review/contact-points';
import { homeOverview, myYearRecords } from '../../../server/review/member-year';
import { getMinutes, requestLeave, saveMinutes, withdrawLeave } from '../../../server/review/org-life';
import { computeFigures, evidenceOf, figureByKey, valueOf } from '../../../server/review/registry';
import { reviewFileName, reviewWorkbook } from '../../../server/review/review-xlsx';
import { reviewContext, reviewScopes } from '../../../server/review/scope';
import { figureValue, rowsInMonth } from '../../../domain/review';
import { actorOf, nameOf } from './actor';
import type { Handler, HandlerContext } from './types';

const caller = (ctx: HandlerContext) => loadCaller(ctx.db, ctx.openid, ctx.member);
const thisMonth = (ctx: HandlerContext) => shanghaiDateOf(ctx.now).slice(0, 7);

async function reviewCtx(
  ctx: HandlerContext,
  scope: { kind: 'branch' | 'pairing' | 'committee'; id: string },
  year: number,
) {
  return reviewContext(ctx.db, await caller(ctx), scope, year, ctx.now);
}

const getRules: Handler<'cadence.rules'> = async ({ committeeId }, ctx) => {
  const who = await caller(ctx);
  if (committeeId) {
    const committee = await loadOrg(ctx.db, committeeId);
    const ownBranch = who.member ? await loadOrg(ctx.db, who.member.branchId) : null;
    if (
      !committee ||
      committee.kind !== 'committee' ||
      !(who.adminOf.includes(committeeId) || ownBranch?.parentId === committeeId)
    )
      throw new AppError('NOT_FOUND', '党委不存在或你无权查看');
    return cadenceRules(ctx.db, committeeId);
  }
  const branch = await loadOrg(ctx.db, actorOf(ctx).branchId);
  return cadenceRules(ctx.db, branch?.parentId ?? null);
};

const setRules: Handler<'cadence.setRules'> = async (input, ctx) => {
  await officeCommittee(ctx.db, await caller(ctx), input.committeeId);
  const doc: Omit<CadenceRulesDoc, '_id'> = {
    items: input.items,
    contactDuty: input.contactDuty,
    updatedBy: ctx.openid,
    updatedAt: ctx.now,
  };
  await ctx.db.collection('cadenceRules').doc(input.committeeId).set(doc);
  const view: CadenceRulesView = {
    committeeId: input.committeeId,
    items: input.items,
    contactDuty: input.contactDuty,
    configured: true,
  };
  return view;
};

const branchCadence: Handler<'cadence.branch'> = async ({ branchId, month }, ctx) => {
  const who = await caller(ctx);
  const id = branchId ?? actorOf(ctx).branchId;
  const branch = await loadOrg(ctx.db, id);
  // Every member of a branch sees its rhythm; the office sees its branches'.
  if (!branch || branch.kind !== 'branch' || !(who.member?.branchId === id || isOfficeOf(who, branch)))
    throw new AppError('NOT_FOUND', '支部不存在或你无权查看');
  const rules = await cadenceRules(ctx.db, branch.parentId);
  const [view] = await branchesCadence(ctx.db, [branch], rules, month ?? thisMonth(ctx));
  return view!;
};

const committeeCadenceView: Handler<'cadence.committee'> = async ({ committeeId, month }, ctx) => {
  const committee = await officeCommittee(ctx.db, await caller(ctx), committeeId);
  return committeeCadence(ctx.db, committee, month ?? thisMonth(ctx));
};

const appoint: Handler<'contactPoint.appoint'> = async (input, ctx) => {
  const doc = await appointContactPoint(ctx.db, await caller(ctx), input, ctx.now);
  const rules = await cadenceRules(ctx.db, doc.committeeId);
  const [view] = await pointViews(ctx.db, [doc], Number(doc.termStart.slice(0, 4)), rules.contactDuty, ctx.now);
  return view!;
};

const log: Handler<'contactPoint.log'> = async (input, ctx) => {
  const point = await logContact(ctx.db, await caller(ctx), input, ctx.now);
  const rules = await cadenceRules(ctx.db, point.committeeId);
  const [view] = await pointViews(ctx.db, [point], Number(input.date.slice(0, 4)), rules.contactDuty, ctx.now);
  return view!;
};

const board: Handler<'contactPoint.board'> = async ({ committeeId, year }, ctx) => {
  const committee = await officeCommittee(ctx.db, await caller(ctx), committeeId);
  return contactBoard(ctx.db, committee, year, ctx.now);
};

const figures: Handler<'review.figures'> = async ({ scope, year }, ctx) => {
  const rc = await reviewCtx(ctx, scope, year);
  const all = await computeFigures(rc);
  return {
    scope: { ...scope, name: rc.name },
    year,
    figures: all.map((f) => f.value),
    generatedAt: ctx.now.toISOString(),
  };
};

const evidence: Handler<'review.evidence'> = async ({ scope, year, figure: key, month, kind }, ctx) => {
  const rc = await reviewCtx(ctx, scope, year);
  const figure = figureByKey(key, scope.kind);
  if (!figure) throw new AppError('NOT_FOUND', '没有这一统计项');
  let rows = await evidenceOf(figure, rc);
  if (month !== undefined) rows = rowsInMonth(rows, year, month);
  if (kind !== undefined) rows = rows.filter((r) => r.kind === kind);
  return {
    scope: { ...scope, name: rc.name },
    year,
    figure: { key: figure.key, title: figure.title, unit: figure.unit },
    month: month ?? null,
    kind: kind ?? null,
    rows,
    value: figureValue(figure.unit, rows),
  };
};

const exportReview: Handler<'review.export'> = async ({ scope, year }, ctx) => {
  const rc = await reviewCtx(ctx, scope, year);
  const all = await computeFigures(rc);
  const input = {
    scope: { ...scope, name: rc.name },
    year,
    generatedAt: ctx.now.toISOString(),
    figures: all.map((f) => ({ value: valueOf(f.figure, f.rows, year), rows: f.rows })),
  };
  const fileId = await storeFile(
    `exports/review/${scope.kind}-${scope.id}/${year}-${ctx.now.getTime()}.xlsx`,
    await reviewWorkbook(input),
  );
  const url = (await temporaryLinks([fileId])).get(fileId);
  if (!url) throw new Error(`no temporary link for ${fileId}`);
  return { fileId, url, fileName: reviewFileName(input) };
};

export const reviewHandlers = {
  'orgLife.get': ({ eventId }, ctx) => getMinutes(ctx.db, eventId, actorOf(ctx), ctx.now),
  'orgLife.save': (input, ctx) => saveMinutes(ctx.db, input, actorOf(ctx), nameOf(ctx), ctx.now),
  'leave.request': ({ eventId, reason }, ctx) =>
    requestLeave(ctx.db, eventId, reason, actorOf(ctx), nameOf(ctx), ctx.now),
  'leave.withdraw': ({ eventId }, ctx) => withdrawLeave(ctx.db, eventId, actorOf(ctx), ctx.now),
  'cadence.rules': getRules,
  'cadence.setRules': setRules,
  'cadence.branch': branchCadence,
  'cadence.committee': committeeCadenceView,
  'contactPoint.appoint': appoint,
  'contactPoint.log': log,
  'contactPoint.board': board,
  'contactPoint.mine': async ({ year }, ctx) => myPoints(ctx.db, await caller(ctx), year, ctx.now),
  'review.scopes': async (_input, ctx) => reviewScopes(ctx.db, await caller(ctx)),
  'review.figures': figures,
  'review.evidence': evidence,
  'review.export': exportReview,
  'home.overview': (_input, ctx) => homeOverview(ctx.db, actorOf(ctx), ctx.now),
  'me.records': ({ year }, ctx) => myYearRecords(ctx.db, actorOf(ctx), year, ctx.now),
} satisfies {
  [A in Extract<
    ActionName,
    `${'orgLife' | 'leave' | 'cadence' | 'contactPoint' | 'review' | 'home' | 'me'}.${string}`
  >]: Handler<A>;
};
