/**
 * Study (学习) and points (积分) through the function gateway with the real SDKs: one check-in per
 * Shanghai day, duplicates racing, streaks across year ends and leap days, content security on
 * 心得, 补学 with recorded decisions, points caps under racing awards, undo, rankings and opt-out.
 */
import type { MyPointsView, StudyCalendarView } from '../../src/contract';
import { shanghaiDateOf, addDays } from '../../src/domain/shanghai-time';
import { call, errorCode, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { checkInsOf, entriesOf, storedCheckIn, sumOf } from './study-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());

let branch: TestBranch;
let n = 0;
beforeEach(async () => {
  await cloud.reset();
  branch = await makeBranch(cloud, `sb${++n}`, 6);
});

const today = () => shanghaiDateOf(new Date());
const key = (day: string) => day.replace(/-/g, '');

describe('the daily check-in', () => {
  it('is one document per Shanghai day, keyed by the Shanghai date (the suite runs in UTC)', async () => {
    const [m] = branch.members;
    const first = await call(cloud, 'study.checkIn', { title: '学习党章', minutes: 30 }, m!);
    expect(first.created).toBe(true);
    expect(first.checkIn.day).toBe(shanghaiDateOf(new Date(first.checkIn.at)));
    expect(first.checkIn.id).toBe(`${m}_${key(first.checkIn.day)}`);
    const edited = await call(cloud, 'study.checkIn', { title: '学习党章（续）', minutes: 45 }, m!);
    expect(edited).toMatchObject({ created: false, checkIn: { id: first.checkIn.id, minutes: 45, editable: true } });
    expect(await checkInsOf(cloud, m!)).toHaveLength(1);
  });

  it('counts a check-in at 23:59:59 and one at 00:00:00 Shanghai as two consecutive days', async () => {
    const [m] = branch.members;
    const late = new Date('2025-03-10T15:59:59Z'); // 23:59:59 on 10 March in Shanghai
    const early = new Date('2025-03-10T16:00:00Z'); // 00:00:00 on 11 March, still 10 March in UTC
    const docs = [late, early].map((at) => ({ ...storedCheckIn(m!, branch.id, shanghaiDateOf(at)), at }));
    expect(docs.map((d) => d._id)).toEqual([`${m}_20250310`, `${m}_20250311`]);
    await cloud.db().collection('studyCheckins').add(docs);
    const march = await call(cloud, 'study.calendar', { month: '2025-03' }, m!);
    expect(march.days.map((d) => d.day)).toEqual(['2025-03-10', '2025-03-11']);
    expect(march.streak.longest).toBe(2);
  });

  it('lets 50 concurrent duplicates make one check-in and one award', async () => {
    const [m] = branch.members;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cloud.api('study.checkIn', { title: '学习党章', minutes: 10 + i }, m)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && (r.data as { created: boolean }).created)).toHaveLength(1);
    expect(await checkInsOf(cloud, m!)).toHaveLength(1);
    const entries = await entriesOf(cloud, m!);
    expect(entries.map((e) => e.rule)).toEqual(['study.checkIn']);
    expect(sumOf(entries)).toBe(1);
  });

  it('keeps streaks across 31 Dec → 1 Jan and across 29 February', async () => {
    const [a, b] = branch.members;
    const yearEnd = ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02'];
    const leap = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'];
    await cloud
      .db()
      .collection('studyCheckins')
      .add([...yearEnd, ...leap].map((d) => storedCheckIn(a!, branch.id, d)));
    const cal = await call(cloud, 'study.calendar', { month: '2024-02' }, a!);
    expect(cal.days.map((d) => d.day)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29']);
    expect(cal.streak.longest).toBe(5);
    // The year end alone: four days, one run.
    await cloud
      .db()
      .collection('studyCheckins')
      .add(yearEnd.map((d) => storedCheckIn(b!, branch.id, d)));
    expect((await call(cloud, 'study.calendar', {}, b!)).streak).toEqual({ current: 0, longest: 4 });
    // A current streak ending yesterday stays alive until today is over.
    const [, , c] = branch.members;
    const days = [-3, -2, -1].map((d) => addDays(today(), d));
    await cloud
      .db()
      .collection('studyCheckins')
      .add(days.map((d) => storedCheckIn(c!, branch.id, d)));
    expect((await call(cloud, 'study.today', {}, c!)).streak).toEqual({ current: 3, longest: 3 });
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, c!);
    expect((await call(cloud, 'study.today', {}, c!)).streak).toEqual({ current: 4, longest: 4 });
  });
});

describe('心得 and content security', () => {
  it('refuses a risky 心得 with a clear message and stores nothing', async () => {
    const [m] = branch.members;
    const result = await cloud.api('study.checkIn', { title: '学习', minutes: 20, reflection: '体会【违规】' }, m);
    expect(result).toEqual({
      ok: false,
      error: { code: 'STUDY_REFLECTION_RISKY', message: '学习心得中有不适宜发布的内容，请修改后再提交' },
    });
    expect(await checkInsOf(cloud, m!)).toEqual([]);
    expect(await entriesOf(cloud, m!)).toEqual([]);
  });

  it('keeps a review 心得 to its author until the secretary approves it', async () => {
    const [author, other] = branch.members;
    const text = '【待审】' + '学习体会'.repeat(30);
    const mine = await call(cloud, 'study.checkIn', { title: '学习', minutes: 20, reflection: text }, author!);
    expect(mine.checkIn).toMatchObject({ reflection: text, reflectionState: 'review' });
    const seen = await call(cloud, 'study.feed', {}, other!);
    const item = seen.items.find((i) => i.memberId === author);
    expect(item).toMatchObject({ reflection: null, reflectionState: 'none' });
    expect(JSON.stringify(seen)).not.toContain('学习体会');
    // No 心得 points while under review.
    expect((await entriesOf(cloud, author!)).map((e) => e.rule)).toEqual(['study.checkIn']);

    const pending = await call(cloud, 'study.reflection.pending', {}, branch.secretary);
    expect(pending.items.map((i) => i.reflection)).toEqual([text]);
    await call(cloud, 'study.reflection.decide', { checkInId: mine.checkIn.id, approve: true }, branch.secretary);
    const { data: stored } = await cloud.db().collection('studyCheckins').doc(mine.checkIn.id).get();
    expect((stored as { reflectionDecision: unknown }[])[0]!.reflectionDecision).toMatchObject({
      by: branch.secretary,
      byName: '书记',
      approved: true,
    });
    expect(
      errorCode(
        await cloud.api('study.reflection.decide', { checkInId: mine.checkIn.id, approve: false }, branch.secretary),
      ),
    ).toBe('ALREADY_DECIDED');
    const after = await call(cloud, 'study.feed', {}, other!);
    expect(after.items.find((i) => i.memberId === author)).toMatchObject({
      reflection: text,
      reflectionState: 'approved',
    });
    expect((await entriesOf(cloud, author!)).map((e) => e.rule).sort()).toEqual(['study.checkIn', 'study.reflection']);
  });

  it('answers a retryable error and stores nothing when the check fails', async () => {
    const [m] = branch.members;
    await cloud.failNext('security.msgSecCheck', -1);
    const result = await cloud.api('study.checkIn', { title: '学习', minutes: 20, reflection: '认真学习' }, m);
    expect(errorCode(result)).toBe('STUDY_CHECK_UNAVAILABLE');
    expect(await checkInsOf(cloud, m!)).toEqual([]);
    expect(
      (await call(cloud, 'study.checkIn', { title: '学习', minutes: 20, reflection: '认真学习' }, m!)).created,
    ).toBe(true);
  });
});

describe('photos', () => {
  it('accepts only photos the member uploaded for study, and stores nothing otherwise', async () => {
    const [m, other] = branch.members;
    const upload = async (openid: string) => {
      const { cloudPath } = await call(cloud, 'file.prepareUpload', { purpose: 'studyPhoto', ext: '.jpg' }, openid);
      return (await cloud.sdk().uploadFile({ cloudPath, fileContent: Buffer.from('jpeg') })).fileID;
    };
    const theirs = await upload(other!);
    const refused = await cloud.api('study.checkIn', { title: '学习', minutes: 20, photos: [theirs] }, m);
    expect(errorCode(refused)).toBe('FILE_INVALID');
    expect(await checkInsOf(cloud, m!)).toEqual([]);
    const mine = await upload(m!);
    const saved = await call(cloud, 'study.checkIn', { title: '学习', minutes: 20, photos: [mine] }, m!);
    expect(saved.checkIn.photos).toEqual([mine]);
    // Editing the same day shows them: study.today answers each with a link <image> can load.
    const todayView = await call(cloud, 'study.today', {}, m!);
    expect(todayView.checkInPhotos).toEqual([{ fileID: mine, url: expect.stringMatching(/^https?:\/\//) }]);
    const link = await fetch(todayView.checkInPhotos[0]!.url);
    expect(Buffer.from(await link.arrayBuffer()).toString()).toBe('jpeg');
    expect((await call(cloud, 'study.today', {}, other!)).checkInPhotos).toEqual([]);
    // Saving without them removes them.
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, m!);
    expect((await call(cloud, 'study.today', {}, m!)).checkInPhotos).toEqual([]);
  });
});

describe('补学', () => {
  it('is asked within the window, decided by the secretary, recorded, and revocable', async () => {
    const [m] = branch.members;
    const ask = (day: string) =>
      cloud.api('study.makeUp.request', { day, reason: '外出调研', title: '党章第二章', minutes: 30 }, m);
    expect(errorCode(await ask(today()))).toBe('STUDY_MAKE_UP_WINDOW');
    expect(errorCode(await ask(addDays(today(), -8)))).toBe('STUDY_MAKE_UP_WINDOW');
    const day = addDays(today(), -7);
    const request = await ask(day);
    expect(request).toMatchObject({ ok: true, data: { status: 'pending', day } });
    expect(errorCode(await ask(day))).toBe('STUDY_ALREADY_STUDIED');
    const id = `${m}_${key(day)}`;
    expect(errorCode(await cloud.api('study.makeUp.decide', { id, approve: true }, m))).toBe('FORBIDDEN');

    const approved = await call(
      cloud,
      'study.makeUp.decide',
      { id, approve: true, reason: '情况属实' },
      branch.secretary,
    );
    expect(approved.status).toBe('approved');
    expect(approved.decisions).toEqual([
      expect.objectContaining({ action: 'request', byName: '党员0', reason: '外出调研' }),
      expect.objectContaining({ action: 'approve', byName: '书记', reason: '情况属实' }),
    ]);
    expect(new Date(approved.decisions[1]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const cal: StudyCalendarView = await call(cloud, 'study.calendar', { month: day.slice(0, 7) }, m!);
    expect(cal.days).toContainEqual({ day, kind: 'makeUp', minutes: 30 });
    expect(sumOf(await entriesOf(cloud, m!))).toBe(0.5);
    expect(errorCode(await cloud.api('study.makeUp.decide', { id, approve: false }, branch.secretary))).toBe(
      'ALREADY_DECIDED',
    );

    const revoked = await call(cloud, 'study.makeUp.revoke', { id, reason: '核实当天未学习' }, branch.secretary);
    expect(revoked.decisions.map((d) => d.action)).toEqual(['request', 'approve', 'revoke']);
    expect(sumOf(await entriesOf(cloud, m!))).toBe(0);
    expect((await call(cloud, 'study.calendar', { month: day.slice(0, 7) }, m!)).days).not.toContainEqual(
      expect.objectContaining({ day }),
    );
    const list = await call(cloud, 'study.makeUp.list', {}, m!);
    expect(list.items.map((i) => i.status)).toEqual(['revoked']);
  });
});

describe('points', () => {
  async function capBranch(name: string): Promise<{ branch: TestBranch; office: string; committee: string }> {
    const committee = `committee-${name}`;
    const office = `office-${name}`;
    await cloud
      .db()
      .collection('organizations')
      .doc(committee)
      .set({ kind: 'committee', name, parentId: null, createdAt: new Date() });
    await cloud
      .db()
      .collection('committeeAdmins')
      .doc(`${committee}_${office}`)
      .set({ committeeId: committee, openid: office, name: '组织部', createdAt: new Date() });
    const b = await makeBranch(cloud, `${name}-b`, 2);
    await cloud.db().collection('organizations').doc(b.id).update({ parentId: committee });
    return { branch: b, office, committee };
  }

  it.each([
    ['day', 5],
    ['week', 7],
  ] as const)(
    'caps awards per %s exactly when 30 race',
    async (per, count) => {
      const { branch: b, office, committee } = await capBranch(`cap${per}`);
      await call(
        cloud,
        'points.rules.set',
        {
          committeeId: committee,
          rules: [
            { rule: 'event.attended', points: 3, cap: { per, count } },
            { rule: 'event.onTime', points: 0, cap: null },
          ],
        },
        office,
      );
      const events = await Promise.all(Array.from({ length: 30 }, () => publishedEvent(cloud, b, 10 * 60_000)));
      const [m] = b.members;
      const results = await Promise.all(
        events.map((e) =>
          cloud.api('checkin.manual', { eventId: e.id, memberId: m!, reason: '现场登记' }, b.secretary),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const entries = await entriesOf(cloud, m!);
      expect(entries).toHaveLength(count);
      expect(new Set(entries.map((e) => e.sourceKey)).size).toBe(count);
      expect(sumOf(entries)).toBe(3 * count);
    },
    60_000,
  );

  it('lets only the committee office change its rules, and the 补学 window follows them', async () => {
    const { branch: b, office, committee } = await capBranch('window');
    const [m] = b.members;
    const rules = { committeeId: committee, rules: [], makeUpWindowDays: 10 };
    expect(errorCode(await cloud.api('points.rules.set', rules, b.secretary))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await cloud.api(
          'points.rules.set',
          { committeeId: committee, rules: [{ rule: 'made.up', points: 1, cap: null }] },
          office,
        ),
      ),
    ).toBe('INVALID_INPUT');
    const set = await call(cloud, 'points.rules.set', rules, office);
    expect(set.makeUpWindowDays).toBe(10);
    const seen = await call(cloud, 'points.rules.get', {}, m!);
    expect(seen).toMatchObject({ committeeId: committee, makeUpWindowDays: 10, editable: false });
    expect(seen.rules.find((r) => r.rule === 'study.makeUp')).toMatchObject({ points: 0.5, label: '补学' });
    const ask = (back: number) =>
      cloud.api(
        'study.makeUp.request',
        { day: addDays(today(), -back), reason: '出差', title: '党章', minutes: 30 },
        m,
      );
    expect((await ask(10)).ok).toBe(true);
    expect(errorCode(await ask(11))).toBe('STUDY_MAKE_UP_WINDOW');
  });

  it('adds the 心得 point when an edit the same day brings a long enough 心得, once', async () => {
    const [m] = branch.members;
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, m!);
    const long = '学习体会'.repeat(25); // 100 characters
    const edited = await call(cloud, 'study.checkIn', { title: '学习', minutes: 20, reflection: long }, m!);
    expect(edited).toMatchObject({ created: false, pointsAwarded: 1 });
    const again = await call(cloud, 'study.checkIn', { title: '学习', minutes: 25, reflection: long }, m!);
    expect(again.pointsAwarded).toBe(0);
    expect((await entriesOf(cloud, m!)).map((e) => e.rule).sort()).toEqual(['study.checkIn', 'study.reflection']);
  });

  it('awards attendance once however often retried, and undo reverses it exactly', async () => {
    const [m] = branch.members;
    const event = await publishedEvent(cloud, branch, 10 * 60_000);
    const before = await call(cloud, 'points.mine', {}, m!);
    await call(cloud, 'checkin.manual', { eventId: event.id, memberId: m!, reason: '现场登记' }, branch.secretary);
    expect(
      errorCode(
        await cloud.api('checkin.manual', { eventId: event.id, memberId: m!, reason: '再登记' }, branch.secretary),
      ),
    ).toBe('ALREADY_CHECKED_IN');
    const after: MyPointsView = await call(cloud, 'points.mine', {}, m!);
    expect(after.total - before.total).toBe(4); // attended +3, on time +1
    expect(after.history.map((h) => h.label).sort()).toEqual(['参加活动', '按时签到']);
    await call(cloud, 'checkin.undo', { eventId: event.id, memberId: m!, reason: '误签' }, branch.secretary);
    const undone = await call(cloud, 'points.mine', {}, m!);
    expect(undone.total).toBe(before.total);
    expect(undone.history.filter((h) => h.reverses !== null)).toHaveLength(2);
    // Checked in again after the undo: a new check-in earns again, once.
    await call(cloud, 'checkin.manual', { eventId: event.id, memberId: m!, reason: '确认到场' }, branch.secretary);
    expect((await call(cloud, 'points.mine', {}, m!)).total).toBe(before.total + 4);

    // A study check-in withdrawn: its points go back exactly; redoing the same day keeps the cap slot.
    const mid = (await call(cloud, 'points.mine', {}, m!)).total;
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, m!);
    expect((await call(cloud, 'points.mine', {}, m!)).total).toBe(mid + 1);
    await call(cloud, 'study.undo', {}, m!);
    expect((await call(cloud, 'points.mine', {}, m!)).total).toBe(mid);
    expect((await call(cloud, 'study.today', {}, m!)).checkIn).toBeNull();
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, m!);
    expect((await call(cloud, 'points.mine', {}, m!)).total).toBe(mid);
  }, 30_000);

  it('ranks only within the branch and never lists a member who opted out', async () => {
    const [a, b, c] = branch.members;
    for (const who of [a!, b!, c!]) await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, who);
    const event = await publishedEvent(cloud, branch, 10 * 60_000);
    await call(cloud, 'checkin.manual', { eventId: event.id, memberId: b!, reason: '现场登记' }, branch.secretary);
    const other = await makeBranch(cloud, `${branch.id}x`, 1);
    await call(cloud, 'study.checkIn', { title: '学习', minutes: 20 }, other.members[0]!);

    const ranking = await call(cloud, 'points.ranking', {}, a!);
    expect(ranking.rows[0]).toMatchObject({ rank: 1, memberId: b, points: 5 });
    expect(ranking.rows.map((r) => r.memberId)).not.toContain(other.members[0]);
    await call(cloud, 'points.optOut.set', { rankingOptOut: true }, b!);
    const later = await call(cloud, 'points.ranking', {}, a!);
    expect(later.rows.map((r) => r.memberId)).not.toContain(b);
    expect(later.rows.find((r) => r.memberId === a)).toMatchObject({ points: 1 });
    expect((await call(cloud, 'points.ranking', {}, b!)).optedOut).toBe(true);
    expect((await call(cloud, 'points.mine', {}, b!)).rankingOptOut).toBe(true);
  }, 30_000);
});

describe('plans, joint study (联学) and figures', () => {
  it('tracks the 第一议题 and linked 集体学习 attendance, and figures equal the stored facts', async () => {
    const [a, b] = branch.members;
    const month = today().slice(0, 7);
    const lesson = await publishedEvent(cloud, branch, 10 * 60_000, { form: '集体学习', title: '联学：党章' });
    const visit = await publishedEvent(cloud, branch, 10 * 60_000, { form: '志愿服务' });
    const items = [
      { title: '第一议题：最新重要讲话', firstTopic: true },
      { title: '党章第二章', eventIds: [lesson.id] },
    ];
    expect(errorCode(await cloud.api('study.plan.set', { month, items }, a!))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await cloud.api(
          'study.plan.set',
          { month, items: [{ title: '走访', eventIds: [visit.id] }] },
          branch.secretary,
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      errorCode(
        await cloud.api(
          'study.plan.set',
          { month, items: [{ title: 'x' }, { title: 'y', firstTopic: true }] },
          branch.secretary,
        ),
      ),
    ).toBe('INVALID_INPUT');
    const plan = await call(cloud, 'study.plan.set', { month, items }, branch.secretary);
    const [first, second] = plan.items;
    // Reordering keeps the ids.
    const reordered = await call(
      cloud,
      'study.plan.set',
      {
        month,
        items: [
          { ...items[0]!, id: first!.id },
          { ...items[1]!, id: second!.id },
        ],
      },
      branch.secretary,
    );
    expect(reordered.items.map((i) => i.id)).toEqual([first!.id, second!.id]);

    const done = await call(cloud, 'study.checkIn', { planItemId: first!.id, minutes: 40 }, a!);
    expect(done.checkIn.title).toBe('第一议题：最新重要讲话');
    expect(done.pointsAwarded).toBe(3); // 打卡 +1, 第一议题 +2
    await call(cloud, 'checkin.manual', { eventId: lesson.id, memberId: b!, reason: '现场登记' }, branch.secretary);
    expect((await call(cloud, 'study.today', {}, b!)).studiedItemIds).toEqual([second!.id]);
    expect((await call(cloud, 'study.today', {}, a!)).plans[0]!.items.map((i) => i.id)).toEqual([
      first!.id,
      second!.id,
    ]);

    expect(errorCode(await cloud.api('study.plan.progress', {}, a!))).toBe('FORBIDDEN');
    const progress = await call(cloud, 'study.plan.progress', {}, branch.secretary);
    expect(progress).toMatchObject({ activeMembers: 8, participants: 1, participationRate: 1 / 8 });
    expect(progress.items[0]!.studied.map((p) => p.memberId)).toEqual([a]);
    expect(progress.items[1]!.studied.map((p) => p.memberId)).toEqual([b]);
    expect(progress.notStudiedFirstTopic.map((p) => p.memberId)).not.toContain(a);
    expect(progress.notStudiedFirstTopic).toHaveLength(7);

    const year = Number(today().slice(0, 4));
    const figures = await call(cloud, 'figures.branch', { branchId: branch.id, year }, branch.secretary);
    const { data: ledger } = await cloud
      .db()
      .collection('pointEntries')
      .where({ branchId: branch.id, year })
      .limit(1000)
      .get();
    const { data: studied } = await cloud
      .db()
      .collection('studyCheckins')
      .where({ branchId: branch.id, status: 'active' })
      .limit(1000)
      .get();
    const total = sumOf(ledger as never);
    expect(figures.study).toEqual({
      activeMembers: 8,
      studyParticipants: new Set((studied as { memberId: string }[]).map((c) => c.memberId)).size,
      studyParticipation: 1 / 8,
      firstTopicMonths: 1,
      firstTopicCoverage: 1 / 8,
      pointsTotal: total,
      pointsAverage: Math.round((total / 8) * 10) / 10,
    });
    expect(total).toBe(3 + 4); // a's study, b's attendance
  }, 30_000);
});

describe('a pairing’s plan, joint study and ranking', () => {
  it('is kept by the pairing, studied by both sides (by check-in or by attending 联学), and ranked within it', async () => {
    const bureau = branch;
    const village = await makeBranch(cloud, `${branch.id}v`, 2);
    const outside = await makeBranch(cloud, `${branch.id}o`, 1);
    const proposed = await call(
      cloud,
      'pairing.propose',
      {
        partnerIds: [village.id],
        name: '机关—村 结对',
        kind: 'pairing',
        termStart: '2026-01-01',
        termEnd: '2028-12-31',
      },
      bureau.secretary,
    );
    await call(cloud, 'pairing.respond', { pairingId: proposed.id, accept: true }, village.secretary);
    const owner = { kind: 'pairing' as const, id: proposed.id };
    const joint = await publishedEvent(cloud, bureau, 10 * 60_000, {
      owner,
      form: '集体学习',
      title: '联学：千万工程',
    });
    const month = today().slice(0, 7);
    const plan = await call(
      cloud,
      'study.plan.set',
      { owner, month, items: [{ title: '联学：“千万工程”经验', firstTopic: true, eventIds: [joint.id] }] },
      village.secretary,
    );
    const itemId = plan.items[0]!.id;
    expect(errorCode(await cloud.api('study.plan.set', { owner, month, items: [] }, bureau.members[0]!))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await cloud.api('study.plan.get', { owner }, outside.members[0]!))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('study.checkIn', { planItemId: itemId, minutes: 30 }, outside.members[0]!))).toBe(
      'NOT_FOUND',
    );

    const [b0] = bureau.members;
    const [v0] = village.members;
    await call(cloud, 'study.checkIn', { planItemId: itemId, minutes: 30 }, b0!);
    await call(cloud, 'checkin.manual', { eventId: joint.id, memberId: v0!, reason: '现场登记' }, bureau.secretary);
    const seen = await call(cloud, 'study.today', {}, v0!);
    expect(seen.plans.map((p) => p.owner)).toEqual([owner]);
    expect(seen.studiedItemIds).toEqual([itemId]);

    const progress = await call(cloud, 'study.plan.progress', { owner }, bureau.secretary);
    expect(progress.activeMembers).toBe(bureau.members.length + 2 + village.members.length + 2);
    expect(progress.items[0]!.studied.map((p) => p.memberId).sort()).toEqual([b0, v0].sort());

    const ranking = await call(cloud, 'points.ranking', { scope: owner }, v0!);
    expect(ranking.rows.slice(0, 2).map((r) => [r.memberId, r.points])).toEqual([
      [v0, 4], // attended +3, on time +1
      [b0, 3], // 打卡 +1, 第一议题 +2
    ]);
    expect(ranking.rows.map((r) => r.memberId)).not.toContain(outside.members[0]);
    expect(errorCode(await cloud.api('points.ranking', { scope: owner }, outside.members[0]!))).toBe('NOT_FOUND');

    const figures = await call(
      cloud,
      'figures.pairing',
      { pairingId: proposed.id, year: Number(month.slice(0, 4)) },
      v0!,
    );
    expect(figures.study).toMatchObject({ studyParticipants: 1, firstTopicMonths: 1, pointsTotal: 7 });
  }, 30_000);
});
