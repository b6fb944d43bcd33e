/**
 * Theme days through the gateway and the scheduler's timer: the rule, its twelve-month calendar
 * across National Day, the Spring Festival and worked weekends, idempotent rolling generation,
 * moving and cancelling one occurrence, and who may do what.
 */
import type { ThemeDayCalendar } from '../../src/contract';
import type { EventAudienceDoc, EventDoc, ThemeDayRuleDoc } from '../../src/db/documents';
import { call, errorCode, makeBranch, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;
let other: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(async () => {
  await cloud.reset();
  branch = await makeBranch(cloud, 'b-td', 2);
  other = await makeBranch(cloud, 'b-other', 1);
});

/** The branch's theme-day events, through its list entries as event.list reads them. */
async function themeDayEvents(): Promise<EventDoc[]> {
  const db = cloud.db();
  const _ = db.command;
  const { data: entries } = await db
    .collection('eventAudiences')
    .where({ branchId: 'b-td', status: _.in(['draft', 'published', 'cancelled']) })
    .limit(100)
    .get();
  const ids = (entries as EventAudienceDoc[]).map((e) => e.eventId);
  const { data } = await db
    .collection('events')
    .where({ _id: _.in(ids) })
    .limit(100)
    .get();
  return (data as EventDoc[])
    .filter((e) => e.kind === 'themeDay')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

async function setRule(day: number): Promise<void> {
  await call(
    cloud,
    'themeDay.rule.set',
    { monthly: { kind: 'dayOfMonth', day }, startTime: '14:30', holidayPolicy: 'nextWorkday', placeName: '党员活动室' },
    branch.secretary,
  );
}

const shanghai = (event: EventDoc | undefined) =>
  event && new Date(event.startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the scheduler', () => {
  it('rolls twelve months of drafts forward from its trigger time, across holidays, idempotently', async () => {
    // The rule as the secretary stored it; the scheduler then runs as on the night of 2025-09-01 (China time).
    const rule: Omit<ThemeDayRuleDoc, '_id'> = {
      owner: { kind: 'branch', id: 'b-td' },
      active: true,
      monthly: { kind: 'dayOfMonth', day: 1 },
      startTime: '14:30',
      holidayPolicy: 'nextWorkday',
      durationMinutes: 120,
      placeName: '党员活动室',
      overrides: [],
      updatedBy: branch.secretary,
      updatedAt: new Date(),
    };
    await cloud.db().collection('themeDayRules').doc('branch_b-td').set(rule);
    const night = new Date('2025-08-31T18:00:00Z');
    type Run = {
      themeDays: { rules: number; skipped: number; created: number; updated: number; failed: string[] };
    };
    const first = await cloud.fireTimer<Run>('scheduler', 'daily', night);
    // Three rules: this branch's, the demo finance branch's and the demo pairing's.
    expect(first.themeDays).toMatchObject({ rules: 3, skipped: 0, created: 36, failed: [] });
    const events = await themeDayEvents();
    const byKey = new Map(events.map((e) => [e.themeDayKey, e]));
    expect(shanghai(byKey.get('2025-09'))).toBe('2025-09-01 14:30');
    // 1 Oct – 8 Oct 2025 is the National Day and Mid-Autumn holiday: next working day is the 9th.
    expect(shanghai(byKey.get('2025-10'))).toBe('2025-10-09 14:30');
    // 1 Jan 2026 is New Year's Day; Sunday 4 Jan is a worked day (调休).
    expect(shanghai(byKey.get('2026-01'))).toBe('2026-01-04 14:30');
    expect(byKey.get('2025-10')).toMatchObject({
      _id: 'td_branch_b-td_2025-10',
      status: 'draft',
      title: '10月主题党日',
      theme: '',
      audience: ['b-td'],
    });
    expect(events.every((e) => e.endsAt.getTime() - e.startsAt.getTime() === 120 * 60_000)).toBe(true);

    const again = await cloud.fireTimer<Run>('scheduler', 'daily', night);
    expect(again.themeDays).toMatchObject({ created: 0, updated: 0 });
    expect(await themeDayEvents()).toHaveLength(12);
  }, 30_000);

  it('refuses every caller but its timer: a client cannot run it at an instant of its choosing', async () => {
    const before = await themeDayEvents();
    const farAhead = { Type: 'Timer', TriggerName: 'daily', Time: '2046-01-01T00:00:00Z' };
    for (const openid of [branch.secretary, undefined]) {
      const answer = await cloud.callFunction('scheduler', farAhead, openid ? { openid } : {});
      expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '此云函数只由定时触发器运行' } });
    }
    expect(await themeDayEvents()).toEqual(before);
  }, 30_000);

  it('moves the 15th of February 2026 past the Spring Festival', async () => {
    await setRule(15);
    await cloud.fireTimer('scheduler', 'daily', new Date('2026-01-19T18:00:00Z'));
    const february = (await themeDayEvents()).find((e) => e.themeDayKey === '2026-02');
    // 15–23 Feb 2026 is the Spring Festival holiday.
    expect(shanghai(february)).toBe('2026-02-24 14:30');
  }, 30_000);
});

describe('the calendar', () => {
  it('shows the next twelve months with their events, and lets the secretary move or cancel one', async () => {
    await setRule(20);
    const calendar: ThemeDayCalendar = await call(cloud, 'themeDay.calendar', {}, branch.members[0]!);
    expect(calendar.occurrences).toHaveLength(12);
    expect(calendar).toMatchObject({
      ownerName: 'b-td 党支部',
      canManage: false,
      rule: { monthly: { kind: 'dayOfMonth', day: 20 } },
    });
    expect(
      calendar.occurrences.every((o) => o.eventId === `td_branch_b-td_${o.key}` && o.eventStatus === 'draft'),
    ).toBe(true);

    const [next, after] = calendar.occurrences.slice(1) as [
      ThemeDayCalendar['occurrences'][0],
      ThemeDayCalendar['occurrences'][0],
    ];
    const date = `${next.key}-25`;
    const moved = await call(
      cloud,
      'themeDay.occurrence.move',
      { key: next.key, date, startTime: '09:00', reason: '与县委中心组学习冲突' },
      branch.secretary,
    );
    expect(moved).toMatchObject({ status: 'moved', date, startTime: '09:00', overrideReason: '与县委中心组学习冲突' });
    const movedEvent = (await themeDayEvents()).find((e) => e.themeDayKey === next.key);
    expect(shanghai(movedEvent)).toBe(`${date} 09:00`);

    const cancelled = await call(
      cloud,
      'themeDay.occurrence.cancel',
      { key: after.key, reason: '并入七一集中活动' },
      branch.secretary,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      eventStatus: 'cancelled',
      overrideReason: '并入七一集中活动',
    });
    expect((await themeDayEvents()).find((e) => e.themeDayKey === after.key)).toMatchObject({
      status: 'cancelled',
      cancelReason: '并入七一集中活动',
    });
    expect(
      errorCode(
        await cloud.api(
          'themeDay.occurrence.move',
          { key: after.key, date, startTime: '09:00', reason: '恢复' },
          branch.secretary,
        ),
      ),
    ).toBe('EVENT_NOT_EDITABLE');

    // Regenerating keeps the move and does not bring the cancelled one back.
    await cloud.fireTimer('scheduler', 'daily');
    const view: ThemeDayCalendar = await call(cloud, 'themeDay.calendar', {}, branch.secretary);
    expect(view.canManage).toBe(true);
    expect(view.occurrences.find((o) => o.key === next.key)).toMatchObject({ status: 'moved', date });
    expect(view.occurrences.find((o) => o.key === after.key)).toMatchObject({
      status: 'cancelled',
      eventStatus: 'cancelled',
    });
  }, 30_000);

  it('is refused to other branches and to anyone but the secretary for changes', async () => {
    await setRule(10);
    expect(
      errorCode(await cloud.api('themeDay.calendar', { owner: { kind: 'branch', id: 'b-td' } }, other.members[0]!)),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await cloud.api('themeDay.rule.get', { owner: { kind: 'branch', id: 'b-td' } }, other.secretary)),
    ).toBe('FORBIDDEN');
    const set = {
      owner: { kind: 'branch' as const, id: 'b-td' },
      monthly: { kind: 'dayOfMonth' as const, day: 3 },
      startTime: '09:00',
      holidayPolicy: 'keep' as const,
    };
    expect(errorCode(await cloud.api('themeDay.rule.set', set, other.secretary))).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('themeDay.rule.set', set, branch.committeeMember))).toBe('FORBIDDEN');
    const key = (await call(cloud, 'themeDay.calendar', {}, branch.secretary)).occurrences[1]!.key;
    expect(errorCode(await cloud.api('themeDay.occurrence.cancel', { key, reason: '' }, branch.secretary))).toBe(
      'INVALID_INPUT',
    );
    expect(
      errorCode(await cloud.api('themeDay.occurrence.cancel', { key: '2020-01', reason: '过去' }, branch.secretary)),
    ).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('themeDay.occurrence.cancel', { key, reason: '不办' }, other.secretary))).toBe(
      'THEME_DAY_RULE_MISSING',
    );
    expect(await call(cloud, 'themeDay.rule.get', {}, other.members[0]!)).toEqual({ rule: null });
  }, 30_000);
});
