/**
 * Notices (通知公告) through the gateway and the scheduler's timer: exact audiences (a branch; every
 * side of a pairing the caller leads; every branch of a committee, for its office); receipts
 * exactly once under concurrency; counts and the unread list by branch; editing keeps receipts;
 * withdrawing removes it everywhere; a scheduled notice published once when the timer fires twice;
 * image attachments checked like posts; bad input refused with nothing stored.
 */
import type { ActionInput, NoticeDetail, Page, NoticeSummary } from '../../src/contract';
import type { CommitteeAdminDoc, OrganizationDoc } from '../../src/db/documents';
import { call, errorCode, HOUR, makeBranch, type TestBranch } from './event-support';
import { captureIndexWarnings, countOf } from './org-support';
import { eventually, requestId, upload } from './post-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
let home: TestBranch;
let partner: TestBranch;
let outside: TestBranch;

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
  home = await makeBranch(cloud, 'no-home', 2);
  partner = await makeBranch(cloud, 'no-partner', 2);
  outside = await makeBranch(cloud, 'no-outside', 1);
}, 30_000);

type Audience = ActionInput<'notice.create'>['audience'];

function publish(openid: string, audience: Audience, extra: Partial<ActionInput<'notice.create'>> = {}) {
  return cloud.api(
    'notice.create',
    {
      requestId: requestId(),
      audience,
      title: '关于开展主题党日的通知',
      body: '请各位党员准时参加。\n地点：三楼会议室',
      ...extra,
    },
    openid,
  );
}

async function published(openid: string, audience: Audience, extra: Partial<ActionInput<'notice.create'>> = {}) {
  const result = await publish(openid, audience, extra);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as NoticeDetail;
}

async function listIds(openid: string): Promise<string[]> {
  return (await call(cloud, 'notice.list', {}, openid)).items.map((n: NoticeSummary) => n.id);
}

/** Sees it in the list and may open it; or neither. */
async function expectSees(openid: string, noticeId: string, sees: boolean): Promise<void> {
  expect((await listIds(openid)).includes(noticeId)).toBe(sees);
  expect(errorCode(await cloud.api('notice.get', { noticeId }, openid))).toBe(sees ? 'ok' : 'NOT_FOUND');
}

async function activePairing(a: TestBranch, b: TestBranch): Promise<string> {
  const proposal = {
    partnerIds: [b.id],
    name: `${a.id}×${b.id}`,
    kind: 'pairing' as const,
    termStart: '2026-01-01',
    termEnd: '2028-12-31',
  };
  const pairing = await call(cloud, 'pairing.propose', proposal, a.secretary);
  await call(cloud, 'pairing.respond', { pairingId: pairing.id, accept: true }, b.secretary);
  return pairing.id;
}

describe('audiences', () => {
  it('a branch notice reaches the branch only; only its secretary may publish it', async () => {
    const notice = await published(home.secretary, { kind: 'branch', id: home.id });
    expect(notice).toMatchObject({ status: 'published', canManage: true, edited: false });
    for (const member of [home.members[0]!, home.committeeMember]) await expectSees(member, notice.id, true);
    for (const member of [partner.members[0]!, outside.secretary]) await expectSees(member, notice.id, false);
    expect(errorCode(await cloud.api('notice.get', { noticeId: notice.id }, 'o-stranger'))).toBe('NOT_MEMBER');
    expect(errorCode(await publish(home.members[0]!, { kind: 'branch', id: home.id }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.committeeMember, { kind: 'branch', id: home.id }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.secretary, { kind: 'branch', id: partner.id }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.secretary, { kind: 'branch', id: 'no-such-branch' }))).toBe('FORBIDDEN');
    expect(await countOf(cloud, 'notices', { authorOpenid: home.secretary })).toBe(1);
  });

  it('a pairing notice reaches every side, and no branch outside it; only its leaders may publish', async () => {
    const pairingId = await activePairing(home, partner);
    const otherPairing = await activePairing(outside, await makeBranch(cloud, 'no-third', 1));
    const notice = await published(partner.secretary, { kind: 'pairing', id: pairingId });
    for (const member of [...home.members, ...partner.members]) await expectSees(member, notice.id, true);
    await expectSees(outside.members[0]!, notice.id, false);
    await expectSees('no-third-m0', notice.id, false);
    expect(errorCode(await publish(outside.secretary, { kind: 'pairing', id: pairingId }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.members[0]!, { kind: 'pairing', id: pairingId }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.secretary, { kind: 'pairing', id: otherPairing }))).toBe('FORBIDDEN');
    expect(await countOf(cloud, 'notices', { authorOpenid: outside.secretary })).toBe(0);
  });

  it('a committee notice reaches every branch of the committee and no other, from its office only', async () => {
    const db = cloud.db();
    const otherCommittee: Omit<OrganizationDoc, '_id'> = {
      kind: 'committee',
      name: '另一党委',
      parentId: null,
      createdAt: new Date(),
    };
    await db.collection('organizations').doc('no-committee-2').set(otherCommittee);
    await db.collection('organizations').doc(outside.id).update({ parentId: 'no-committee-2' });
    const office: Omit<CommitteeAdminDoc, '_id'> = {
      committeeId: 'committee-demo',
      openid: home.members[1]!,
      name: '组织委员',
      createdAt: new Date(),
    };
    await db.collection('committeeAdmins').doc(`committee-demo_${home.members[1]!}`).set(office);

    const notice = await published(home.members[1]!, { kind: 'committee', id: 'committee-demo' });
    // makeBranch puts its branches under committee-demo, beside the demo's own branches.
    for (const member of [home.members[0]!, partner.members[0]!, 'demo-member', 'demo-member-3'])
      await expectSees(member, notice.id, true);
    await expectSees(outside.members[0]!, notice.id, false);
    await expectSees('demo-secretary-hongqi', notice.id, false);
    expect(errorCode(await publish(home.secretary, { kind: 'committee', id: 'committee-demo' }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.members[1]!, { kind: 'committee', id: 'no-committee-2' }))).toBe('FORBIDDEN');
    expect(errorCode(await publish(home.members[1]!, { kind: 'committee', id: home.id }))).toBe('FORBIDDEN');
    const audiences = await call(cloud, 'notice.audiences', {}, home.members[1]!);
    expect(audiences.items).toEqual([{ kind: 'committee', id: 'committee-demo', name: expect.any(String) }]);
  });
});

describe('receipts', () => {
  it('records 100 concurrent openings by 100 members as 100 receipts, and 10 by one as 1', async () => {
    const crowd = await makeBranch(cloud, 'no-crowd', 100);
    const notice = await published(crowd.secretary, { kind: 'branch', id: crowd.id });
    const opened = await Promise.all(crowd.members.map((m) => cloud.api('notice.get', { noticeId: notice.id }, m)));
    expect(opened.every((r) => r.ok)).toBe(true);
    const again = await Promise.all(
      Array.from({ length: 10 }, () => cloud.api('notice.get', { noticeId: notice.id }, crowd.committeeMember)),
    );
    expect(again.every((r) => r.ok)).toBe(true);
    expect(await countOf(cloud, 'noticeReads', { noticeId: notice.id, branchId: crowd.id })).toBe(101);
    const receipts = await call(cloud, 'notice.receipts', { noticeId: notice.id }, crowd.secretary);
    expect(receipts.branches).toEqual([
      { branchId: crowd.id, branchName: expect.any(String), members: 102, read: 101 },
    ]);
    expect(receipts.unread).toEqual({ branchId: crowd.id, names: ['书记'] });
    expect(errorCode(await cloud.api('notice.receipts', { noticeId: notice.id }, crowd.members[0]!))).toBe('NOT_FOUND');
  }, 60_000);

  it('counts by branch and lists who has not read it; the unread badge counts down', async () => {
    const pairingId = await activePairing(home, partner);
    const notice = await published(home.secretary, { kind: 'pairing', id: pairingId });
    expect(await call(cloud, 'notice.unread', {}, partner.members[0]!)).toMatchObject({
      count: 1,
      latest: [{ id: notice.id, read: false }],
    });
    await call(cloud, 'notice.get', { noticeId: notice.id }, partner.members[0]!);
    expect(await call(cloud, 'notice.unread', {}, partner.members[0]!)).toEqual({ count: 0, latest: [] });
    const receipts = await call(
      cloud,
      'notice.receipts',
      { noticeId: notice.id, branchId: partner.id },
      home.secretary,
    );
    expect(receipts.branches.map((b) => [b.branchId, b.members, b.read])).toEqual([
      [home.id, 4, 0],
      [partner.id, 4, 1],
    ]);
    expect(receipts.unread.names.sort()).toEqual(['书记', '党员1', '委员'].sort());
    expect(
      errorCode(await cloud.api('notice.receipts', { noticeId: notice.id, branchId: outside.id }, home.secretary)),
    ).toBe('NOT_FOUND');
  });
});

describe('editing and withdrawing', () => {
  it('editing keeps the receipts and marks it edited; withdrawing removes it from every list', async () => {
    const notice = await published(home.secretary, { kind: 'branch', id: home.id }, { pinned: false });
    await call(cloud, 'notice.get', { noticeId: notice.id }, home.members[0]!);
    const edited = await call(
      cloud,
      'notice.update',
      { noticeId: notice.id, title: '时间调整：主题党日改到周六', body: '改到周六上午九点。', pinned: true },
      home.secretary,
    );
    expect(edited).toMatchObject({ edited: true, pinned: true, title: '时间调整：主题党日改到周六' });
    expect(await countOf(cloud, 'noticeReads', { noticeId: notice.id, branchId: home.id })).toBe(1);
    expect(await call(cloud, 'notice.get', { noticeId: notice.id }, home.members[0]!)).toMatchObject({
      edited: true,
      read: true,
    });
    expect(
      errorCode(await cloud.api('notice.update', { noticeId: notice.id, title: 'x', body: 'y' }, home.members[0]!)),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await cloud.api('notice.update', { noticeId: notice.id, title: '【违规】', body: 'y' }, home.secretary),
      ),
    ).toBe('CONTENT_RISKY');

    await call(cloud, 'notice.withdraw', { noticeId: notice.id }, home.secretary);
    await expectSees(home.members[1]!, notice.id, false);
    expect(await call(cloud, 'notice.unread', {}, home.members[1]!)).toEqual({ count: 0, latest: [] });
    expect((await call(cloud, 'notice.mine', {}, home.secretary)).items).toMatchObject([
      { id: notice.id, status: 'withdrawn' },
    ]);
  });

  it('an expired notice leaves the list and the badge', async () => {
    const notice = await published(
      home.secretary,
      { kind: 'branch', id: home.id },
      {
        expiresAt: new Date(Date.now() + HOUR).toISOString(),
      },
    );
    await expectSees(home.members[0]!, notice.id, true);
    const past = new Date(Date.now() - 1000);
    await cloud.db().collection('notices').doc(notice.id).update({ expiresAt: past });
    await cloud.db().collection('noticeFeed').where({ noticeId: notice.id }).update({ expiresAt: past });
    await expectSees(home.members[0]!, notice.id, false);
    expect((await call(cloud, 'notice.unread', {}, home.members[0]!)).count).toBe(0);
  });
});

describe('scheduled publishing', () => {
  it('publishes a scheduled notice once even when the timer fires twice at once', async () => {
    const publishAt = new Date(Date.now() + 2 * HOUR);
    const notice = await published(
      home.secretary,
      { kind: 'branch', id: home.id },
      { publishAt: publishAt.toISOString() },
    );
    expect(notice).toMatchObject({ status: 'scheduled', publishedAt: null });
    await expectSees(home.members[0]!, notice.id, false);
    // Fired before its time: nothing happens.
    const early = await cloud.fireTimer<{ notices: number }>('scheduler', 'daily', new Date(Date.now() + HOUR));
    expect(early.notices).toBe(0);
    // The timer's instant has whole seconds.
    const later = new Date(Math.floor(publishAt.getTime() / 1000) * 1000 + 60_000);
    const runs = await Promise.all([
      cloud.fireTimer<{ notices: number }>('scheduler', 'daily', later),
      cloud.fireTimer<{ notices: number }>('scheduler', 'daily', later),
    ]);
    expect(runs.map((r) => r.notices).reduce((a, b) => a + b, 0)).toBe(1);
    const [mine] = (await call(cloud, 'notice.mine', {}, home.secretary)).items;
    expect(mine).toMatchObject({ status: 'published', publishedAt: later.toISOString() });
    await expectSees(home.members[0]!, notice.id, true);
    const again = await cloud.fireTimer<{ notices: number }>('scheduler', 'daily', later);
    expect(again.notices).toBe(0);
  }, 60_000);
});

describe('attachments and checks', () => {
  it('holds a notice with a photo until its verdict; a risky photo rejects it with a reason', async () => {
    await cloud.contentRules({ mediaDelayMs: 10 });
    const fine = await upload(cloud, home.secretary, 'notice', 'poster', '.png');
    const pdf = await upload(cloud, home.secretary, 'notice', 'rules', '.pdf');
    const notice = await published(
      home.secretary,
      { kind: 'branch', id: home.id },
      {
        attachments: [
          { fileID: fine, name: '海报.png' },
          { fileID: pdf, name: '活动方案.pdf' },
        ],
      },
    );
    expect(notice.status).toBe('checking');
    await expectSees(home.members[0]!, notice.id, false);
    await eventually(
      () => listIds(home.members[0]!),
      (ids) => ids.includes(notice.id),
    );
    const opened = await call(cloud, 'notice.get', { noticeId: notice.id }, home.members[0]!);
    expect(opened.attachments.map((a) => [a.name, a.isImage, a.url !== ''])).toEqual([
      ['海报.png', true, true],
      ['活动方案.pdf', false, true],
    ]);
    // Only the image went to WeChat.
    expect((await cloud.mediaChecks()).map((c) => c.mediaUrl)).toEqual([expect.stringContaining('poster')]);

    const risky = await upload(cloud, home.secretary, 'notice', 'risky', '.jpg');
    const refused = await published(
      home.secretary,
      { kind: 'branch', id: home.id },
      {
        attachments: [{ fileID: risky, name: '照片.jpg' }],
      },
    );
    const decided = await eventually(
      async () => (await call(cloud, 'notice.mine', {}, home.secretary)).items.find((n) => n.id === refused.id),
      (n) => n?.status === 'rejected',
    );
    expect(decided).toMatchObject({ status: 'rejected', reason: expect.stringContaining('照片.jpg') });
    await expectSees(home.members[0]!, refused.id, false);
  });

  it('keeps a notice whose photo verdict never arrives from everyone, and a repeated verdict changes nothing', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const photo = await upload(cloud, home.secretary, 'notice', 'poster', '.jpg');
    const notice = await published(
      home.secretary,
      { kind: 'branch', id: home.id },
      {
        attachments: [{ fileID: photo, name: '海报.jpg' }],
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expectSees(home.members[0]!, notice.id, false);
    expect((await call(cloud, 'notice.unread', {}, home.members[0]!)).count).toBe(0);
    const [check] = await cloud.mediaChecks();
    await cloud.deliverPush(check!.push);
    await expectSees(home.members[0]!, notice.id, true);
    const again = await cloud.deliverPush({ ...check!.push, result: { suggest: 'risky', label: 20002 } });
    expect(again.result).toEqual({ ok: true, outcome: 'ignored' });
    await expectSees(home.members[0]!, notice.id, true);
  });

  it('refuses bad input with stable codes and stores nothing', async () => {
    const mine = await upload(cloud, home.secretary, 'notice', 'n', '.pdf');
    const theirs = await upload(cloud, partner.secretary, 'notice', 't', '.pdf');
    const forPost = await upload(cloud, home.secretary, 'post', 'p', '.jpg');
    const foreign = mine.replace(/^cloud:\/\/[^.]+\./, 'cloud://another-env.');
    const branch = { kind: 'branch' as const, id: home.id };
    const attach = (fileID: string) => ({ attachments: [{ fileID, name: '附件.pdf' }] });
    expect(errorCode(await publish(home.secretary, branch, { title: '长'.repeat(41) }))).toBe('INVALID_INPUT');
    expect(errorCode(await publish(home.secretary, branch, { body: '字'.repeat(5001) }))).toBe('INVALID_INPUT');
    expect(
      errorCode(
        await publish(home.secretary, branch, {
          attachments: Array.from({ length: 6 }, () => ({ fileID: mine, name: 'a.pdf' })),
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(errorCode(await publish(home.secretary, branch, attach(theirs)))).toBe('FILE_INVALID');
    expect(errorCode(await publish(home.secretary, branch, attach(foreign)))).toBe('FILE_INVALID');
    expect(errorCode(await publish(home.secretary, branch, attach(forPost)))).toBe('FILE_INVALID');
    expect(errorCode(await publish(home.secretary, branch, { body: '请大家转发【违规】' }))).toBe('CONTENT_RISKY');
    expect(
      errorCode(await publish(home.secretary, branch, { expiresAt: new Date(Date.now() - HOUR).toISOString() })),
    ).toBe('INVALID_INPUT');
    expect(await countOf(cloud, 'notices', { authorOpenid: home.secretary })).toBe(0);
    // A 5,000-character body with line breaks is fine, and keeps them.
    const long = `第一行\n${'字'.repeat(4990)}\n最后`;
    const ok = await published(home.secretary, branch, { body: long, ...attach(mine) });
    expect((await call(cloud, 'notice.get', { noticeId: ok.id }, home.members[0]!)).body).toBe(long);
  });

  it('a retried create makes one notice', async () => {
    const data = {
      requestId: requestId(),
      audience: { kind: 'branch' as const, id: home.id },
      title: '通知',
      body: '正文',
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => cloud.api('notice.create', data, home.secretary)),
    );
    expect(new Set(answers.map((a) => (a.ok ? (a.data as NoticeDetail).id : a.error.code))).size).toBe(1);
    expect(await countOf(cloud, 'notices', { authorOpenid: home.secretary })).toBe(1);
    const page: Page<NoticeSummary> = await call(cloud, 'notice.list', {}, home.members[0]!);
    expect(page.items).toHaveLength(1);
  });
});
