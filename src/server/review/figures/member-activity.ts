/**
 * What members did between the sessions: study participation and 第一议题 coverage (issue "Study"),
 * points, activity posts and how far notices were read (issue "posts and notices"). Each row is a
 * branch and a month (a notice: a notice and a branch), with the members it counts in its detail;
 * the database does the counting (aggregations), so a committee's year stays a few hundred rows.
 * Members are counted as the scope's active members today: the roll keeps no monthly history.
 */
import type { EvidenceRow, OwnerRef } from '../../../contract';
import type { NoticeDoc, NoticeFeedDoc, OrganizationDoc, PostDoc, StudyCheckInDoc } from '../../../db/documents';
import { ownerKey } from '../../../domain/event-access';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { shanghaiYearBounds } from '../../../domain/year-figures';
import type { Database } from '../../cloud';
import { settleDue } from '../../attendance-points';
import { readAll, readByIds } from '../../docs';
import { attendeesByEvent, loadPlans, planId } from '../../study-plans';
import { ALL_SCOPES, type FigureModule } from '../figure';
import type { ReviewContext } from '../scope';

const STUDY = '学习';
const ACTIVITY = '风采与通知';

const PAGES = {
  studyProgress: '/packages/study/progress/index',
  points: '/packages/study/points/index',
  post: (id: string) => `/packages/posts/detail/index?id=${id}`,
  receipts: (id: string) => `/packages/notices/receipts/index?id=${id}`,
};

/** Months of the year up to the current one ('YYYY-MM'). */
function monthsSoFar(ctx: ReviewContext): string[] {
  const current = shanghaiDateOf(ctx.now).slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => `${ctx.year}-${String(i + 1).padStart(2, '0')}`).filter(
    (month) => month <= current,
  );
}

const branchIds = (ctx: ReviewContext) => ctx.branches.map((b) => b._id);

/** Active members per branch of the scope, by openid. */
function rolls(ctx: ReviewContext): Promise<Map<string, Set<string>>> {
  return ctx.once('memberRolls', async () => {
    const out = new Map<string, Set<string>>(ctx.branches.map((b) => [b._id, new Set<string>()]));
    if (ctx.branches.length === 0) return out;
    const members = await readAll<{ _id: string; branchId: string }>(
      ctx.db,
      'members',
      { branchId: ctx.db.command.in(branchIds(ctx)), status: 'active' },
      'joinedAt',
    );
    for (const m of members) out.get(m.branchId)?.add(m._id);
    return out;
  });
}

interface Group<K> {
  _id: K;
  n: number;
}

/** Distinct members with an active study check-in, per branch and month. */
async function studiedByBranchMonth(ctx: ReviewContext, months: string[]): Promise<Map<string, number>> {
  if (ctx.branches.length === 0 || months.length === 0) return new Map();
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const { data } = await ctx.db
    .collection('studyCheckins')
    .aggregate()
    .match({ branchId: _.in(branchIds(ctx)), month: _.in(months), status: 'active' })
    .group({ _id: { branchId: '$branchId', month: '$month', memberId: '$memberId' } })
    .group({ _id: { branchId: '$_id.branchId', month: '$_id.month' }, n: $.sum(1) })
    .limit(10_000)
    .end();
  return new Map(
    (data as Group<{ branchId: string; month: string }>[]).map((g) => [`${g._id.branchId}|${g._id.month}`, g.n]),
  );
}

const rateDetail = (num: number, den: number, what: string) => `${what} ${num} / 党员 ${den}`;

async function participationRows(ctx: ReviewContext): Promise<EvidenceRow[]> {
  const months = monthsSoFar(ctx);
  const [studied, roll] = await Promise.all([studiedByBranchMonth(ctx, months), rolls(ctx)]);
  return ctx.branches.flatMap((branch) => {
    const den = roll.get(branch._id)?.size ?? 0;
    if (den === 0) return [];
    return months.map((month) => {
      const num = Math.min(den, studied.get(`${branch._id}|${month}`) ?? 0);
      return {
        id: `${branch._id}_${month}`,
        date: `${month}-01`,
        title: `${branch.name} ${Number(month.slice(5))}月学习`,
        link: PAGES.studyProgress,
        detail: rateDetail(num, den, '至少学习一次'),
        num,
        den,
      };
    });
  });
}

/** Whose plan names the 第一议题 a branch is held to: its own, or in a pairing's review the pairing's. */
function planOwnerOf(ctx: ReviewContext, branch: OrganizationDoc): OwnerRef {
  return ctx.scope.kind === 'pairing' ? { kind: 'pairing', id: ctx.scope.id } : { kind: 'branch', id: branch._id };
}

async function studiedItem(
  db: Database,
  branches: readonly string[],
  month: string,
  itemId: string,
): Promise<Set<string>> {
  const _ = db.command;
  const checkIns = await readAll<StudyCheckInDoc>(
    db,
    'studyCheckins',
    { branchId: _.in([...branches]), month, status: 'active', planItemId: itemId },
    'day',
  );
  return new Set(checkIns.map((c) => c.memberId));
}

async function firstTopicRows(ctx: ReviewContext): Promise<EvidenceRow[]> {
  const months = monthsSoFar(ctx);
  const roll = await rolls(ctx);
  const owners = new Map<string, { owner: OwnerRef; branches: OrganizationDoc[] }>();
  for (const branch of ctx.branches) {
    const owner = planOwnerOf(ctx, branch);
    const key = ownerKey(owner);
    owners.set(key, { owner, branches: [...(owners.get(key)?.branches ?? []), branch] });
  }
  const plans = await loadPlans(
    ctx.db,
    [...owners.values()].flatMap(({ owner }) => months.map((month) => planId(owner, month))),
  );
  const rows: EvidenceRow[] = [];
  for (const { owner, branches } of owners.values()) {
    for (const month of months) {
      const plan = plans.get(planId(owner, month));
      const item = plan?.items[0];
      if (!plan || !item?.firstTopic) continue;
      const [byCheckIn, byEvent] = await Promise.all([
        studiedItem(
          ctx.db,
          branches.map((b) => b._id),
          month,
          item.id,
        ),
        attendeesByEvent(ctx.db, { ...plan, items: [item] }),
      ]);
      const studied = new Set([...byCheckIn, ...[...byEvent.values()].flatMap((s) => [...s])]);
      for (const branch of branches) {
        const members = roll.get(branch._id) ?? new Set<string>();
        if (members.size === 0) continue;
        const num = [...members].filter((m) => studied.has(m)).length;
        rows.push({
          id: `${branch._id}_${item.id}`,
          date: `${month}-01`,
          title: `${item.title}（${branch.name}）`,
          link: PAGES.studyProgress,
          detail: rateDetail(num, members.size, '已学第一议题'),
          num,
          den: members.size,
        });
      }
    }
  }
  return rows;
}

async function pointsRows(ctx: ReviewContext): Promise<EvidenceRow[]> {
  if (ctx.branches.length === 0) return [];
  await settleDue(ctx.db, { branchIds: branchIds(ctx) }, ctx.now);
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const { data } = await ctx.db
    .collection('pointEntries')
    .aggregate()
    .match({ branchId: _.in(branchIds(ctx)), year: ctx.year })
    .group({
      _id: { branchId: '$branchId', month: $.substr(['$day', 0, 7]) },
      n: $.sum('$points'),
      members: $.addToSet('$memberId'),
    })
    .limit(10_000)
    .end();
  const names = new Map(ctx.branches.map((b) => [b._id, b.name]));
  return (data as (Group<{ branchId: string; month: string }> & { members: string[] })[]).map((g) => ({
    id: `${g._id.branchId}_${g._id.month}`,
    date: `${g._id.month}-01`,
    title: `${names.get(g._id.branchId) ?? ''} ${Number(g._id.month.slice(5))}月积分`,
    link: PAGES.points,
    detail: `${g.members.length} 名党员获得积分（含撤销冲减）`,
    amount: g.n,
  }));
}

async function postRows(ctx: ReviewContext): Promise<EvidenceRow[]> {
  const _ = ctx.db.command;
  const { start, end } = shanghaiYearBounds(ctx.year);
  // A pairing's posts are those about its events; a branch's or a committee's, those its members wrote.
  const where =
    ctx.scope.kind === 'pairing'
      ? { ownerKey: ownerKey({ kind: 'pairing', id: ctx.scope.id }), status: 'published' }
      : { authorBranchId: _.in(branchIds(ctx)), status: 'published' };
  if (ctx.scope.kind !== 'pairing' && ctx.branches.length === 0) return [];
  const posts = await readAll<PostDoc>(ctx.db, 'posts', { ...where, sortAt: _.gte(start).and(_.lt(end)) }, 'sortAt');
  return posts.map((post) => ({
    id: post._id,
    date: shanghaiDateOf(post.publishedAt ?? post.sortAt),
    title: post.eventTitle,
    link: PAGES.post(post._id),
    detail: `${post.authorName}：${[...post.caption].slice(0, 30).join('')}`,
  }));
}

async function noticeReadRows(ctx: ReviewContext): Promise<EvidenceRow[]> {
  if (ctx.branches.length === 0) return [];
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const { start, end } = shanghaiYearBounds(ctx.year);
  const feeds = await readAll<NoticeFeedDoc>(
    ctx.db,
    'noticeFeed',
    { branchId: _.in(branchIds(ctx)), status: 'published', sortAt: _.gte(start).and(_.lt(end)) },
    'sortAt',
  );
  if (feeds.length === 0) return [];
  const noticeIds = [...new Set(feeds.map((f) => f.noticeId))];
  const [notices, reads, roll] = await Promise.all([
    readByIds<NoticeDoc>(ctx.db, 'notices', noticeIds),
    ctx.db
      .collection('noticeReads')
      .aggregate()
      .match({ noticeId: _.in(noticeIds) })
      .group({ _id: { noticeId: '$noticeId', branchId: '$branchId' }, n: $.sum(1) })
      .limit(10_000)
      .end(),
    rolls(ctx),
  ]);
  const titles = new Map(notices.map((n) => [n._id, n.title]));
  const readCounts = new Map(
    (reads.data as Group<{ noticeId: string; branchId: string }>[]).map((g) => [
      `${g._id.noticeId}|${g._id.branchId}`,
      g.n,
    ]),
  );
  const names = new Map(ctx.branches.map((b) => [b._id, b.name]));
  return feeds.flatMap((feed) => {
    const den = roll.get(feed.branchId)?.size ?? 0;
    if (den === 0) return [];
    const num = Math.min(den, readCounts.get(`${feed.noticeId}|${feed.branchId}`) ?? 0);
    return [
      {
        id: feed._id,
        date: shanghaiDateOf(feed.sortAt),
        title: titles.get(feed.noticeId) ?? '通知',
        link: PAGES.receipts(feed.noticeId),
        detail: `${names.get(feed.branchId) ?? ''}：已读 ${num} / 党员 ${den}`,
        num,
        den,
      },
    ];
  });
}

export const memberActivityFigures: FigureModule[] = [
  {
    key: 'studyParticipation',
    // One row per branch and month so far: the year's rate is the mean of its months.
    title: '学习参与率（月均）',
    group: STUDY,
    unit: 'rate',
    scopes: ALL_SCOPES,
    evidence: participationRows,
  },
  {
    key: 'firstTopicCoverage',
    title: '第一议题学习覆盖率',
    group: STUDY,
    unit: 'rate',
    scopes: ALL_SCOPES,
    evidence: firstTopicRows,
  },
  { key: 'points', title: '党员积分合计', group: STUDY, unit: 'sum', scopes: ALL_SCOPES, evidence: pointsRows },
  { key: 'posts', title: '活动风采', group: ACTIVITY, unit: 'count', scopes: ALL_SCOPES, evidence: postRows },
  {
    key: 'noticeReadRate',
    title: '通知阅读率',
    group: ACTIVITY,
    unit: 'rate',
    scopes: ALL_SCOPES,
    evidence: noticeReadRows,
  },
];
