/**
 * Posts (活动风采) through the gateway, the local cloud's content checks and the push function:
 * published only when the caption and every photo passed; a risky photo rejects with a reason the
 * author sees; no verdict leaves it pending until a secretary decides; a repeated or unknown
 * verdict changes nothing; outsiders (another branch, another pairing, not a member) never see
 * a pending, rejected or hidden post on any read path; likes are exact under concurrency; bad
 * input stores nothing.
 */
import type { ApiResult, PostPage, PostView } from '../../src/contract';
import type { PostDoc } from '../../src/db/documents';
import { call, DAY, errorCode, eventInput, makeBranch, publishedEvent, type TestBranch } from './event-support';
import { captureIndexWarnings, countOf } from './org-support';
import { attended, eventually, requestId, upload } from './post-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
let home: TestBranch;
let other: TestBranch;
let eventId: string;
let author: string;

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
  home = await makeBranch(cloud, 'po-home', 3);
  other = await makeBranch(cloud, 'po-other', 1);
  eventId = (await publishedEvent(cloud, home, DAY)).id;
  author = home.members[0]!;
  await attended(cloud, eventId, author, home.id);
}, 30_000);

async function post(photos: string[], caption = '今天的学习很有收获', openid = author): Promise<PostView> {
  return call(cloud, 'post.create', { requestId: requestId(), eventId, caption, photos }, openid);
}

const feedIds = async (openid: string, data: Record<string, unknown> = {}): Promise<string[] | string> => {
  const result = await cloud.api('post.feed', data, openid);
  return result.ok ? (result.data as PostPage).items.map((p) => p.id) : result.error.code;
};

const statusOf = async (postId: string): Promise<PostView['status']> =>
  (await call(cloud, 'post.get', { postId }, author)).status;

/** What every kind of outsider gets for the post on every read path. */
async function expectHiddenFromOutsiders(postId: string): Promise<void> {
  for (const outsider of [other.members[0]!, other.secretary]) {
    expect(errorCode(await cloud.api('post.get', { postId }, outsider))).toBe('NOT_FOUND');
    expect(await feedIds(outsider)).not.toContain(postId);
    expect(errorCode(await cloud.api('post.feed', { eventId }, outsider))).toBe('NOT_FOUND');
    expect(errorCode(await cloud.api('post.like', { postId, liked: true }, outsider))).toBe('NOT_FOUND');
  }
  expect(errorCode(await cloud.api('post.get', { postId }, 'o-stranger'))).toBe('NOT_MEMBER');
}

describe('checks and publishing', () => {
  it('stays pending until every photo passed, hidden from everyone but the author and the secretary', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const photos = [await upload(cloud, author, 'post', 'a'), await upload(cloud, author, 'post', 'b')];
    const created = await post(photos);
    expect(created).toMatchObject({ status: 'pending', needsReview: false, mine: true, likes: 0 });
    expect(created.photos.map((p) => p.url)).toEqual([expect.stringContaining('/storage/'), expect.any(String)]);

    // Fellow members of the branch do not see it yet either.
    const fellow = home.members[1]!;
    expect(errorCode(await cloud.api('post.get', { postId: created.id }, fellow))).toBe('NOT_FOUND');
    expect(await feedIds(fellow)).toEqual([]);
    expect(await feedIds(fellow, { eventId })).toEqual([]);
    await expectHiddenFromOutsiders(created.id);
    expect((await call(cloud, 'post.mine', {}, author)).items.map((p) => p.status)).toEqual(['pending']);
    const queue = await call(cloud, 'post.moderation', {}, home.secretary);
    expect(queue.items).toMatchObject([{ id: created.id, canModerate: true, needsReview: false }]);

    // The media checks used temporary https(s) links, never cloud:// ids; one verdict is not enough.
    const checks = await cloud.mediaChecks();
    expect(checks.map((c) => c.mediaUrl)).toEqual([expect.stringMatching(/^http/), expect.stringMatching(/^http/)]);
    await cloud.deliverPush(checks[0]!.push);
    expect(await statusOf(created.id)).toBe('pending');
    await cloud.deliverPush(checks[1]!.push);
    expect(await statusOf(created.id)).toBe('published');
    expect(await feedIds(fellow)).toEqual([created.id]);
    expect(await feedIds(fellow, { eventId })).toEqual([created.id]);
    expect((await call(cloud, 'post.moderation', {}, home.secretary)).items).toEqual([]);
    await expectHiddenFromOutsiders(created.id);
  });

  it('publishes by itself when the verdicts arrive by message push', async () => {
    await cloud.contentRules({ mediaDelayMs: 10 });
    const created = await post([await upload(cloud, author, 'post', 'fine')]);
    const after = await eventually(
      () => statusOf(created.id),
      (status) => status === 'published',
    );
    expect(after).toBe('published');
  });

  it('publishes once when the verdicts of nine photos arrive at the same moment', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const photos = await Promise.all(Array.from({ length: 9 }, (_, i) => upload(cloud, author, 'post', `p${i}`)));
    const created = await post(photos);
    const checks = await cloud.mediaChecks();
    expect(checks).toHaveLength(9);
    const deliveries = await Promise.all(checks.map((check) => cloud.deliverPush(check.push)));
    expect(deliveries.every((d) => (d.result as { outcome?: string }).outcome === 'applied')).toBe(true);
    const doc = (await cloud.db().collection('posts').doc(created.id).get()).data[0] as PostDoc;
    expect(doc.status).toBe('published');
    expect(await countOf(cloud, 'postFeed', { postId: created.id })).toBe(1);
    expect(await feedIds(home.members[1]!)).toEqual([created.id]);
  });

  it('rejects on a risky photo with a reason the author sees, and nobody else sees it', async () => {
    await cloud.contentRules({ mediaDelayMs: 10 });
    const photos = [await upload(cloud, author, 'post', 'ok'), await upload(cloud, author, 'post', 'risky')];
    const created = await post(photos);
    await eventually(
      () => statusOf(created.id),
      (status) => status === 'rejected',
    );
    const [mine] = (await call(cloud, 'post.mine', {}, author)).items;
    expect(mine).toMatchObject({ status: 'rejected', reason: expect.stringContaining('第 2 张图片') });
    expect(errorCode(await cloud.api('post.get', { postId: created.id }, home.members[1]!))).toBe('NOT_FOUND');
    await expectHiddenFromOutsiders(created.id);
    expect((await call(cloud, 'post.moderation', {}, home.secretary)).items).toEqual([]);
  });

  it('changes nothing for a verdict arriving twice or for an unknown trace_id', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await post([await upload(cloud, author, 'post', 'x')]);
    const [check] = await cloud.mediaChecks();
    const first = await cloud.deliverPush(check!.push);
    expect(first.result).toEqual({ ok: true, outcome: 'applied' });
    expect(await statusOf(created.id)).toBe('published');
    // The same verdict again, and a contradicting one for the same trace_id: both ignored.
    const again = await cloud.deliverPush(check!.push);
    const contrary = await cloud.deliverPush({ ...check!.push, result: { suggest: 'risky', label: 20006 } });
    const unknown = await cloud.deliverPush({ ...check!.push, trace_id: 'no-such-trace' });
    for (const delivery of [again, contrary, unknown])
      expect(delivery.result).toEqual({ ok: true, outcome: 'ignored' });
    const doc = (await cloud.db().collection('posts').doc(created.id).get()).data[0] as PostDoc;
    expect(doc).toMatchObject({ status: 'published', likes: 0 });
  });

  it('leaves a post whose verdict never arrives pending; a secretary decides it once the time is up', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await post([await upload(cloud, author, 'post', 'y')]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(created.id)).toBe('pending');
    const approve = { postId: created.id, decision: 'approve' as const };
    expect(errorCode(await cloud.api('post.moderate', approve, home.secretary))).toBe('CONFLICT');
    // 30 minutes later (the deadline moved into the past): it waits for a person, never publishes itself.
    await cloud
      .db()
      .collection('posts')
      .doc(created.id)
      .update({ checkDeadline: new Date(Date.now() - 1000) });
    expect(await statusOf(created.id)).toBe('pending');
    expect((await call(cloud, 'post.moderation', {}, home.secretary)).items).toMatchObject([{ needsReview: true }]);
    expect(errorCode(await cloud.api('post.moderate', approve, home.members[1]!))).toBe('FORBIDDEN');
    expect(errorCode(await cloud.api('post.moderate', approve, other.secretary))).toBe('NOT_FOUND');
    expect(await call(cloud, 'post.moderate', approve, home.secretary)).toMatchObject({ status: 'published' });
    expect(errorCode(await cloud.api('post.moderate', approve, home.secretary))).toBe('ALREADY_DECIDED');
  });

  it('takes down a post approved by hand when a risky verdict arrives late', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await post([await upload(cloud, author, 'post', 'late')]);
    await cloud
      .db()
      .collection('posts')
      .doc(created.id)
      .update({ checkDeadline: new Date(Date.now() - 1000) });
    await call(cloud, 'post.moderate', { postId: created.id, decision: 'approve' }, home.secretary);
    expect(await feedIds(home.members[1]!)).toEqual([created.id]);
    const [check] = await cloud.mediaChecks();
    await cloud.deliverPush({ ...check!.push, result: { suggest: 'risky', label: 20002 } });
    expect(await call(cloud, 'post.get', { postId: created.id }, author)).toMatchObject({
      status: 'hidden',
      reason: '图片未通过内容安全检测',
    });
    expect(await feedIds(home.members[1]!)).toEqual([]);
  });

  it('resumes the photo checks when a create that failed half-way is retried', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const data = { requestId: requestId(), eventId, photos: [await upload(cloud, author, 'post', 'again')] };
    await cloud.failNext('security.mediaCheckAsync', 45009);
    expect(errorCode(await cloud.api('post.create', data, author))).toBe('INTERNAL');
    expect(await cloud.mediaChecks()).toEqual([]);
    const retried = await call(cloud, 'post.create', data, author);
    const checks = await cloud.mediaChecks();
    expect(checks).toHaveLength(1);
    await cloud.deliverPush(checks[0]!.push);
    expect(await statusOf(retried.id)).toBe('published');
    expect(await countOf(cloud, 'posts', { authorOpenid: author })).toBe(1);
  });

  it('holds a caption needing review for a secretary, who may reject it with a reason', async () => {
    await cloud.contentRules({ mediaDelayMs: 10 });
    const created = await post([await upload(cloud, author, 'post', 'z')], '活动心得【待审】');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await call(cloud, 'post.get', { postId: created.id }, author)).toMatchObject({
      status: 'pending',
      needsReview: true,
    });
    const rejected = await call(
      cloud,
      'post.moderate',
      { postId: created.id, decision: 'reject', reason: '内容与活动无关' },
      home.secretary,
    );
    expect(rejected).toMatchObject({ status: 'rejected', reason: '内容与活动无关' });
    await expectHiddenFromOutsiders(created.id);
  });

  it('lets a secretary hide a published post with a reason the author sees; it leaves every feed', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await post([await upload(cloud, author, 'post', 'h')]);
    for (const check of await cloud.mediaChecks()) await cloud.deliverPush(check.push);
    expect(await feedIds(home.members[1]!)).toEqual([created.id]);
    await call(
      cloud,
      'post.moderate',
      { postId: created.id, decision: 'hide', reason: '照片涉及个人隐私' },
      home.secretary,
    );
    expect(await call(cloud, 'post.get', { postId: created.id }, author)).toMatchObject({
      status: 'hidden',
      reason: '照片涉及个人隐私',
    });
    expect(await feedIds(home.members[1]!)).toEqual([]);
    expect(await feedIds(home.members[1]!, { eventId })).toEqual([]);
    expect(errorCode(await cloud.api('post.get', { postId: created.id }, home.members[1]!))).toBe('NOT_FOUND');
    await expectHiddenFromOutsiders(created.id);
  });
});

describe('points for a post', () => {
  const points = async () => call(cloud, 'points.mine', {}, author);

  it('awards the author once when the post is published and takes it back when a secretary hides it', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const before = (await points()).total;
    const created = await post([await upload(cloud, author, 'post', 'pt')]);
    expect((await points()).total).toBe(before); // pending: nothing yet
    const [check] = await cloud.mediaChecks();
    await cloud.deliverPush(check!.push);
    await cloud.deliverPush(check!.push); // a verdict delivered twice awards nothing more
    const published = await points();
    expect(published.total).toBe(before + 1);
    expect(published.history[0]).toMatchObject({ rule: 'post.published', points: 1 });
    await call(cloud, 'post.moderate', { postId: created.id, decision: 'hide', reason: '重复发布' }, home.secretary);
    const hidden = await points();
    expect(hidden.total).toBe(before);
    expect(hidden.history[0]).toMatchObject({ rule: 'post.published', points: -1 });
  });

  it('awards nothing for a rejected post', async () => {
    await cloud.contentRules({ mediaDelayMs: 10 });
    const before = (await points()).total;
    const created = await post([await upload(cloud, author, 'post', 'risky')]);
    const status = await eventually(
      () => statusOf(created.id),
      (s) => s === 'rejected',
    );
    expect(status).toBe('rejected');
    expect((await points()).total).toBe(before);
  });
});

describe('pairing posts', () => {
  it('reach both sides of the pairing and no other pairing or branch', async () => {
    const partner = await makeBranch(cloud, 'po-partner', 1);
    const proposal = {
      partnerIds: [partner.id],
      name: '结对',
      kind: 'pairing' as const,
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
    };
    const pairing = await call(cloud, 'pairing.propose', proposal, home.secretary);
    await call(cloud, 'pairing.respond', { pairingId: pairing.id, accept: true }, partner.secretary);
    // another pairing the outsider branch is in
    const third = await makeBranch(cloud, 'po-third', 1);
    const otherPairing = await call(cloud, 'pairing.propose', { ...proposal, partnerIds: [third.id] }, other.secretary);
    await call(cloud, 'pairing.respond', { pairingId: otherPairing.id, accept: true }, third.secretary);

    const joint = await call(
      cloud,
      'event.create',
      eventInput(DAY, { owner: { kind: 'pairing', id: pairing.id } }),
      home.secretary,
    );
    await call(cloud, 'event.publish', { eventId: joint.id }, home.secretary);
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await call(
      cloud,
      'post.create',
      { requestId: requestId(), eventId: joint.id, photos: [await upload(cloud, home.secretary, 'post', 'j')] },
      home.secretary,
    );
    for (const check of await cloud.mediaChecks()) await cloud.deliverPush(check.push);
    expect(await feedIds(partner.members[0]!)).toEqual([created.id]);
    expect(await feedIds(partner.members[0]!, { pairingId: pairing.id })).toEqual([created.id]);
    expect(await feedIds(home.members[1]!, { pairingId: pairing.id })).toEqual([created.id]);
    for (const outsider of [other.members[0]!, third.members[0]!]) {
      expect(await feedIds(outsider)).toEqual([]);
      expect(await feedIds(outsider, { pairingId: pairing.id })).toBe('NOT_FOUND');
      expect(errorCode(await cloud.api('post.get', { postId: created.id }, outsider))).toBe('NOT_FOUND');
    }
  });
});

describe('likes', () => {
  it('counts 100 concurrent likes exactly, one per member however often they tap', async () => {
    const crowd = await makeBranch(cloud, 'po-crowd', 100);
    const event = await publishedEvent(cloud, crowd, DAY);
    await cloud.contentRules({ dropMediaVerdicts: true });
    const created = await call(
      cloud,
      'post.create',
      { requestId: requestId(), eventId: event.id, photos: [await upload(cloud, crowd.secretary, 'post', 'c')] },
      crowd.secretary,
    );
    for (const check of await cloud.mediaChecks()) await cloud.deliverPush(check.push);
    const results = await Promise.all(
      crowd.members.map((member) => cloud.api('post.like', { postId: created.id, liked: true }, member)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    const repeated = await Promise.all(
      Array.from({ length: 10 }, () => cloud.api('post.like', { postId: created.id, liked: true }, crowd.secretary)),
    );
    expect(repeated.every((r) => r.ok)).toBe(true);
    const view = await call(cloud, 'post.get', { postId: created.id }, crowd.secretary);
    expect(view).toMatchObject({ likes: 101, likedByMe: true });
    expect(await countOf(cloud, 'postLikes', { postId: created.id })).toBe(101);
    await Promise.all(
      Array.from({ length: 3 }, () => cloud.api('post.like', { postId: created.id, liked: false }, crowd.secretary)),
    );
    expect(await call(cloud, 'post.get', { postId: created.id }, crowd.members[0]!)).toMatchObject({
      likes: 100,
      likedByMe: true,
    });
  }, 60_000);
});

describe('creating', () => {
  it('never makes a second post when the same request is retried, even at once', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const photos = [await upload(cloud, author, 'post', 'r1'), await upload(cloud, author, 'post', 'r2')];
    const data = { requestId: requestId(), eventId, caption: '重试', photos };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.api('post.create', data, author)));
    const ids = new Set(answers.map((a) => (a.ok ? (a.data as PostView).id : a.error.code)));
    expect(ids.size).toBe(1);
    expect(await countOf(cloud, 'posts', { authorOpenid: author })).toBe(1);
    // One check per photo, however many retries raced.
    expect(await cloud.mediaChecks()).toHaveLength(2);
    expect(await countOf(cloud, 'mediaChecks', { targetId: [...ids][0] })).toBe(2);
  });

  it('refuses bad input with stable codes and stores nothing', async () => {
    const mine = await upload(cloud, author, 'post', 'mine');
    const theirs = await upload(cloud, home.members[1]!, 'post', 'theirs');
    const forAgreement = await upload(cloud, author, 'agreement', 'agr');
    const foreign = mine.replace(/^cloud:\/\/[^.]+\./, 'cloud://another-env.');
    const attempt = (data: Record<string, unknown>, openid = author): Promise<ApiResult<unknown>> =>
      cloud.api('post.create', { requestId: requestId(), eventId, photos: [mine], ...data } as never, openid);
    expect(errorCode(await attempt({ photos: Array.from({ length: 10 }, () => mine) }))).toBe('INVALID_INPUT');
    expect(errorCode(await attempt({ caption: '字'.repeat(600) }))).toBe('INVALID_INPUT');
    expect(errorCode(await attempt({ photos: [foreign] }))).toBe('FILE_INVALID');
    expect(errorCode(await attempt({ photos: [theirs] }))).toBe('FILE_INVALID');
    expect(errorCode(await attempt({ photos: [forAgreement] }))).toBe('FILE_INVALID');
    expect(errorCode(await attempt({ photos: [mine, mine] }))).toBe('INVALID_INPUT');
    expect(errorCode(await attempt({ caption: '【违规】' }))).toBe('CONTENT_RISKY');
    expect(errorCode(await attempt({}, home.members[1]!))).toBe('NOT_ATTENDED');
    expect(errorCode(await attempt({}, other.members[0]!))).toBe('NOT_ATTENDED');
    expect(errorCode(await attempt({ eventId: 'no-such-event' }))).toBe('NOT_ATTENDED');
    await cloud.failNext('security.mediaCheckAsync', 45009);
    expect(errorCode(await attempt({}))).toBe('INTERNAL');
    // Only the last (good) request stored a post: pending, its failed check given back for a retry.
    expect(await countOf(cloud, 'posts', { authorOpenid: author })).toBe(1);
    expect(await countOf(cloud, 'posts', { authorOpenid: home.members[1]! })).toBe(0);
    expect(await cloud.mediaChecks()).toEqual([]);
    const [pending] = (await call(cloud, 'post.mine', {}, author)).items;
    expect(pending).toMatchObject({ status: 'pending' });
    expect(await countOf(cloud, 'mediaChecks', { targetId: pending!.id })).toBe(0);
  });

  it('lists the events the caller attended or organised for the composer', async () => {
    // The test event has not started yet; the demo's joint day a week ago was attended by 王芳.
    expect((await call(cloud, 'post.events', {}, author)).items).toEqual([]);
    const demo = await call(cloud, 'post.events', {}, 'demo-member');
    // The joint theme day, and the sessions of the demo year (src/demo/demo-review.ts) 王芳 attended.
    expect(demo.items.map((e) => e.id)).toContain('demo-joint-tea');
    expect(demo.items.every((e) => e.id === 'demo-joint-tea' || e.id.startsWith('demo-rv-'))).toBe(true);
    expect((await call(cloud, 'post.events', {}, 'demo-member-3')).items).toEqual([]);
  });
});

describe('the push function', () => {
  it('refuses a call from the mini-program or without a message push', async () => {
    const forged = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass' } };
    expect(await cloud.callFunction('push', forged, { openid: author })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const delivery = await cloud.deliverPush({ MsgType: 'event', Event: 'wxa_media_check' });
    expect(delivery.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
