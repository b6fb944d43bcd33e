/** points.*: a member's points and history, rankings within a branch or pairing, opt-out, rules. */
import { AppError, type ActionName, type PointRulesView } from '../../../contract';
import type { MemberDoc, OrganizationDoc, PointEntryDoc, PointRulesDoc, StudyPrefsDoc } from '../../../db/documents';
import { POINT_RULE_IDS, POINT_RULE_LABELS, type PointRule, type PointRuleId } from '../../../domain/points-rules';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { loadAdminOf } from '../../../server/access';
import type { Database } from '../../../server/cloud';
import { settleDue } from '../../../server/attendance-points';
import { getDoc, readAll, readByIds } from '../../../server/docs';
import { ownerName, readableOwner } from '../../../server/owner-access';
import { readPage } from '../../../server/paging';
import { committeeRules, forgetRules, pointsByMember, pointsTotal, ruleLabel } from '../../../server/points';
import { actorOf, ownerOrOwn } from './actor';
import type { Handler } from './types';

const HISTORY_PAGE = 30;

async function optedOut(db: Database, openid: string): Promise<boolean> {
  return (await getDoc<StudyPrefsDoc>(db, 'studyPrefs', openid))?.rankingOptOut === true;
}

const mine: Handler<'points.mine'> = async ({ cursor }, ctx) => {
  if (cursor !== undefined && !/^\d{1,5}$/.test(cursor))
    throw new AppError('INVALID_INPUT', '翻页参数有误', { details: [{ path: 'cursor', message: '翻页参数有误' }] });
  const year = Number(shanghaiDateOf(ctx.now).slice(0, 4));
  await settleDue(ctx.db, { memberId: ctx.openid }, ctx.now);
  const [total, yearTotal, page, out] = await Promise.all([
    pointsTotal(ctx.db, { memberId: ctx.openid }),
    pointsTotal(ctx.db, { memberId: ctx.openid, year }),
    readPage<PointEntryDoc>(
      ctx.db.collection('pointEntries').where({ memberId: ctx.openid }).orderBy('at', 'desc'),
      Number(cursor ?? 0),
      HISTORY_PAGE,
    ),
    optedOut(ctx.db, ctx.openid),
  ]);
  return {
    total,
    yearTotal,
    year,
    history: page.docs.map((entry) => ({
      id: entry._id,
      rule: entry.rule,
      label: ruleLabel(entry.rule),
      points: entry.points,
      reason: entry.reason,
      at: entry.at.toISOString(),
      reverses: entry.reverses,
    })),
    nextCursor: page.nextOffset === null ? null : String(page.nextOffset),
    rankingOptOut: out,
  };
};

const ranking: Handler<'points.ranking'> = async ({ scope, year }, ctx) => {
  const actor = actorOf(ctx);
  const ref = ownerOrOwn(scope, actor);
  const access = await readableOwner(ctx.db, ref, actor);
  const shownYear = year ?? Number(shanghaiDateOf(ctx.now).slice(0, 4));
  const branches = [...access.branches];
  await settleDue(ctx.db, { branchIds: branches }, ctx.now);
  const _ = ctx.db.command;
  const [members, totals, name] = await Promise.all([
    readAll<MemberDoc>(ctx.db, 'members', { branchId: _.in(branches), status: 'active' }, 'joinedAt'),
    pointsByMember(ctx.db, { branchId: _.in(branches), year: shownYear }),
    ownerName(ctx.db, ref),
  ]);
  const prefs = await readByIds<StudyPrefsDoc>(
    ctx.db,
    'studyPrefs',
    members.map((m) => m._id),
  );
  const out = new Set(prefs.filter((p) => p.rankingOptOut).map((p) => p._id));
  const listed = members
    .filter((m) => !out.has(m._id))
    .map((m) => ({ memberId: m._id, name: m.name, points: totals.get(m._id) ?? 0 }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  let previous: number | null = null;
  const rows = listed.map((row, i) => {
    if (row.points !== previous) rank = i + 1;
    previous = row.points;
    return { rank, ...row };
  });
  return { scope: ref, scopeName: name, year: shownYear, rows, optedOut: out.has(ctx.openid) };
};

const setOptOut: Handler<'points.optOut.set'> = async ({ rankingOptOut }, ctx) => {
  const doc: Omit<StudyPrefsDoc, '_id'> = { rankingOptOut, updatedAt: ctx.now };
  await ctx.db.collection('studyPrefs').doc(ctx.openid).set(doc);
  return { rankingOptOut };
};

async function rulesView(db: Database, committeeId: string, editable: boolean): Promise<PointRulesView> {
  const { rules, makeUpWindowDays } = await committeeRules(db, committeeId);
  return {
    committeeId,
    rules: POINT_RULE_IDS.map((rule) => ({ rule, label: POINT_RULE_LABELS[rule], ...rules[rule] })),
    makeUpWindowDays,
    editable,
  };
}

const getRules: Handler<'points.rules.get'> = async ({ committeeId }, ctx) => {
  const [branch, adminOf] = await Promise.all([
    ctx.member ? getDoc<OrganizationDoc>(ctx.db, 'organizations', ctx.member.branchId) : null,
    loadAdminOf(ctx.db, ctx.openid),
  ]);
  const id = committeeId ?? branch?.parentId ?? '';
  if (id !== branch?.parentId && !adminOf.includes(id)) throw new AppError('NOT_FOUND', '党委不存在或你不在其中');
  return rulesView(ctx.db, id, adminOf.includes(id));
};

const isRuleId = (rule: string): rule is PointRuleId => (POINT_RULE_IDS as readonly string[]).includes(rule);

const setRules: Handler<'points.rules.set'> = async ({ committeeId, rules, makeUpWindowDays }, ctx) => {
  const adminOf = await loadAdminOf(ctx.db, ctx.openid);
  if (!adminOf.includes(committeeId)) throw new AppError('FORBIDDEN', '只有党委组织部门可以修改积分规则');
  const existing = await getDoc<PointRulesDoc>(ctx.db, 'pointRules', committeeId);
  const changed: Partial<Record<string, PointRule>> = { ...existing?.rules };
  rules.forEach((row, i) => {
    if (!isRuleId(row.rule))
      throw new AppError('INVALID_INPUT', '不支持的积分规则', {
        details: [{ path: `rules.${i}.rule`, message: '不支持的积分规则' }],
      });
    changed[row.rule] = { points: row.points, cap: row.cap };
  });
  const doc: Omit<PointRulesDoc, '_id'> = {
    rules: changed,
    updatedBy: ctx.openid,
    updatedAt: ctx.now,
    ...((makeUpWindowDays ?? existing?.makeUpWindowDays)
      ? { makeUpWindowDays: makeUpWindowDays ?? existing?.makeUpWindowDays }
      : {}),
  };
  await ctx.db.collection('pointRules').doc(committeeId).set(doc);
  forgetRules();
  return rulesView(ctx.db, committeeId, true);
};

export const pointsHandlers = {
  'points.mine': mine,
  'points.ranking': ranking,
  'points.optOut.set': setOptOut,
  'points.rules.get': getRules,
  'points.rules.set': setRules,
} satisfies { [A in Extract<ActionName, `points.${string}`>]: Handler<A> };
