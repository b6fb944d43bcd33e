/**
 * The year-end review through the gateway (issue 14). A committee with two branches, A and B, and
 * a village V of another committee; A is paired with V (P1) and with B (P2). A year of sessions is
 * built with the real actions — create, publish, sign up, 请假, check in, minutes — each event then
 * moved back into last year's month it stands for (the one direct write: events cannot be created
 * in the past). Then: every figure equals its evidence, per month and kind, in Asia/Shanghai under
 * TZ=UTC; 请假 changes the attendance rate exactly; the contact-point leader who missed a month is
 * reported; V and its records never appear in the committee's view; the export matches.
 */
import ExcelJS from 'exceljs';
import type {
  ActionInput,
  ContactPointBoard,
  EvidenceRow,
  FigureValue,
  OrgLifeKind,
  ReviewEvidence,
  ReviewFigures,
  ReviewScope,
} from '../../src/contract';
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import { DEMO_REVIEW } from '../../src/demo/demo-review';
import { figureValue } from '../../src/domain/review';
import { addMonths, shanghaiDateOf } from '../../src/domain/shanghai-time';
import { call, errorCode, HOUR, iso, makeBranch, MINUTE, type TestBranch } from './event-support';
import { captureIndexWarnings } from './org-support';
import { startApiCloud, type ApiCloud } from './support';

const Y = Number(shanghaiDateOf(new Date()).slice(0, 4)) - 1;
const COMMITTEE = 'rv-cmt';
const OTHER = 'rv-other';
const OFFICE = 'rv-office';

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
let A: TestBranch;
let B: TestBranch;
let V: TestBranch;
let P1: string;
let P2: string;

interface Held {
  id: string;
  ownerKind: 'branch' | 'pairing';
  ownerId: string;
  kind: OrgLifeKind | null;
  date: string;
  registered: string[];
  present: string[];
  onLeave: string[];
  outcomes?: Record<string, number>;
}
const held: Held[] = [];

/** Shanghai wall time 'YYYY-MM-DD HH:mm' as an instant. */
const shanghai = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

async function moveBack(eventId: string, startsAt: Date): Promise<void> {
  const endsAt = new Date(startsAt.getTime() + HOUR);
  const db = cloud.db();
  await db.collection('events').doc(eventId).update({ startsAt, endsAt, signUpDeadline: startsAt });
  const { data } = await db.collection('events').doc(eventId).get();
  for (const branchId of (data as { audience: string[] }[])[0]!.audience)
    await db.collection('eventAudiences').doc(`${eventId}_${branchId}`).update({ startsAt, endsAt });
}

/**
 * One session: made by `by` for `owner`, signed up by `registered`, 请假 by `onLeave` before it
 * starts, then moved back to `date time` (Shanghai), checked in by hand for `present`, and
 * minuted with `kind` (none: an event without minutes).
 */
async function session(spec: {
  by: string;
  owner: { kind: 'branch' | 'pairing'; id: string };
  title: string;
  date: string;
  time?: string;
  registered: string[];
  present: string[];
  onLeave?: string[];
  kind: OrgLifeKind | null;
  outcomes?: Record<string, number>;
}): Promise<string> {
  const start = Date.now() + 2 * HOUR;
  const input: ActionInput<'event.create'> = {
    ...(spec.owner.kind === 'pairing' ? { owner: spec.owner } : {}),
    title: spec.title,
    theme: spec.title,
    startsAt: iso(start),
    endsAt: iso(start + HOUR),
    place: { name: '党员活动室' },
    signUpDeadline: iso(start),
  };
  const draft = await call(cloud, 'event.create', input, spec.by);
  await call(cloud, 'event.publish', { eventId: draft.id }, spec.by);
  for (const m of spec.registered) await call(cloud, 'registration.signUp', { eventId: draft.id }, m);
  for (const m of spec.onLeave ?? []) await call(cloud, 'leave.request', { eventId: draft.id, reason: '外出培训' }, m);
  await moveBack(draft.id, shanghai(spec.date, spec.time ?? '14:30'));
  for (const m of spec.present)
    await call(cloud, 'checkin.manual', { eventId: draft.id, memberId: m, reason: '会后补录' }, spec.by);
  if (spec.kind)
    await call(
      cloud,
      'orgLife.save',
      {
        eventId: draft.id,
        kind: spec.kind,
        topic: spec.title,
        host: '书记',
        content: '集中学习',
        ...(spec.outcomes ? { outcomes: spec.outcomes } : {}),
      },
      spec.by,
    );
  held.push({
    id: draft.id,
    ownerKind: spec.owner.kind,
    ownerId: spec.owner.id,
    kind: spec.kind,
    date: spec.date,
    registered: spec.registered,
    present: spec.present,
    onLeave: spec.onLeave ?? [],
    ...(spec.outcomes ? { outcomes: spec.outcomes } : {}),
  });
  return draft.id;
}

async function propose(from: TestBranch, to: TestBranch): Promise<string> {
  const proposed = await call(
    cloud,
    'pairing.propose',
    {
      partnerIds: [to.id],
      name: `${from.id}—${to.id}`,
      kind: 'pairing',
      termStart: `${Y}-01-01`,
      termEnd: `${Y + 2}-12-31`,
    },
    from.secretary,
  );
  await call(cloud, 'pairing.respond', { pairingId: proposed.id, accept: true }, to.secretary);
  // In force since the start of the reviewed year.
  await cloud
    .db()
    .collection('pairings')
    .doc(proposed.id)
    .update({ activatedAt: shanghai(`${Y}-01-01`, '08:00') });
  return proposed.id;
}

beforeAll(async () => {
  cloud = await startApiCloud();
  indexWarnings = captureIndexWarnings();
  await cloud.reset();
  const db = cloud.db();
  for (const [id, name] of [
    [COMMITTEE, '评议测试党委'],
    [OTHER, '另一个党委'],
  ] as const)
    await db
      .collection('organizations')
      .doc(id)
      .set({ kind: 'committee', name, parentId: null, createdAt: new Date() });
  A = await makeBranch(cloud, 'rv-a', 4);
  B = await makeBranch(cloud, 'rv-b', 3);
  V = await makeBranch(cloud, 'rv-v', 2);
  for (const [b, parent] of [
    [A, COMMITTEE],
    [B, COMMITTEE],
    [V, OTHER],
  ] as const)
    await db
      .collection('organizations')
      .doc(b.id)
      .update({ parentId: parent, category: b === V ? 'village' : 'agency' });
  // The office works in the committee and is a plain member of B.
  await db.collection('members').add([
    {
      _id: OFFICE,
      name: '组织委员',
      branchId: B.id,
      role: 'member',
      status: 'active',
      joinedAt: new Date(),
      joinedVia: null,
    },
  ]);
  await db
    .collection('committeeAdmins')
    .doc(`${COMMITTEE}_${OFFICE}`)
    .set({ committeeId: COMMITTEE, openid: OFFICE, name: '组织委员', createdAt: new Date() });
  P1 = await propose(A, V);
  P2 = await propose(A, B);

  const [a0, a1, a2, a3] = A.members as [string, string, string, string];
  const [b0, b1, b2] = B.members as [string, string, string];
  const [v0, v1] = V.members as [string, string];
  const branchA = { kind: 'branch' as const, id: A.id };
  const branchB = { kind: 'branch' as const, id: B.id };
  const branchV = { kind: 'branch' as const, id: V.id };
  const p1 = { kind: 'pairing' as const, id: P1 };
  const p2 = { kind: 'pairing' as const, id: P2 };

  // A: theme days in six months (one at 00:30 on the 1st, one at 23:30 on the last day: Shanghai months).
  const aThemeDays: [string, string][] = [
    [`${Y}-01-15`, '14:30'],
    [`${Y}-03-01`, '00:30'],
    [`${Y}-04-30`, '23:30'],
    [`${Y}-06-15`, '14:30'],
    [`${Y}-09-15`, '14:30'],
    [`${Y}-12-31`, '23:30'],
  ];
  for (const [i, [date, time]] of aThemeDays.entries())
    await session({
      by: A.secretary,
      owner: branchA,
      title: `A 主题党日 ${date}`,
      date,
      time,
      registered: [a0, a1, a2, a3],
      present: i === 1 ? [a0, a1] : [a0, a1, a2],
      onLeave: i % 2 === 0 ? [a3] : [],
      kind: '主题党日',
    });
  for (const date of [`${Y}-02-05`, `${Y}-05-05`, `${Y}-08-05`])
    await session({
      by: A.secretary,
      owner: branchA,
      title: `A 支委会 ${date}`,
      date,
      registered: [A.committeeMember],
      present: [A.committeeMember],
      kind: '支委会',
    });
  // An event without minutes: in the attendance rate, not among the sessions.
  await session({
    by: A.secretary,
    owner: branchA,
    title: 'A 志愿服务',
    date: `${Y}-07-20`,
    registered: [a0, a1],
    present: [a0],
    kind: null,
  });
  for (const date of [`${Y}-03-15`, `${Y}-06-15`, `${Y}-10-15`, `${Y}-11-15`])
    await session({
      by: B.secretary,
      owner: branchB,
      title: `B 主题党日 ${date}`,
      date,
      registered: [b0, b1, b2],
      present: [b0, b1],
      kind: '主题党日',
    });
  // P1 (with V): 联学; V's members sign up too (counted for the pairing, never for the committee).
  for (const date of [`${Y}-02-25`, `${Y}-05-25`, `${Y}-11-25`])
    await session({
      by: A.secretary,
      owner: p1,
      title: `村局联学 ${date}`,
      date,
      registered: [a0, a1, v0, v1],
      present: [a0, v0],
      onLeave: [v1],
      kind: '联学',
      outcomes: { peopleVisited: 10, forums: 1 },
    });
  for (const date of [`${Y}-03-20`, `${Y}-10-20`])
    await session({
      by: B.secretary,
      owner: p2,
      title: `机关联学 ${date}`,
      date,
      registered: [a0, b0, b1],
      present: [a0, b0],
      kind: '联学',
      outcomes: { volunteers: 5, volunteerHours: 12 },
    });
  // V's own sessions: another committee's, never in this committee's view.
  for (const date of [`${Y}-04-15`, `${Y}-08-15`])
    await session({
      by: V.secretary,
      owner: branchV,
      title: `V 主题党日 ${date}`,
      date,
      registered: [v0, v1],
      present: [v0, v1],
      kind: '主题党日',
    });
}, 240_000);

afterAll(async () => {
  const warnings = indexWarnings.stop();
  await cloud.stop();
  expect(warnings).toEqual([]);
});

const figuresOf = (scope: ReviewScope, openid: string) => call(cloud, 'review.figures', { scope, year: Y }, openid);
const evidenceOf = (
  scope: ReviewScope,
  figure: string,
  openid: string,
  extra: { month?: number; kind?: string } = {},
) => call(cloud, 'review.evidence', { scope, year: Y, figure, ...extra }, openid);
const fig = (f: ReviewFigures, key: string): FigureValue => {
  const found = f.figures.find((x) => x.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
};
const month = (date: string) => Number(date.slice(5, 7));

/** Every figure equals its evidence, in total, in each month and for each kind. */
async function assertEvidenceBacked(scope: ReviewScope, openid: string): Promise<ReviewFigures> {
  const figures = await figuresOf(scope, openid);
  expect(figures.figures.length).toBeGreaterThan(10);
  for (const f of figures.figures) {
    const all: ReviewEvidence = await evidenceOf(scope, f.key, openid);
    expect([f.key, all.rows.length]).toEqual([f.key, f.evidenceCount]);
    expect([f.key, figureValue(f.unit, all.rows)]).toEqual([f.key, f.value]);
    if (f.unit === 'count') expect([f.key, f.value]).toEqual([f.key, all.rows.length]);
    for (let m = 1; m <= 12; m += 1) {
      const inMonth = all.rows.filter((r) => month(r.date) === m);
      expect([f.key, m, figureValue(f.unit, inMonth)]).toEqual([f.key, m, f.byMonth[m - 1]]);
    }
    for (const { kind, value } of f.byKind) {
      const ofKind = await evidenceOf(scope, f.key, openid, { kind });
      expect([f.key, kind, figureValue(f.unit, ofKind.rows)]).toEqual([f.key, kind, value]);
    }
    // Spot-check the month filter of the action itself where there is something to find.
    const busy = f.byMonth.findIndex((v) => v !== null && v !== 0);
    if (busy >= 0) {
      const one = await evidenceOf(scope, f.key, openid, { month: busy + 1 });
      expect([f.key, one.value]).toEqual([f.key, f.byMonth[busy]]);
    }
  }
  return figures;
}

describe('review figures', () => {
  it('equal their evidence per month and kind for each branch, pairing and the committee', async () => {
    const branchA = await assertEvidenceBacked({ kind: 'branch', id: A.id }, A.secretary);
    const branchB = await assertEvidenceBacked({ kind: 'branch', id: B.id }, B.secretary);
    const pairing1 = await assertEvidenceBacked({ kind: 'pairing', id: P1 }, V.secretary);
    const pairing2 = await assertEvidenceBacked({ kind: 'pairing', id: P2 }, A.committeeMember);
    const committee = await assertEvidenceBacked({ kind: 'committee', id: COMMITTEE }, OFFICE);

    // Counted independently from what was held.
    const minuted = (pred: (h: Held) => boolean) => held.filter((h) => h.kind !== null && pred(h));
    const ofA = (h: Held) => (h.ownerKind === 'branch' ? h.ownerId === A.id : h.ownerId === P1 || h.ownerId === P2);
    const ofB = (h: Held) => (h.ownerKind === 'branch' ? h.ownerId === B.id : h.ownerId === P2);
    const ofCommittee = (h: Held) => h.ownerId !== V.id;
    expect(fig(branchA, 'sessions').value).toBe(minuted(ofA).length);
    expect(fig(branchA, 'jointSessions').value).toBe(5);
    expect(fig(branchB, 'jointSessions').value).toBe(2);
    expect(fig(pairing1, 'jointSessions').value).toBe(3);
    expect(fig(pairing2, 'jointSessions').value).toBe(2);
    // A joint session counts for every side, and once for the committee.
    expect(fig(committee, 'jointSessions').value).toBe(5);
    expect(fig(committee, 'sessions').value).toBe(minuted(ofCommittee).length);
    expect(fig(branchB, 'sessions').value).toBe(minuted(ofB).length);
    expect(fig(branchA, 'sessions').byKind).toEqual(
      expect.arrayContaining([
        { kind: '主题党日', value: 6 },
        { kind: '支委会', value: 3 },
        { kind: '联学', value: 5 },
      ]),
    );
    // Shanghai months under TZ=UTC: 03-01 00:30 is March (UTC: Feb 28), 04-30 23:30 is April, 12-31 23:30 December.
    const aThemeDays = fig(branchA, 'themeDaysHeld').byMonth;
    expect(aThemeDays).toEqual([1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1]);
    expect(fig(committee, 'themeDaysHeld').value).toBe(10);
    // The reviewed year is over: 12 months due for each of the committee's two branches.
    expect(fig(committee, 'themeDaysDue').value).toBe(24);
    expect(fig(branchA, 'themeDaysDue').value).toBe(12);
    // Outcomes summed from the minutes.
    expect(fig(branchA, 'peopleVisited').value).toBe(30);
    expect(fig(committee, 'volunteerHours').value).toBe(24);
    expect(fig(branchB, 'peopleVisited').value).toBe(0);
    expect(fig(committee, 'pairingsActive').value).toBe(2);
    expect(fig(committee, 'branches').value).toBe(2);
    expect(fig(committee, 'branchesPaired').value).toBe(2);
    // V is a village of another committee: named as a partner in coverage, nothing more.
    expect(fig(committee, 'villagesPaired').value).toBe(1);
  }, 120_000);

  it('rate attendance as attended / (registered − excused), counting only the scope’s members', async () => {
    const rateFor = (pred: (h: Held) => boolean, members: ((id: string) => boolean) | null) => {
      let num = 0;
      let den = 0;
      for (const h of held.filter(pred)) {
        const reg = h.registered.filter((m) => !members || members(m));
        const present = new Set(h.present);
        const attended = reg.filter((m) => present.has(m)).length;
        const excused = reg.filter((m) => !present.has(m) && h.onLeave.includes(m)).length;
        num += attended;
        den += reg.length - excused;
      }
      return num / den;
    };
    const inCommittee = (m: string) => m.startsWith('rv-a') || m.startsWith('rv-b');
    const committee = await figuresOf({ kind: 'committee', id: COMMITTEE }, OFFICE);
    expect(fig(committee, 'attendanceRate').value).toBeCloseTo(
      rateFor((h) => h.ownerId !== V.id, inCommittee),
      12,
    );
    const pairing1 = await figuresOf({ kind: 'pairing', id: P1 }, A.secretary);
    // All sides count in the pairing's own view: 2 attended of 4 registered, 1 excused, three times.
    expect(fig(pairing1, 'attendanceRate').value).toBeCloseTo(6 / 9, 12);
    const branchA = await figuresOf({ kind: 'branch', id: A.id }, A.secretary);
    expect(fig(branchA, 'attendanceRate').value).toBeCloseTo(
      rateFor(
        (h) => h.ownerId === A.id || h.ownerId === P1 || h.ownerId === P2,
        (m) => m.startsWith('rv-a'),
      ),
      12,
    );
  }, 120_000);

  it('changes exactly with 请假, kept apart from registration and absence', async () => {
    const [a0, a1, a2, a3] = A.members as [string, string, string, string];
    // Check-in opens 30 minutes before the start: members may check in early, and still ask for leave.
    const start = Date.now() + 10 * MINUTE;
    const draft = await call(
      cloud,
      'event.create',
      {
        title: '请假测试',
        theme: '学习',
        startsAt: iso(start),
        endsAt: iso(start + HOUR),
        place: { name: '会议室' },
        signUpDeadline: iso(start),
      },
      A.secretary,
    );
    await call(cloud, 'event.publish', { eventId: draft.id }, A.secretary);
    for (const m of [a0, a1, a2, a3]) await call(cloud, 'registration.signUp', { eventId: draft.id }, m);
    for (const m of [a0, a1])
      await call(cloud, 'checkin.manual', { eventId: draft.id, memberId: m, reason: '提前到场' }, A.secretary);
    const before = await call(cloud, 'orgLife.get', { eventId: draft.id }, A.secretary);
    expect(before.tally).toEqual({ registered: 4, excused: 0, attended: 2, rate: 2 / 4 });
    expect(before.absent.map((p) => p.memberId).sort()).toEqual([a2, a3].sort());

    await call(cloud, 'leave.request', { eventId: draft.id, reason: '出差' }, a3);
    // The event page shows the member their own 请假, and only theirs.
    expect((await call(cloud, 'event.get', { eventId: draft.id }, a3)).myLeave).toMatchObject({
      status: 'requested',
      reason: '出差',
    });
    expect((await call(cloud, 'event.get', { eventId: draft.id }, a2)).myLeave).toBeNull();
    const after = await call(cloud, 'orgLife.get', { eventId: draft.id }, A.secretary);
    expect(after.tally).toEqual({ registered: 4, excused: 1, attended: 2, rate: 2 / 3 });
    expect(after.excused).toEqual([{ memberId: a3, name: '党员3', reason: '出差' }]);
    expect(after.absent.map((p) => p.memberId)).toEqual([a2]);
    // The registration is untouched.
    const { data } = await cloud.db().collection('registrations').doc(`${draft.id}_${a3}`).get();
    expect((data as { status: string }[])[0]?.status).toBe('registered');

    await call(cloud, 'leave.withdraw', { eventId: draft.id }, a3);
    expect((await call(cloud, 'event.get', { eventId: draft.id }, a3)).myLeave?.status).toBe('withdrawn');
    // The reason is read in the minutes, so it is checked too: refused or retryable, nothing stored.
    const leaveOf = async () => (await call(cloud, 'event.get', { eventId: draft.id }, a3)).myLeave;
    for (const reason of ['【违规】有事', '【待审】有事'])
      expect(errorCode(await cloud.api('leave.request', { eventId: draft.id, reason }, a3))).toBe(
        'LEAVE_REASON_REFUSED',
      );
    await cloud.failNext('security.msgSecCheck', -1);
    expect(errorCode(await cloud.api('leave.request', { eventId: draft.id, reason: '出差' }, a3))).toBe(
      'LEAVE_CHECK_UNAVAILABLE',
    );
    expect(await leaveOf()).toMatchObject({ status: 'withdrawn', reason: '出差' });
    expect((await call(cloud, 'orgLife.get', { eventId: draft.id }, A.secretary)).tally.rate).toBe(2 / 4);
    await call(cloud, 'leave.request', { eventId: draft.id, reason: '出差' }, a3);

    // Minutes before the start are refused; after it, corrections change the tally with their reasons.
    expect(
      errorCode(
        await cloud.api('orgLife.save', { eventId: draft.id, kind: '支委会', topic: '早', host: '书记' }, A.secretary),
      ),
    ).toBe('MINUTES_TOO_EARLY');
    await moveBack(draft.id, new Date(Date.now() - HOUR));
    expect(errorCode(await cloud.api('leave.request', { eventId: draft.id, reason: '晚了' }, a2))).toBe('LEAVE_CLOSED');
    const saved = await call(
      cloud,
      'orgLife.save',
      {
        eventId: draft.id,
        kind: '支部党员大会',
        topic: '请假测试',
        host: '书记',
        adjustments: [
          { memberId: a2, present: true, reason: '签到设备故障，现场确认到会' },
          { memberId: a1, present: false, reason: '代签，本人未到' },
        ],
      },
      A.secretary,
    );
    expect(saved.tally).toEqual({ registered: 4, excused: 1, attended: 2, rate: 2 / 3 });
    expect(saved.attendees.find((p) => p.memberId === a2)).toMatchObject({
      source: 'added',
      reason: '签到设备故障，现场确认到会',
    });
    expect(saved.removed).toEqual([{ memberId: a1, name: '党员1', reason: '代签，本人未到' }]);
    expect(
      errorCode(await cloud.api('orgLife.save', { eventId: draft.id, kind: '支委会', topic: 'x', host: 'y' }, a0)),
    ).toBe('FORBIDDEN');
    // A member's own year shows the leave as 请假.
    const mine = await call(cloud, 'me.records', { year: Number(shanghaiDateOf(new Date()).slice(0, 4)) }, a3);
    expect(mine.rows.find((r) => r.eventId === draft.id)?.state).toBe('excused');
    await cloud.db().collection('events').doc(draft.id).update({ status: 'cancelled' });
  }, 120_000);
});

describe('minutes: content security and attachments', () => {
  /** An event of A that started an hour ago, with one member registered. */
  async function pastEvent(title: string): Promise<string> {
    const start = Date.now() + 2 * HOUR;
    const draft = await call(
      cloud,
      'event.create',
      {
        title,
        theme: title,
        startsAt: iso(start),
        endsAt: iso(start + HOUR),
        place: { name: '会议室' },
        signUpDeadline: iso(start),
      },
      A.secretary,
    );
    await call(cloud, 'event.publish', { eventId: draft.id }, A.secretary);
    await call(cloud, 'registration.signUp', { eventId: draft.id }, A.members[0]!);
    await moveBack(draft.id, new Date(Date.now() - HOUR));
    return draft.id;
  }
  const minutesOf = (
    eventId: string,
    extra: Partial<ActionInput<'orgLife.save'>> = {},
  ): ActionInput<'orgLife.save'> => ({
    eventId,
    kind: '支委会',
    topic: '研究本月工作',
    host: '书记',
    content: '集中学习，交流发言',
    decisions: '下月开展志愿服务',
    ...extra,
  });
  const storedRecord = async (eventId: string) => {
    const { data } = await cloud.db().collection('orgLifeRecords').doc(eventId).get();
    return (data as { content: string; decisions: string }[])[0] ?? null;
  };

  it('refuses risky or doubtful text with the field to rephrase, answers a retryable error when the check fails, and stores nothing', async () => {
    const eventId = await pastEvent('会议记录内容检测');
    const refused = async (extra: Partial<ActionInput<'orgLife.save'>>) => {
      const result = await cloud.api('orgLife.save', minutesOf(eventId, extra), A.secretary);
      expect(errorCode(result)).toBe('MINUTES_CONTENT_REFUSED');
      return result.ok ? [] : (result.error.details ?? []).map((d) => d.path);
    };
    expect(await refused({ content: '会上讨论了【违规】内容' })).toEqual(['content']);
    expect(await refused({ decisions: '决定【待审】事项' })).toEqual(['decisions']);
    expect(await refused({ topic: '【待审】主题', content: '【违规】' })).toEqual(['topic', 'content']);
    expect(
      await refused({ adjustments: [{ memberId: A.members[1]!, present: true, reason: '【违规】补记' }] }),
    ).toEqual(['adjustments']);
    expect(await storedRecord(eventId)).toBeNull();

    await cloud.failNext('security.msgSecCheck', -1);
    expect(errorCode(await cloud.api('orgLife.save', minutesOf(eventId), A.secretary))).toBe(
      'MINUTES_CHECK_UNAVAILABLE',
    );
    expect(await storedRecord(eventId)).toBeNull();

    // Retried, it passes and is stored; the members of A read what was checked.
    await call(cloud, 'orgLife.save', minutesOf(eventId), A.secretary);
    expect(await storedRecord(eventId)).toMatchObject({ content: '集中学习，交流发言' });
    expect((await call(cloud, 'orgLife.get', { eventId }, A.members[2]!)).content).toBe('集中学习，交流发言');

    // Saving again unchanged checks nothing; a changed field is checked again (and here fails).
    await cloud.failNext('security.msgSecCheck', -1);
    await call(cloud, 'orgLife.save', minutesOf(eventId, { outcomes: { forums: 1 } }), A.secretary);
    expect(
      errorCode(await cloud.api('orgLife.save', minutesOf(eventId, { decisions: '改为下周开展' }), A.secretary)),
    ).toBe('MINUTES_CHECK_UNAVAILABLE');
    expect(await storedRecord(eventId)).toMatchObject({ decisions: '下月开展志愿服务' });
    const review = await cloud.api('orgLife.save', minutesOf(eventId, { decisions: '【待审】改期' }), A.secretary);
    expect(errorCode(review)).toBe('MINUTES_CONTENT_REFUSED');
    expect(await storedRecord(eventId)).toMatchObject({ decisions: '下月开展志愿服务' });
  }, 60_000);

  it('hands out links to the record’s own files only to those who may read the minutes', async () => {
    const eventId = await pastEvent('会议记录附件');
    const upload = async (openid: string, bytes: string) => {
      const { cloudPath } = await call(cloud, 'file.prepareUpload', { purpose: 'minutes', ext: '.pdf' }, openid);
      return (await cloud.sdk().uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })).fileID;
    };
    const fileID = await upload(A.secretary, '%PDF-1.4 签到表');
    const saved = await call(
      cloud,
      'orgLife.save',
      minutesOf(eventId, { attachments: [{ fileID, name: '签到表.pdf' }] }),
      A.secretary,
    );
    expect(saved.attachments).toEqual([{ fileID, name: '签到表.pdf', url: expect.any(String) }]);
    const read = await call(cloud, 'orgLife.get', { eventId }, A.members[1]!);
    const url = read.attachments[0]!.url;
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).toString()).toBe('%PDF-1.4 签到表');

    // Nobody outside the owner gets the minutes, nor so their links.
    for (const outsider of [B.members[0]!, V.secretary]) {
      const result = await cloud.api('orgLife.get', { eventId }, outsider);
      expect(result.ok).toBe(false);
    }
    // Another branch's upload cannot be slipped into the record to get a link to it.
    const theirs = await upload(B.secretary, '%PDF-1.4 B');
    const slipped = await cloud.api(
      'orgLife.save',
      minutesOf(eventId, {
        attachments: [
          { fileID, name: '签到表.pdf' },
          { fileID: theirs, name: 'x.pdf' },
        ],
      }),
      A.secretary,
    );
    expect(errorCode(slipped)).toBe('INVALID_INPUT');
    expect((await call(cloud, 'orgLife.get', { eventId }, A.secretary)).attachments.map((f) => f.fileID)).toEqual([
      fileID,
    ]);
  }, 60_000);
});

describe('contact points', () => {
  it('report the leader who missed a month, and only the committee’s own branches', async () => {
    const term = { termStart: `${Y}-01-01`, termEnd: `${Y}-12-31` };
    const kept = await call(
      cloud,
      'contactPoint.appoint',
      { committeeId: COMMITTEE, leaderOpenid: A.secretary, branchId: B.id, ...term },
      OFFICE,
    );
    const missed = await call(
      cloud,
      'contactPoint.appoint',
      { committeeId: COMMITTEE, leaderOpenid: B.secretary, branchId: A.id, ...term },
      OFFICE,
    );
    expect(
      errorCode(
        await cloud.api(
          'contactPoint.appoint',
          { committeeId: COMMITTEE, leaderOpenid: A.secretary, branchId: A.id, ...term },
          OFFICE,
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      errorCode(
        await cloud.api(
          'contactPoint.appoint',
          { committeeId: COMMITTEE, leaderOpenid: A.secretary, branchId: V.id, ...term },
          OFFICE,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await cloud.api(
          'contactPoint.appoint',
          { committeeId: COMMITTEE, leaderOpenid: A.secretary, branchId: B.id, ...term },
          A.secretary,
        ),
      ),
    ).toBe('NOT_FOUND');
    for (let m = 1; m <= 12; m += 1) {
      const mm = String(m).padStart(2, '0');
      await call(
        cloud,
        'contactPoint.log',
        { contactPointId: kept.id, kind: 'note', date: `${Y}-${mm}-08`, summary: '电话联系' },
        A.secretary,
      );
      if (m !== 6)
        await call(
          cloud,
          'contactPoint.log',
          { contactPointId: missed.id, kind: 'note', date: `${Y}-${mm}-28`, summary: '查阅记录' },
          B.secretary,
        );
    }
    for (const [id, who] of [
      [kept.id, A.secretary],
      [missed.id, B.secretary],
    ] as const)
      await call(
        cloud,
        'contactPoint.log',
        { contactPointId: id, kind: 'visit', visitKind: '调研', date: `${Y}-09-10`, summary: '到支部调研' },
        who,
      );
    // Only the leader logs for their point.
    expect(
      errorCode(
        await cloud.api(
          'contactPoint.log',
          { contactPointId: kept.id, kind: 'note', date: `${Y}-05-01`, summary: 'x' },
          B.secretary,
        ),
      ),
    ).toBe('NOT_FOUND');

    const board: ContactPointBoard = await call(
      cloud,
      'contactPoint.board',
      { committeeId: COMMITTEE, year: Y },
      OFFICE,
    );
    expect(board.met).toBe(1);
    expect(board.notMet).toBe(1);
    const late = board.points.find((p) => p.id === missed.id)!;
    expect(late).toMatchObject({ met: false, missedMonths: [`${Y}-06`], visits: 1, leader: { openid: B.secretary } });
    expect(board.points.find((p) => p.id === kept.id)).toMatchObject({ met: true, missedMonths: [], visits: 1 });
    const committee = await figuresOf({ kind: 'committee', id: COMMITTEE }, OFFICE);
    expect(fig(committee, 'contactDutiesMissed').value).toBe(1);
    const rows = (await evidenceOf({ kind: 'committee', id: COMMITTEE }, 'contactDutiesMissed', OFFICE)).rows;
    expect(rows.map((r: EvidenceRow) => r.id)).toEqual([missed.id]);
    expect(rows[0]!.detail).toContain(`${Y}-06`);
    // The configurable duty: two visits a year and nobody met it.
    await call(
      cloud,
      'cadence.setRules',
      {
        committeeId: COMMITTEE,
        items: [{ kind: '主题党日', period: 'month', times: 1 }],
        contactDuty: { notesPerMonth: 1, visitsPerYear: 2 },
      },
      OFFICE,
    );
    const stricter: ContactPointBoard = await call(
      cloud,
      'contactPoint.board',
      { committeeId: COMMITTEE, year: Y },
      OFFICE,
    );
    expect(stricter.met).toBe(0);
    const mine = await call(cloud, 'contactPoint.mine', { year: Y }, B.secretary);
    expect(mine.map((p) => p.id)).toEqual([missed.id]);
    expect(errorCode(await cloud.api('contactPoint.board', { committeeId: COMMITTEE, year: Y }, A.secretary))).toBe(
      'NOT_FOUND',
    );
  }, 120_000);
});

describe('scope', () => {
  it('never shows a branch of another committee, and each caller only their own scopes', async () => {
    const committeeScope = { kind: 'committee' as const, id: COMMITTEE };
    const figures = await figuresOf(committeeScope, OFFICE);
    const vEvents = new Set(held.filter((h) => h.ownerId === V.id).map((h) => h.id));
    for (const f of figures.figures) {
      const { rows } = await evidenceOf(committeeScope, f.key, OFFICE);
      for (const row of rows) {
        expect([f.key, vEvents.has(row.id)]).toEqual([f.key, false]);
        // The village is named only as a paired village in coverage, never as a branch counted.
        if (f.key !== 'villagesPaired') expect([f.key, row.id]).not.toEqual([f.key, V.id]);
        expect([f.key, row.detail ?? '']).not.toEqual([f.key, expect.stringContaining(`${V.id} 党支部`)]);
      }
    }
    const cadence = await call(cloud, 'cadence.committee', { committeeId: COMMITTEE, month: `${Y}-06` }, OFFICE);
    expect(cadence.branches.map((b) => b.branch.id).sort()).toEqual([A.id, B.id].sort());
    const aJune = cadence.branches.find((b) => b.branch.id === A.id)!;
    expect(aJune.lines.find((l) => l.kind === '主题党日')).toMatchObject({ held: 1, state: 'done' });
    const bJune = cadence.branches.find((b) => b.branch.id === B.id)!;
    expect(bJune.lines.find((l) => l.kind === '主题党日')).toMatchObject({ held: 1, state: 'done' });
    const bJuly = await call(cloud, 'cadence.branch', { branchId: B.id, month: `${Y}-07` }, B.members[0]!);
    expect(bJuly.lines.find((l) => l.kind === '主题党日')).toMatchObject({ held: 0, heldBefore: 1, state: 'due' });
    const bAugust = await call(cloud, 'cadence.branch', { branchId: B.id, month: `${Y}-08` }, B.secretary);
    expect(bAugust.lines.find((l) => l.kind === '主题党日')).toMatchObject({
      held: 0,
      heldBefore: 0,
      state: 'overdue',
    });

    const refused = async (scope: ReviewScope, openid: string) =>
      errorCode(await cloud.api('review.figures', { scope, year: Y }, openid));
    expect(await refused({ kind: 'branch', id: V.id }, OFFICE)).toBe('NOT_FOUND');
    expect(await refused({ kind: 'committee', id: OTHER }, OFFICE)).toBe('NOT_FOUND');
    expect(await refused({ kind: 'committee', id: COMMITTEE }, A.secretary)).toBe('NOT_FOUND');
    expect(await refused({ kind: 'branch', id: B.id }, A.secretary)).toBe('NOT_FOUND');
    expect(await refused({ kind: 'branch', id: A.id }, A.members[0]!)).toBe('NOT_FOUND');
    expect(await refused({ kind: 'pairing', id: P2 }, V.secretary)).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('cadence.committee', { committeeId: OTHER }, OFFICE))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('cadence.branch', { branchId: V.id }, OFFICE))).toBe('NOT_FOUND');
    const scopes = await call(cloud, 'review.scopes', {}, A.secretary);
    expect(scopes.map((s) => `${s.kind}:${s.id}`).sort()).toEqual(
      [`branch:${A.id}`, `pairing:${P1}`, `pairing:${P2}`].sort(),
    );
    // The office: its committee and each of its branches, never the village of the other committee.
    expect((await call(cloud, 'review.scopes', {}, OFFICE)).map((s) => `${s.kind}:${s.id}`)).toEqual([
      `committee:${COMMITTEE}`,
      `branch:${A.id}`,
      `branch:${B.id}`,
    ]);
  }, 120_000);
});

describe('review export', () => {
  it('has a summary and one evidence sheet per figure that match the figures', async () => {
    const scope = { kind: 'committee' as const, id: COMMITTEE };
    const figures = await figuresOf(scope, OFFICE);
    const exported = await call(cloud, 'review.export', { scope, year: Y }, OFFICE);
    expect(exported.fileName).toBe(`述职评议-评议测试党委-${Y}.xlsx`);
    const response = await fetch(exported.url);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const summary = workbook.getWorksheet('汇总')!;
    expect(workbook.worksheets).toHaveLength(1 + figures.figures.length);
    figures.figures.forEach((f, i) => {
      const row = summary.getRow(i + 2);
      const shown = f.value === null ? '' : f.unit === 'rate' ? Math.round(f.value * 1000) / 10 : f.value;
      expect([f.key, row.getCell(3).value ?? '']).toEqual([f.key, shown]);
      expect([f.key, row.getCell(16).value]).toEqual([f.key, f.evidenceCount]);
      const sheet = workbook.getWorksheet(String(row.getCell(17).value))!;
      expect([f.key, sheet.rowCount - 1]).toEqual([f.key, f.evidenceCount]);
    });
    const branch = await call(cloud, 'review.export', { scope: { kind: 'branch', id: A.id }, year: Y }, A.secretary);
    expect(branch.fileName).toBe(`述职评议-rv-a 党支部-${Y}.xlsx`);
    expect(errorCode(await cloud.api('review.export', { scope, year: Y }, A.secretary))).toBe('NOT_FOUND');
  }, 120_000);
});

describe('首页 and 我的记录', () => {
  it('lead with the member’s next event and state, and count their year', async () => {
    const [a0] = A.members as [string];
    const start = Date.now() + 10 * MINUTE;
    const draft = await call(
      cloud,
      'event.create',
      {
        title: '下一次主题党日',
        theme: '学习',
        startsAt: iso(start),
        endsAt: iso(start + HOUR),
        place: { name: '会议室' },
        signUpDeadline: iso(start),
      },
      A.secretary,
    );
    await call(cloud, 'event.publish', { eventId: draft.id }, A.secretary);
    const open = await call(cloud, 'home.overview', {}, a0);
    expect(open.next).toMatchObject({ id: draft.id, state: 'notRegistered', checkInOpen: true, placeName: '会议室' });
    expect(open.tasks.map((t) => t.kind)).toEqual(expect.arrayContaining(['signUp', 'checkIn']));
    await call(cloud, 'registration.signUp', { eventId: draft.id }, a0);
    expect((await call(cloud, 'home.overview', {}, a0)).next).toMatchObject({ id: draft.id, state: 'registered' });
    await call(cloud, 'checkin.manual', { eventId: draft.id, memberId: a0, reason: '到场' }, A.secretary);
    expect((await call(cloud, 'home.overview', {}, a0)).next).toMatchObject({ state: 'checkedIn', checkInOpen: false });
    // The secretary is asked for the minutes of the unminuted event of the last two months.
    const record = await call(cloud, 'me.records', { year: Y }, a0);
    const mine = held.filter((h) => h.registered.includes(a0));
    expect(record.signUps).toBe(mine.length);
    expect(record.attended).toBe(mine.filter((h) => h.present.includes(a0)).length);
    expect(record.absent).toBe(mine.filter((h) => !h.present.includes(a0)).length);
  }, 120_000);
});

describe('the demo year', () => {
  it('shows a year of sessions backed by evidence and the leader who missed a month', async () => {
    const lastMonth = addMonths(shanghaiDateOf(new Date()).slice(0, 7), -DEMO_REVIEW.missedMonthsBack);
    const year = Number(lastMonth.slice(0, 4));
    const office = DEMO_PAIRING.officeOpenid;
    const board: ContactPointBoard = await call(
      cloud,
      'contactPoint.board',
      { committeeId: DEMO.committeeId, year },
      office,
    );
    const missed = board.points.find((p) => p.id === DEMO_REVIEW.missedPointId)!;
    expect(missed.met).toBe(false);
    expect(missed.missedMonths).toContain(lastMonth);
    expect(board.points.find((p) => p.id === DEMO_REVIEW.keptPointId)?.missedMonths).toEqual([]);
    const yearFigures = await call(
      cloud,
      'review.figures',
      { scope: { kind: 'committee', id: DEMO.committeeId }, year },
      office,
    );
    expect(fig(yearFigures, 'sessions').value).toBeGreaterThan(0);
    const { rows } = await call(
      cloud,
      'review.evidence',
      { scope: { kind: 'branch', id: DEMO.branches.finance }, year, figure: 'sessions' },
      DEMO.secretaryOpenid,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.link.startsWith('/packages/review/minutes/index?eventId=demo-rv-'))).toBe(true);
    // Last month's theme day carries a sign-in sheet a member can open.
    const themeDay = `demo-rv-td-${addMonths(shanghaiDateOf(new Date()).slice(0, 7), -1)}`;
    const minutes = await call(cloud, 'orgLife.get', { eventId: themeDay }, DEMO.memberOpenid);
    expect(minutes.attachments).toHaveLength(1);
    const sheet = await fetch(minutes.attachments[0]!.url);
    expect((await sheet.text()).startsWith('%PDF-1.4')).toBe(true);
  }, 60_000);
});
