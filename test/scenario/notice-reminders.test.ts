/**
 * The unread-notice reminder (通知未读提醒) through the scheduler's timer and the gateway, against
 * the local cloud's outbox: a day after publication, once to each audience member who has not
 * opened the notice and holds a credit, even when two firings run at once, paged over every
 * audience branch; never to a reader, to a member without a credit, to the author, or for a
 * withdrawn or expired notice; 43101 spends nothing; a 40-character title arrives cut to 20. And what a share card is built from: a withdrawn notice
 * or a pending post is never answered to an audience member who may not see it.
 */
import type { ActionInput, NoticeDetail, PostView } from '../../src/contract';
import type { CommitteeAdminDoc } from '../../src/db/documents';
import type { ReminderDoc, SubscriptionCreditDoc } from '../../src/db/reminder-documents';
import { TEMPLATES } from '../../src/server/reminders/templates';
import { call, DAY, errorCode, HOUR, MINUTE, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { captureIndexWarnings } from './org-support';
import { attended, eventually, requestId, upload } from './post-support';
import { accept, delivered, sends } from './reminder-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
let home: TestBranch;
let partner: TestBranch;

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
  home = await makeBranch(cloud, 'nr-home', 6);
  partner = await makeBranch(cloud, 'nr-partner', 2);
}, 30_000);

const fire = (at: Date) => cloud.fireTimer('scheduler', 'daily', at);
/** A firing this long after now (the notices below are published now). */
const after = (ms: number) => new Date(Date.now() + ms);

async function published(
  title = '关于开展主题党日的通知',
  audience: ActionInput<'notice.create'>['audience'] = { kind: 'branch', id: home.id },
): Promise<NoticeDetail> {
  return call(
    cloud,
    'notice.create',
    { requestId: requestId(), audience, title, body: '请各位党员准时参加。\n地点：三楼会议室' },
    home.secretary,
  );
}

/** The home branch's reminders of the notice (by their ids: `${kind}_${noticeId}_${openid}`). */
async function reminders(noticeId: string): Promise<ReminderDoc[]> {
  const everyone = [...home.members, home.committeeMember, home.secretary];
  const { data } = await cloud
    .db()
    .collection('reminders')
    .where({ _id: cloud.db().command.in(everyone.map((openid) => `noticeUnread_${noticeId}_${openid}`)) })
    .limit(1000)
    .get();
  return data as ReminderDoc[];
}

async function credit(openid: string): Promise<number> {
  const { data } = await cloud.db().collection('subscriptionCredits').doc(`${openid}_noticeUnread`).get();
  return (data as SubscriptionCreditDoc[])[0]?.credits ?? 0;
}

describe('unread notice reminders', () => {
  it('reach each unread member with a credit a day later, exactly once under two concurrent firings', async () => {
    const [reader, noCredit, ...rest] = home.members as [string, string, ...string[]];
    const holders = [...rest, home.committeeMember];
    for (const m of [reader, ...holders]) await accept(cloud, m, ['noticeUnread']);
    await accept(cloud, home.secretary, ['noticeUnread']);
    const notice = await published();
    await call(cloud, 'notice.get', { noticeId: notice.id }, reader);

    // Not before the day is up.
    await fire(after(23 * HOUR));
    expect(await sends(cloud, 'noticeUnread')).toEqual([]);

    await Promise.all([fire(after(DAY + MINUTE)), fire(after(DAY + MINUTE))]);
    const sent = await sends(cloud, 'noticeUnread');
    // Not the reader, not the member without a credit, not the author (the secretary).
    expect(delivered(sent)).toEqual([...holders].sort());
    expect(sent[0]).toMatchObject({
      page: `packages/notices/detail/index?id=${notice.id}`,
      data: {
        thing1: { value: '关于开展主题党日的通知' },
        time2: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
        thing3: { value: '你有一条通知还未阅读，请及时查看' },
      },
    });
    for (const m of holders) expect(await credit(m)).toBe(0);
    expect(await credit(reader)).toBe(1);
    expect(await credit(home.secretary)).toBe(1);
    // Nothing is recorded for those left alone: no audience-wide trail of "no credit".
    expect((await reminders(notice.id)).map((r) => r.openid).sort()).toEqual([...holders].sort());
    expect((await reminders(notice.id)).some((r) => r.openid === noCredit)).toBe(false);

    // Later firings (and a new credit) find nothing new to send for this notice.
    for (const m of holders) await accept(cloud, m, ['noticeUnread']);
    await Promise.all([fire(after(DAY + 10 * MINUTE)), fire(after(DAY + 15 * MINUTE))]);
    expect(await sends(cloud, 'noticeUnread')).toHaveLength(holders.length);
  }, 60_000);

  it('reaches every side of a pairing notice', async () => {
    const pairing = await call(
      cloud,
      'pairing.propose',
      { partnerIds: [partner.id], name: '联建', kind: 'pairing', termStart: '2026-01-01', termEnd: '2028-12-31' },
      home.secretary,
    );
    await call(cloud, 'pairing.respond', { pairingId: pairing.id, accept: true }, partner.secretary);
    const targets = [home.members[0]!, partner.members[0]!, partner.members[1]!];
    for (const m of targets) await accept(cloud, m, ['noticeUnread']);
    await published('联建共建通知', { kind: 'pairing', id: pairing.id });
    await fire(after(DAY + MINUTE));
    expect(delivered(await sends(cloud, 'noticeUnread'))).toEqual([...targets].sort());
  }, 60_000);

  it('pages through an audience larger than one query (1,100 members and another branch)', async () => {
    const big = await makeBranch(cloud, 'nr-big', 1100);
    const committee = 'committee-demo';
    // Around the page boundary (sorted openids) and in the other branch.
    const sorted = [...big.members].sort();
    const holders = [sorted[0]!, sorted[999]!, sorted[1000]!, sorted[1099]!, home.members[0]!];
    const reader = sorted[1001]!;
    for (const m of [...holders, reader]) await accept(cloud, m, ['noticeUnread']);
    // A committee notice from its office reaches every branch of the committee.
    const office = home.members[1]!;
    const admin: Omit<CommitteeAdminDoc, '_id'> = {
      committeeId: committee,
      openid: office,
      name: '组织委员',
      createdAt: new Date(),
    };
    await cloud.db().collection('committeeAdmins').doc(`${committee}_${office}`).set(admin);
    const notice: NoticeDetail = await call(
      cloud,
      'notice.create',
      {
        requestId: requestId(),
        audience: { kind: 'committee', id: committee },
        title: '全体党员通知',
        body: '请阅读。',
      },
      office,
    );
    await call(cloud, 'notice.get', { noticeId: notice.id }, reader);
    await Promise.all([fire(after(DAY + MINUTE)), fire(after(DAY + MINUTE))]);
    expect(delivered(await sends(cloud, 'noticeUnread'))).toEqual([...holders].sort());
  }, 120_000);

  it('spends nothing when WeChat answers 43101, and does not retry it', async () => {
    const [m0, m1] = home.members as [string, string];
    // m0 accepted as far as we know, but WeChat holds no credit for it.
    await call(cloud, 'subscription.record', { results: { [TEMPLATES.noticeUnread.id]: 'accept' } }, m0);
    await accept(cloud, m1, ['noticeUnread']);
    const notice = await published();
    await fire(after(DAY + MINUTE));
    const byMember = new Map((await reminders(notice.id)).map((r) => [r.openid, r]));
    expect(byMember.get(m0)).toMatchObject({ state: 'refused', errcode: 43101 });
    expect(byMember.get(m1)).toMatchObject({ state: 'sent' });
    expect(await credit(m0)).toBe(1);
    expect(await credit(m1)).toBe(0);
    await fire(after(DAY + 40 * MINUTE));
    expect((await sends(cloud, 'noticeUnread')).filter((s) => s.to === m0)).toHaveLength(1);
  }, 60_000);

  it('sends nothing for a withdrawn notice, even when its job was already found', async () => {
    const [m0, m1] = home.members as [string, string];
    await accept(cloud, m0, ['noticeUnread']);
    await accept(cloud, m1, ['noticeUnread']);
    const withdrawn = await published('已撤回的通知');
    await call(cloud, 'notice.withdraw', { noticeId: withdrawn.id }, home.secretary);
    await fire(after(DAY + MINUTE));
    expect(await sends(cloud, 'noticeUnread')).toEqual([]);

    // Withdrawn between the scan and the run: the job finds it no longer shown, and stops.
    const late = await published('稍后撤回的通知');
    await cloud
      .db()
      .collection('reminderJobs')
      .add({
        _id: `noticeUnread_${late.id}`,
        kind: 'noticeUnread',
        subjectId: late.id,
        eventId: null,
        data: {},
        openids: null,
        state: 'pending',
        dueAt: new Date(),
        leaseUntil: 0,
        leaseBy: '',
        cursor: null,
        counts: {},
        createdBy: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    await call(cloud, 'notice.withdraw', { noticeId: late.id }, home.secretary);
    await fire(after(MINUTE));
    expect(await sends(cloud, 'noticeUnread')).toEqual([]);
    expect(await credit(m0)).toBe(1);
  }, 60_000);

  it('sends nothing for a notice expired by then; an edited one is reminded of under its new title', async () => {
    const m0 = home.members[0]!;
    await accept(cloud, m0, ['noticeUnread']);
    await call(
      cloud,
      'notice.create',
      {
        requestId: requestId(),
        audience: { kind: 'branch', id: home.id },
        title: '当天有效的通知',
        body: '今天下班前交材料。',
        expiresAt: after(6 * HOUR).toISOString(),
      },
      home.secretary,
    );
    const edited = await published('原标题');
    await call(
      cloud,
      'notice.update',
      {
        noticeId: edited.id,
        title: '更新后的标题',
        body: '内容有更新。',
        attachments: [],
        pinned: false,
        expiresAt: null,
      },
      home.secretary,
    );
    await fire(after(DAY + MINUTE));
    const sent = await sends(cloud, 'noticeUnread');
    expect(sent.map((s) => s.data.thing1?.value)).toEqual(['更新后的标题']);
    expect(sent[0]?.page).toBe(`packages/notices/detail/index?id=${edited.id}`);
  }, 60_000);

  it('cuts a 40-character Chinese title to 20 characters, so the send succeeds', async () => {
    const title = '学习贯彻党的二十届三中全会精神暨深化改革推进中国式现代化主题党日联学联建共建活动';
    expect([...title].length).toBe(40);
    const m0 = home.members[0]!;
    await accept(cloud, m0, ['noticeUnread']);
    await published(title);
    await fire(after(DAY + MINUTE));
    const [sent] = await sends(cloud, 'noticeUnread');
    expect(sent?.errcode).toBe(0);
    expect(sent?.data.thing1?.value).toBe(`${[...title].slice(0, 19).join('')}…`);
  }, 60_000);
});

describe('what share cards are built from', () => {
  it('never answers a withdrawn notice to its audience; only its author still reads it', async () => {
    const notice = await published();
    const member = home.members[0]!;
    expect(errorCode(await cloud.api('notice.get', { noticeId: notice.id }, member))).toBe('ok');
    await call(cloud, 'notice.withdraw', { noticeId: notice.id }, home.secretary);
    expect(errorCode(await cloud.api('notice.get', { noticeId: notice.id }, member))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('notice.get', { noticeId: notice.id }, partner.members[0]!))).toBe('NOT_FOUND');
    const own: NoticeDetail = await call(cloud, 'notice.get', { noticeId: notice.id }, home.secretary);
    expect(own.status).toBe('withdrawn');
  }, 60_000);

  it('never answers a pending or hidden post to a member of its audience; the author and the secretary see it', async () => {
    const eventId = (await publishedEvent(cloud, home, DAY)).id;
    const [author, viewer] = home.members as [string, string];
    await attended(cloud, eventId, author, home.id);
    // A photo WeChat wants a person to look at: the post stays pending for the secretary.
    const photo = await upload(cloud, author, 'post', 'review-photo');
    const post: PostView = await call(
      cloud,
      'post.create',
      { requestId: requestId(), eventId, caption: '学习很有收获', photos: [photo] },
      author,
    );
    expect(post.status).toBe('pending');
    await eventually(
      () => call(cloud, 'post.get', { postId: post.id }, author),
      (p) => p.needsReview,
    );
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, viewer))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, partner.members[0]!))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, author))).toBe('ok');
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, home.secretary))).toBe('ok');

    await call(cloud, 'post.moderate', { postId: post.id, decision: 'approve' }, home.secretary);
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, viewer))).toBe('ok');
    await call(cloud, 'post.moderate', { postId: post.id, decision: 'hide', reason: '照片与活动无关' }, home.secretary);
    expect(errorCode(await cloud.api('post.get', { postId: post.id }, viewer))).toBe('NOT_FOUND');
  }, 60_000);
});
