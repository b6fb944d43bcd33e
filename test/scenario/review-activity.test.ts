/**
 * The review's figures of what members did between sessions, through the gateway: study
 * participation, 第一议题 coverage, points, posts and the notices read rate equal the stored facts
 * made with the real actions (check-ins, a plan, a notice opened, a post published), and their
 * evidence lists name those facts.
 */
import type { FigureValue, ReviewEvidence, ReviewFigures, StudyPlanView } from '../../src/contract';
import { shanghaiDateOf } from '../../src/domain/shanghai-time';
import { call, DAY, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { captureIndexWarnings } from './org-support';
import { attended, requestId, upload } from './post-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
let A: TestBranch;
let B: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  indexWarnings = captureIndexWarnings();
}, 60_000);
afterAll(async () => {
  const warnings = indexWarnings.stop();
  await cloud.stop();
  expect(warnings).toEqual([]);
});
beforeEach(async () => {
  await cloud.reset();
  A = await makeBranch(cloud, 'ra-a', 4);
  B = await makeBranch(cloud, 'ra-b', 2);
}, 30_000);

const today = () => shanghaiDateOf(new Date());
const year = () => Number(today().slice(0, 4));
const month = () => Number(today().slice(5, 7));

async function figures(branch: TestBranch): Promise<Map<string, FigureValue>> {
  const result: ReviewFigures = await call(
    cloud,
    'review.figures',
    { scope: { kind: 'branch', id: branch.id }, year: year() },
    branch.secretary,
  );
  return new Map(result.figures.map((f) => [f.key, f]));
}

const evidence = (branch: TestBranch, key: string): Promise<ReviewEvidence> =>
  call(
    cloud,
    'review.evidence',
    { scope: { kind: 'branch', id: branch.id }, year: year(), figure: key },
    branch.secretary,
  );

describe('member activity in the review', () => {
  it('counts study, 第一议题, points, posts and notices read from the stored facts', async () => {
    // A's roll: secretary, committee member and four members (6); B: 4.
    const plan: StudyPlanView = await call(
      cloud,
      'study.plan.set',
      { month: today().slice(0, 7), items: [{ title: '学习新党章', firstTopic: true }, { title: '廉政微课' }] },
      A.secretary,
    );
    const firstTopic = plan.items[0]!.id;
    await call(cloud, 'study.checkIn', { planItemId: firstTopic, minutes: 30 }, A.members[0]!);
    await call(cloud, 'study.checkIn', { planItemId: firstTopic, minutes: 20 }, A.members[1]!);
    await call(cloud, 'study.checkIn', { title: '自学原著', minutes: 40 }, A.members[2]!);
    await call(cloud, 'study.checkIn', { title: '另一支部的学习', minutes: 40 }, B.members[0]!);

    const notice = await call(
      cloud,
      'notice.create',
      { requestId: requestId(), audience: { kind: 'branch', id: A.id }, title: '本周学习安排', body: '请按时学习。' },
      A.secretary,
    );
    for (const reader of [A.members[0]!, A.members[3]!, A.members[3]!])
      await call(cloud, 'notice.get', { noticeId: notice.id }, reader);

    await cloud.contentRules({ dropMediaVerdicts: true });
    const event = await publishedEvent(cloud, A, DAY);
    await attended(cloud, event.id, A.members[0]!, A.id);
    await call(
      cloud,
      'post.create',
      {
        requestId: requestId(),
        eventId: event.id,
        caption: '活动照片',
        photos: [await upload(cloud, A.members[0]!, 'post')],
      },
      A.members[0]!,
    );
    for (const check of await cloud.mediaChecks()) await cloud.deliverPush(check.push);

    const got = await figures(A);
    const value = (key: string) => got.get(key)?.value;
    const thisMonth = (key: string) => got.get(key)?.byMonth[month() - 1];

    // The year's participation is the mean of its months so far; only this month has check-ins.
    expect(thisMonth('studyParticipation')).toBeCloseTo(3 / 6);
    expect(value('studyParticipation')).toBeCloseTo(3 / (6 * month()));
    expect(value('firstTopicCoverage')).toBeCloseTo(2 / 6);
    expect(value('noticeReadRate')).toBeCloseTo(2 / 6);
    expect(value('posts')).toBe(1);

    const pointsOf = async (openid: string) => (await call(cloud, 'points.mine', {}, openid)).yearTotal;
    let total = 0;
    for (const openid of [A.secretary, A.committeeMember, ...A.members]) total += await pointsOf(openid);
    expect(total).toBeGreaterThan(0);
    expect(value('points')).toBe(total);

    const posts = await evidence(A, 'posts');
    expect(posts.rows.map((r) => r.title)).toEqual([event.title]);
    const reads = await evidence(A, 'noticeReadRate');
    expect(reads.rows).toEqual([expect.objectContaining({ title: '本周学习安排', num: 2, den: 6 })]);
    const topics = await evidence(A, 'firstTopicCoverage');
    expect(topics.rows).toEqual([expect.objectContaining({ title: expect.stringContaining('学习新党章'), num: 2 })]);

    // 首页 asks for this month's 第一议题 only those who have not studied it; 我的记录 counts the year.
    const kinds = async (openid: string) => (await call(cloud, 'home.overview', {}, openid)).tasks.map((t) => t.kind);
    expect(await kinds(A.members[3]!)).toContain('firstTopic');
    expect(await kinds(A.members[0]!)).not.toContain('firstTopic');
    const mine = await call(cloud, 'me.records', { year: year() }, A.members[0]!);
    expect(mine).toMatchObject({
      study: { days: 1, makeUps: 0, minutes: 30 },
      posts: 1,
      points: await pointsOf(A.members[0]!),
    });

    // B's figures count B alone: its one check-in, nothing of A's.
    const other = await figures(B);
    expect(other.get('studyParticipation')?.byMonth[month() - 1]).toBeCloseTo(1 / 4);
    expect(other.get('posts')?.value).toBe(0);
    expect(other.get('noticeReadRate')?.value).toBeNull();
    expect(other.get('firstTopicCoverage')?.value).toBeNull();
  });
});
