/**
 * api-contract.test.ts / fuzz.test.ts rows for the study (学习) and points (积分) actions, against
 * the demo seed (src/demo/demo-study.ts).
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import { demoStudyIds } from '../../src/demo/demo-study';
import type { ActionName } from '../../src/contract';
import type { PayloadRow } from './action-payloads';
import type { ApiCloud } from './support';

type StudyAction = Extract<ActionName, `study.${string}` | `points.${string}`>;

export function studyPayloads(cloud: Pick<ApiCloud, 'api' | 'db'>): Record<StudyAction, PayloadRow> {
  const ids = demoStudyIds(DEMO.branches.finance, DEMO_PAIRING.pairingId, new Date());
  const WANG = DEMO.memberOpenid;
  const LI = DEMO.secretaryOpenid;
  const SUN = 'demo-member-4';
  const makeUpId = (day: string) => `${WANG}_${day.replace(/-/g, '')}`;
  return {
    'study.today': { valid: {}, invalid: { day: '2026-01-01' }, invalidPath: '', caller: WANG },
    'study.checkIn': {
      valid: { title: '学习新修订的党章', minutes: 30, reflection: '认真学习，联系实际。' },
      invalid: { title: '学习党章', minutes: 0 },
      invalidPath: 'minutes',
      caller: WANG,
    },
    'study.undo': {
      valid: {},
      invalid: { day: 'x' },
      invalidPath: '',
      caller: WANG,
      prepare: () => cloud.api('study.checkIn', { planItemId: ids.firstTopicItem, minutes: 40 }, WANG),
    },
    'study.calendar': {
      valid: { month: ids.month },
      invalid: { month: '2026-13' },
      invalidPath: 'month',
      caller: WANG,
    },
    'study.history': { valid: {}, invalid: { cursor: 5 }, invalidPath: 'cursor', caller: WANG },
    'study.feed': { valid: {}, invalid: { branchId: 'x' }, invalidPath: '', caller: WANG },
    'study.reflection.pending': { valid: {}, invalid: { all: true }, invalidPath: '', caller: LI },
    'study.reflection.decide': {
      valid: { checkInId: `${SUN}_${dayBefore(ids.today)}`, approve: true },
      invalid: { checkInId: 'bad id!', approve: true },
      invalidPath: 'checkInId',
      caller: LI,
    },
    'study.makeUp.request': {
      valid: { day: ids.freeMissedDay, reason: '外出调研', title: '党章第二章', minutes: 30 },
      invalid: { day: ids.freeMissedDay, reason: '', title: '党章第二章', minutes: 30 },
      invalidPath: 'reason',
      caller: WANG,
    },
    'study.makeUp.list': { valid: {}, invalid: { mine: 'yes' }, invalidPath: 'mine', caller: LI },
    'study.makeUp.decide': {
      valid: { id: makeUpId(ids.pendingMakeUpDay), approve: true, reason: '情况属实' },
      invalid: { id: makeUpId(ids.pendingMakeUpDay), approve: 'yes' },
      invalidPath: 'approve',
      caller: LI,
    },
    'study.makeUp.revoke': {
      valid: { id: makeUpId(ids.approvedMakeUpDay), reason: '核实当天未学习' },
      invalid: { id: makeUpId(ids.approvedMakeUpDay), reason: '' },
      invalidPath: 'reason',
      caller: LI,
    },
    'study.plan.get': { valid: {}, invalid: { month: '2026-1' }, invalidPath: 'month', caller: WANG },
    'study.plan.set': {
      valid: { month: ids.month, items: [{ title: '学习新党章', firstTopic: true }, { title: '廉政微课' }] },
      invalid: { month: ids.month, items: [{ title: '' }] },
      invalidPath: 'items.0.title',
      caller: LI,
    },
    'study.plan.progress': {
      valid: {},
      invalid: { owner: { kind: 'committee', id: 'c' } },
      invalidPath: 'owner.kind',
      caller: LI,
    },
    'points.mine': { valid: {}, invalid: { cursor: 1 }, invalidPath: 'cursor', caller: WANG },
    'points.ranking': { valid: {}, invalid: { year: 1999 }, invalidPath: 'year', caller: WANG },
    'points.optOut.set': {
      valid: { rankingOptOut: true },
      invalid: { rankingOptOut: 'yes' },
      invalidPath: 'rankingOptOut',
      caller: WANG,
    },
    'points.rules.get': { valid: {}, invalid: { committeeId: 'bad id!' }, invalidPath: 'committeeId', caller: WANG },
    'points.rules.set': {
      valid: {
        committeeId: DEMO.committeeId,
        rules: [{ rule: 'study.checkIn', points: 2, cap: { per: 'day', count: 1 } }],
      },
      invalid: { committeeId: DEMO.committeeId, rules: [{ rule: 'study.checkIn', points: 0.3, cap: null }] },
      invalidPath: 'rules.0.points',
      caller: DEMO_PAIRING.officeOpenid,
    },
  };
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}
