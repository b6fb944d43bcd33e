/**
 * The first-run flow through the function gateway and the real `api` bundle: preview an invite,
 * join, see yourself as a member; every way an invite can be wrong; and concurrency on the
 * last uses of a code.
 */
import { DEMO } from '../../src/demo/demo';
import type { ApiResult, MeView, MemberProfile } from '../../src/contract';
import type { InviteCodeDoc, MemberDoc } from '../../src/db/documents';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
beforeAll(async () => {
  cloud = await startApiCloud();
}, 60_000);
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

const errorCode = (result: ApiResult<unknown>) => (result.ok ? 'ok' : result.error.code);

async function invite(code: string): Promise<InviteCodeDoc> {
  const { data } = await cloud.db().collection('inviteCodes').doc(code).get();
  return (data as InviteCodeDoc[])[0]!;
}

async function memberDoc(openid: string): Promise<MemberDoc | undefined> {
  const { data } = await cloud.db().collection('members').doc(openid).get();
  return (data as MemberDoc[])[0];
}

describe('joining a branch with an invite code', () => {
  it('previews the branch, joins, and is then a member', async () => {
    const me0 = await cloud.api('member.me', {}, 'o-newcomer');
    expect(me0).toEqual({ ok: true, data: { member: null } });

    // Typed in lower case with a space, as people do.
    const preview = await cloud.api('invite.preview', { code: ' lj2026' }, 'o-newcomer');
    expect(preview).toMatchObject({
      ok: true,
      data: {
        code: 'LJ2026',
        branch: { id: DEMO.branches.finance, name: '县财政局机关党支部', committeeName: '示范县直属机关工委' },
      },
    });

    const joined = await cloud.api('member.join', { code: 'LJ2026', name: ' 刘洋 ' }, 'o-newcomer');
    expect(joined).toMatchObject({
      ok: true,
      data: { name: '刘洋', role: 'member', branch: { id: DEMO.branches.finance } },
    });

    const me = (await cloud.api('member.me', {}, 'o-newcomer')) as { ok: true; data: MeView };
    expect(me.data.member).toEqual((joined as { data: MemberProfile }).data);
    expect(await memberDoc('o-newcomer')).toMatchObject({
      branchId: DEMO.branches.finance,
      status: 'active',
      joinedVia: 'LJ2026',
    });
    expect((await invite('LJ2026')).usedCount).toBe(1);
  });

  it.each([
    ['NOPE99', 'INVITE_INVALID', '邀请码不存在'],
    [DEMO.expiredInviteCode, 'INVITE_EXPIRED', '已过期'],
    [DEMO.usedUpInviteCode, 'INVITE_EXHAUSTED', '次数已满'],
  ])('refuses code %s with %s', async (code, expected, message) => {
    const preview = await cloud.api('invite.preview', { code }, 'o-newcomer');
    const join = await cloud.api('member.join', { code, name: '刘洋' }, 'o-newcomer');
    for (const result of [preview, join]) {
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(result.ok ? '' : result.error.message).toContain(message);
    }
    expect(await memberDoc('o-newcomer')).toBeUndefined();
  });

  it('refuses a revoked code', async () => {
    await cloud.db().collection('inviteCodes').doc(DEMO.inviteCode).update({ revokedAt: new Date() });
    expect(errorCode(await cloud.api('member.join', { code: DEMO.inviteCode, name: '刘洋' }, 'o-newcomer'))).toBe(
      'INVITE_REVOKED',
    );
  });

  it('refuses a second membership and leaves the code untouched', async () => {
    const result = await cloud.api('member.join', { code: DEMO.inviteCode, name: '王芳' }, DEMO.memberOpenid);
    expect(errorCode(result)).toBe('ALREADY_MEMBER');
    expect((await invite(DEMO.inviteCode)).usedCount).toBe(0);
    expect(await memberDoc(DEMO.memberOpenid)).toMatchObject({ name: '王芳', role: 'member' });
  });

  it('lets exactly maxUses people in when many race for the last uses', async () => {
    await cloud.db().collection('inviteCodes').doc(DEMO.inviteCode).update({ maxUses: 5 });
    const openids = Array.from({ length: 20 }, (_, i) => `o-racer-${i}`);
    const results = await Promise.all(
      openids.map((openid) => cloud.api('member.join', { code: DEMO.inviteCode, name: '参赛者' }, openid)),
    );
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'INVITE_EXHAUSTED')).toBe(true);
    expect((await invite(DEMO.inviteCode)).usedCount).toBe(5);
    const members = await Promise.all(openids.map(memberDoc));
    expect(members.filter(Boolean)).toHaveLength(5);
  }, 60_000);

  it('lets 100 people join with one code in the same moment, none refused, the count exact', async () => {
    await cloud.db().collection('inviteCodes').doc(DEMO.inviteCode).update({ maxUses: 200 });
    const openids = Array.from({ length: 100 }, (_, i) => `o-crowd-${i}`);
    const results = await Promise.all(
      openids.map((openid) => cloud.api('member.join', { code: DEMO.inviteCode, name: '新党员' }, openid)),
    );
    expect(results.map(errorCode).filter((c) => c !== 'ok')).toEqual([]);
    expect((await invite(DEMO.inviteCode)).usedCount).toBe(100);
    expect((await Promise.all(openids.map(memberDoc))).every((m) => m?.status === 'active')).toBe(true);
  }, 60_000);

  it('slows down guessing: 20 code look-ups a minute per caller, then RATE_LIMITED for that caller only', async () => {
    const guesses = Array.from({ length: 25 }, (_, i) => `GUESS${String(i).padStart(2, '0')}`);
    // The limit counts per clock minute: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const codes = [];
    for (const code of guesses) codes.push(errorCode(await cloud.api('invite.preview', { code }, 'o-guesser')));
    expect(codes.slice(0, 20).every((c) => c === 'INVITE_INVALID')).toBe(true);
    expect(codes.slice(20)).toEqual(Array(5).fill('RATE_LIMITED'));
    // Even the right code is refused to the guesser this minute; others are not slowed.
    expect(errorCode(await cloud.api('invite.preview', { code: DEMO.inviteCode }, 'o-guesser'))).toBe('RATE_LIMITED');
    expect(errorCode(await cloud.api('invite.preview', { code: DEMO.inviteCode }, 'o-someone-else'))).toBe('ok');
  }, 60_000);

  it('counts one use when the same person taps join many times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        cloud.api('member.join', { code: DEMO.inviteCode, name: '刘洋' }, 'o-double-tap'),
      ),
    );
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'ALREADY_MEMBER')).toBe(true);
    expect((await invite(DEMO.inviteCode)).usedCount).toBe(1);
  }, 60_000);
});
