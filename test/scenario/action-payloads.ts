/**
 * One valid and one invalid payload for every action (api-contract.test.ts), also the seeds the
 * fuzz test (fuzz.test.ts) mutates: adding an action without a row fails there.
 * `caller`: who sends the valid one (default o-newcomer, a guest) against the demo seed;
 * `prepare`: what the seed lacks for the valid one, done first.
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import type { ActionName } from '../../src/contract';
import { orgPayloads } from './org-payloads';
import { studyPayloads } from './study-payloads';
import { postPayloads } from './post-payloads';
import { reviewPayloads } from './review-payloads';
import type { ApiCloud } from './support';

/** The month after next, 'YYYY-MM': always inside the theme-day calendar's window. */
const laterMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 2, 1))
  .toISOString()
  .slice(0, 7);
const inAWeek = Date.now() + 7 * 24 * 3600_000;
/** The demo visit's place (src/demo/demo-events.ts). */
const demoPlace = { latitude: 30.2741, longitude: 120.1551 };

export type PayloadRow = {
  valid: unknown;
  invalid: unknown;
  invalidPath: string;
  caller?: string;
  prepare?: () => Promise<unknown>;
};

export function actionPayloads(cloudOf: () => ApiCloud): Record<ActionName, PayloadRow> {
  const cloud = { api: (...args: Parameters<ApiCloud['api']>) => cloudOf().api(...args), db: () => cloudOf().db() };
  return {
    'member.me': { valid: {}, invalid: { extra: 1 }, invalidPath: '' },
    'invite.preview': { valid: { code: DEMO.inviteCode }, invalid: { code: 'ab' }, invalidPath: 'code' },
    'member.join': {
      valid: { code: DEMO.inviteCode, name: '刘洋' },
      invalid: { code: DEMO.inviteCode, name: '' },
      invalidPath: 'name',
    },
    'themeDay.rule.get': {
      valid: {},
      invalid: { owner: { kind: 'committee', id: 'c1' } },
      invalidPath: 'owner.kind',
      caller: DEMO.memberOpenid,
    },
    'themeDay.rule.set': {
      valid: { monthly: { kind: 'dayOfMonth', day: 15 }, startTime: '14:30', holidayPolicy: 'nextWorkday' },
      invalid: { monthly: { kind: 'dayOfMonth', day: 15 }, startTime: '25:00', holidayPolicy: 'nextWorkday' },
      invalidPath: 'startTime',
      caller: DEMO.secretaryOpenid,
    },
    'themeDay.calendar': {
      valid: {},
      invalid: { owner: { kind: 'branch', id: 'bad id!' } },
      invalidPath: 'owner.id',
      caller: DEMO.memberOpenid,
    },
    'themeDay.occurrence.move': {
      valid: { key: laterMonth, date: `${laterMonth}-25`, startTime: '09:00', reason: '与中心组学习冲突' },
      invalid: { key: laterMonth, date: `${laterMonth}-25`, startTime: '09:00', reason: '' },
      invalidPath: 'reason',
      caller: DEMO.secretaryOpenid,
    },
    'themeDay.occurrence.cancel': {
      valid: { key: laterMonth, reason: '并入七一活动' },
      invalid: { key: '2026-13', reason: '并入七一活动' },
      invalidPath: 'key',
      caller: DEMO.secretaryOpenid,
    },
    'event.list': {
      valid: { pairingId: DEMO_PAIRING.pairingId },
      invalid: { pairingId: 'bad id!' },
      invalidPath: 'pairingId',
      caller: DEMO.memberOpenid,
    },
    'event.get': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: 'bad id!' },
      invalidPath: 'eventId',
      caller: DEMO.memberOpenid,
    },
    'event.create': {
      valid: {
        title: '参观红色教育基地',
        form: '参观红色教育基地',
        startsAt: new Date(inAWeek).toISOString(),
        endsAt: new Date(inAWeek + 3 * 3600_000).toISOString(),
        place: { name: '县革命纪念馆' },
        signUpDeadline: new Date(inAWeek - 24 * 3600_000).toISOString(),
      },
      invalid: { title: '', startsAt: 'x', endsAt: 'y', place: { name: '' }, signUpDeadline: 'z' },
      invalidPath: 'title',
      caller: DEMO.secretaryOpenid,
    },
    'event.update': {
      valid: { eventId: 'demo-lecture', title: '专题党课（调整）' },
      invalid: { eventId: 'demo-lecture', capacity: 0 },
      invalidPath: 'capacity',
      caller: DEMO.secretaryOpenid,
    },
    'event.publish': {
      valid: { eventId: 'demo-lecture' },
      invalid: {},
      invalidPath: 'eventId',
      caller: DEMO.secretaryOpenid,
    },
    'event.cancel': {
      valid: { eventId: 'demo-lecture', reason: '场地冲突' },
      invalid: { eventId: 'demo-lecture', reason: '' },
      invalidPath: 'reason',
      caller: DEMO.secretaryOpenid,
    },
    'registration.signUp': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: 1 },
      invalidPath: 'eventId',
      caller: DEMO.memberOpenid,
    },
    'registration.cancel': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: '' },
      invalidPath: 'eventId',
      caller: DEMO.memberOpenid,
    },
    'file.prepareUpload': {
      valid: { purpose: 'agreement', ext: '.pdf' },
      invalid: { purpose: 'attendance' },
      invalidPath: 'purpose',
      caller: DEMO.secretaryOpenid,
    },
    'registration.release': {
      valid: { eventId: 'demo-lecture', memberId: 'demo-member-2', reason: '已调离本支部' },
      invalid: { eventId: 'demo-lecture', memberId: 'demo-member-2', reason: '' },
      invalidPath: 'reason',
      caller: DEMO.secretaryOpenid,
    },
    'checkin.code': {
      valid: { eventId: 'demo-visit' },
      invalid: { eventId: 'demo-visit', extra: 1 },
      invalidPath: '',
      caller: DEMO.secretaryOpenid,
    },
    'checkin.scan': {
      valid: { eventId: 'demo-visit', location: demoPlace },
      invalid: { eventId: 'demo-visit', location: { latitude: 91, longitude: 0 } },
      invalidPath: 'location.latitude',
      caller: DEMO.memberOpenid,
    },
    'checkin.printCode': {
      valid: { eventId: 'demo-visit' },
      invalid: { eventId: 'demo-visit', scene: 'x' },
      invalidPath: '',
      caller: DEMO.secretaryOpenid,
      // The demo visit has a position but does not require it; a printed code needs both.
      prepare: () =>
        cloud.api(
          'event.update',
          { eventId: 'demo-visit', place: { name: '红旗村党群服务中心', location: demoPlace, requireLocation: true } },
          DEMO.secretaryOpenid,
        ),
    },
    'checkin.resolveCode': {
      valid: { code: 'hq7k2m9p' },
      invalid: { code: 'HQ7K' },
      invalidPath: 'code',
      caller: DEMO.memberOpenid,
      prepare: () =>
        cloud
          .db()
          .collection('eventCodes')
          .add({ _id: 'HQ7K2M9P', eventId: 'demo-visit', createdBy: DEMO.secretaryOpenid, createdAt: new Date() }),
    },
    'checkin.manual': {
      valid: { eventId: 'demo-visit', memberId: DEMO.memberOpenid, reason: '现场登记' },
      invalid: { eventId: 'demo-visit', memberId: DEMO.memberOpenid, reason: '' },
      invalidPath: 'reason',
      caller: DEMO.secretaryOpenid,
    },
    'checkin.undo': {
      valid: { eventId: 'demo-visit', memberId: 'demo-member-2', reason: '误签，本人未到' },
      invalid: { eventId: 'demo-visit', memberId: 'bad id!', reason: '误签' },
      invalidPath: 'memberId',
      caller: DEMO.secretaryOpenid,
    },
    'attendance.get': {
      valid: { eventId: 'demo-visit' },
      invalid: { eventId: '' },
      invalidPath: 'eventId',
      caller: DEMO.secretaryOpenid,
    },
    'attendance.export': {
      valid: { eventId: 'demo-visit' },
      invalid: { eventId: 'demo visit' },
      invalidPath: 'eventId',
      caller: DEMO.secretaryOpenid,
    },
    'subscription.mine': { valid: {}, invalid: { extra: 1 }, invalidPath: '', caller: DEMO.memberOpenid },
    'subscription.record': {
      valid: { results: { LOCAL_TMPL_EVENT_START: 'accept' }, keep: { LOCAL_TMPL_EVENT_START: 'accept' } },
      invalid: { results: { LOCAL_TMPL_EVENT_START: 'maybe' } },
      invalidPath: 'results.LOCAL_TMPL_EVENT_START',
      caller: DEMO.memberOpenid,
    },
    'reminder.event': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: 'demo lecture' },
      invalidPath: 'eventId',
      caller: DEMO.secretaryOpenid,
    },
    'reminder.sendNow': {
      valid: { eventId: 'demo-lecture' },
      invalid: {},
      invalidPath: 'eventId',
      caller: DEMO.secretaryOpenid,
    },
    'share.card': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: 7 },
      invalidPath: 'eventId',
      caller: DEMO.memberOpenid,
    },
    'group.enter': {
      valid: { eventId: 'demo-lecture' },
      invalid: { eventId: '' },
      invalidPath: 'eventId',
      caller: DEMO.memberOpenid,
    },
    'group.name': {
      valid: { eventId: 'demo-lecture', groupId: 'Gdemo-group', name: '财政局党员群' },
      invalid: { eventId: 'demo-lecture', groupId: 'Gdemo-group', name: '' },
      invalidPath: 'name',
      caller: DEMO.secretaryOpenid,
    },
    ...orgPayloads,
    ...studyPayloads(cloud),
    ...postPayloads,
    ...reviewPayloads(cloudOf),
  };
}
