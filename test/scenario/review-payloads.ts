/**
 * api-contract.test.ts rows for the year-end review's actions (issue 14): one valid payload
 * (accepted from `caller` against the demo seed, src/demo/demo-review.ts) and one invalid payload
 * with the field it must name.
 */
import type { ActionName } from '../../src/contract';
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import { DEMO_REVIEW } from '../../src/demo/demo-review';
import { addMonths, shanghaiDateOf } from '../../src/domain/shanghai-time';
import type { ApiCloud } from './support';

type Row = { valid: unknown; invalid: unknown; invalidPath: string; caller?: string; prepare?: () => Promise<unknown> };
type ReviewAction = Extract<
  ActionName,
  `${'orgLife' | 'leave' | 'cadence' | 'contactPoint' | 'review'}.${string}` | 'home.overview' | 'me.records'
>;

const LI = DEMO.secretaryOpenid;
const WANG = DEMO.memberOpenid;
const OFFICE = DEMO_PAIRING.officeOpenid;
const today = shanghaiDateOf(new Date());
const year = Number(today.slice(0, 4));
/** Last month's demo theme day (minuted). */
const themeDay = `demo-rv-td-${addMonths(today.slice(0, 7), -1)}`;
const committee = { kind: 'committee', id: DEMO.committeeId };
const finance = { kind: 'branch', id: DEMO.branches.finance };

export function reviewPayloads(cloudOf: () => ApiCloud): Record<ReviewAction, Row> {
  return {
    'orgLife.get': {
      valid: { eventId: themeDay },
      invalid: { eventId: 'bad id!' },
      invalidPath: 'eventId',
      caller: LI,
    },
    'orgLife.save': {
      valid: { eventId: themeDay, kind: '主题党日', topic: '学习党章', host: '李明', outcomes: { peopleVisited: 2 } },
      invalid: { eventId: themeDay, kind: '茶话会', topic: '学习党章', host: '李明' },
      invalidPath: 'kind',
      caller: LI,
    },
    'leave.request': {
      valid: { eventId: 'demo-lecture', reason: '外出培训' },
      invalid: { eventId: 'demo-lecture', reason: '' },
      invalidPath: 'reason',
      caller: WANG,
    },
    'leave.withdraw': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: 'bad id!' },
      invalidPath: 'eventId',
      caller: WANG,
      prepare: () => cloudOf().api('leave.request', { eventId: 'demo-lecture', reason: '外出培训' }, WANG),
    },
    'cadence.rules': { valid: {}, invalid: { committeeId: 'bad id!' }, invalidPath: 'committeeId', caller: WANG },
    'cadence.setRules': {
      valid: {
        committeeId: DEMO.committeeId,
        items: [{ kind: '支委会', period: 'month', times: 1 }],
        contactDuty: { notesPerMonth: 1, visitsPerYear: 2 },
      },
      invalid: {
        committeeId: DEMO.committeeId,
        items: [{ kind: '支委会', period: 'month', times: 0 }],
        contactDuty: { notesPerMonth: 1, visitsPerYear: 2 },
      },
      invalidPath: 'items.0.times',
      caller: OFFICE,
    },
    'cadence.branch': { valid: {}, invalid: { month: '2026-13' }, invalidPath: 'month', caller: WANG },
    'cadence.committee': {
      valid: { committeeId: DEMO.committeeId },
      invalid: { committeeId: DEMO.committeeId, month: 'x' },
      invalidPath: 'month',
      caller: OFFICE,
    },
    'contactPoint.appoint': {
      valid: {
        committeeId: DEMO.committeeId,
        leaderOpenid: 'demo-member-2',
        branchId: DEMO.branches.agriculture,
        termStart: `${year}-01-01`,
        termEnd: `${year + 1}-12-31`,
      },
      invalid: {
        committeeId: DEMO.committeeId,
        leaderOpenid: 'demo-member-2',
        branchId: DEMO.branches.agriculture,
        termStart: `${year}-06-01`,
        termEnd: `${year}-01-01`,
      },
      invalidPath: 'termEnd',
      caller: OFFICE,
    },
    'contactPoint.log': {
      valid: { contactPointId: DEMO_REVIEW.keptPointId, kind: 'note', date: today, summary: '电话了解支部学习安排' },
      invalid: { contactPointId: DEMO_REVIEW.keptPointId, kind: 'note', date: today, summary: '' },
      invalidPath: 'summary',
      caller: LI,
    },
    'contactPoint.board': {
      valid: { committeeId: DEMO.committeeId, year },
      invalid: { committeeId: DEMO.committeeId, year: 1999 },
      invalidPath: 'year',
      caller: OFFICE,
    },
    'contactPoint.mine': { valid: { year }, invalid: { year: 'x' }, invalidPath: 'year', caller: LI },
    'review.scopes': { valid: {}, invalid: { extra: 1 }, invalidPath: '', caller: LI },
    'review.figures': {
      valid: { scope: committee, year },
      invalid: { scope: { kind: 'county', id: DEMO.committeeId }, year },
      invalidPath: 'scope.kind',
      caller: OFFICE,
    },
    'review.evidence': {
      valid: { scope: finance, year, figure: 'sessions', month: 1 },
      invalid: { scope: finance, year, figure: '1x' },
      invalidPath: 'figure',
      caller: LI,
    },
    'review.export': {
      valid: { scope: finance, year },
      invalid: { scope: finance, year: 'x' },
      invalidPath: 'year',
      caller: LI,
    },
    'home.overview': { valid: {}, invalid: { extra: 1 }, invalidPath: '', caller: WANG },
    'me.records': { valid: { year }, invalid: { year: 3000 }, invalidPath: 'year', caller: WANG },
  };
}
