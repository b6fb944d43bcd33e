/**
 * Branch membership through the function gateway: invite codes (with approval, revoked, as a
 * mini-program code), approving and removing members, handing over the secretary role, leaving,
 * transferring with both secretaries' consent, the history that stays, and a committee office
 * managing the organisations under it.
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import type {
  InviteQrCode,
  InviteView,
  MembershipEventView,
  MemberRow,
  MeView,
  OrgView,
  Page,
  TransferView,
} from '../../src/contract';
import type { MemberDoc } from '../../src/db/documents';
import { captureIndexWarnings, codeOf, dataOf, docOf } from './org-support';
import { startApiCloud, type ApiCloud } from './support';

const LI = DEMO.secretaryOpenid;
const WANG = DEMO.memberOpenid;
const CHEN = 'demo-member-2';
const SUN = 'demo-member-4';
const ZHAO = 'demo-member-3';
const ZHANG = 'demo-secretary-hongqi';
const OFFICE = DEMO_PAIRING.officeOpenid;
const { finance, agriculture, hongqi } = DEMO.branches;

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
beforeAll(async () => {
  cloud = await startApiCloud();
  indexWarnings = captureIndexWarnings();
}, 60_000);
afterAll(async () => {
  const warnings = indexWarnings.stop();
  await cloud.stop();
  expect(warnings).toEqual([]);
});
beforeEach(() => cloud.reset());

const member = (openid: string) => docOf<MemberDoc>(cloud, 'members', openid);
const history = async (openid: string, as = openid) =>
  dataOf<Page<MembershipEventView>>(await cloud.api('member.history', { memberId: openid }, as)).items.map((e) => [
    e.kind,
    e.branchName,
  ]);

describe('invite codes', () => {
  it('are created, listed and revoked by the secretary; a revoked code no longer admits', async () => {
    const invite = dataOf<InviteView>(await cloud.api('invite.create', { expiresInDays: 7, maxUses: 3 }, LI));
    expect(invite).toMatchObject({
      branchId: finance,
      maxUses: 3,
      usedCount: 0,
      state: 'usable',
      requiresApproval: false,
    });
    expect(invite.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const listed = dataOf<Page<InviteView>>(await cloud.api('invite.list', { limit: 2 }, LI));
    expect(listed.items[0]!.code).toBe(invite.code);
    expect(listed.nextOffset).toBe(2);

    // Another branch's secretary cannot revoke it; a member cannot create codes at all.
    expect(codeOf(await cloud.api('invite.revoke', { code: invite.code }, ZHANG))).toBe('INVITE_INVALID');
    expect(codeOf(await cloud.api('invite.create', {}, WANG))).toBe('FORBIDDEN');
    expect(dataOf<InviteView>(await cloud.api('invite.revoke', { code: invite.code }, LI)).state).toBe('revoked');
    expect(codeOf(await cloud.api('member.join', { code: invite.code, name: '刘洋' }, 'o-new'))).toBe('INVITE_REVOKED');
    expect(await member('o-new')).toBeUndefined();
  });

  it('are shared as a mini-program code stored in cloud storage', async () => {
    const qr = dataOf<InviteQrCode>(await cloud.api('invite.qrcode', { code: DEMO.inviteCode }, LI));
    const sent = await cloud.outbox('wxacode.getUnlimited');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toMatchObject({ scene: `code=${DEMO.inviteCode}`, page: 'packages/member/join/index' });
    expect(qr.fileID).toMatch(/^cloud:\/\/lianjian-local\./);
    const png = Buffer.from(await (await fetch(qr.url)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Asked again, the stored image is reused.
    expect(dataOf<InviteQrCode>(await cloud.api('invite.qrcode', { code: DEMO.inviteCode }, LI)).fileID).toBe(
      qr.fileID,
    );
    expect(await cloud.outbox('wxacode.getUnlimited')).toHaveLength(1);
    expect(codeOf(await cloud.api('invite.qrcode', { code: DEMO.expiredInviteCode }, LI))).toBe('INVITE_EXPIRED');
  });
});

describe('joining with approval', () => {
  async function requestJoin(openid: string): Promise<void> {
    const { code } = dataOf<InviteView>(await cloud.api('invite.create', { requiresApproval: true }, LI));
    const joined = await cloud.api('member.join', { code, name: '刘洋' }, openid);
    expect(joined).toMatchObject({ ok: true, data: { name: '刘洋', pendingApproval: true } });
  }

  it('waits for the secretary, who approves', async () => {
    await requestJoin('o-new');
    expect(dataOf<MeView>(await cloud.api('member.me', {}, 'o-new'))).toMatchObject({
      member: null,
      pendingJoin: { branch: { id: finance } },
    });
    // Pending is not membership: the router treats them as not joined.
    expect(codeOf(await cloud.api('pairing.list', {}, 'o-new'))).toBe('NOT_MEMBER');
    expect(codeOf(await cloud.api('member.list', { status: 'pending' }, WANG))).toBe('FORBIDDEN');
    const pending = dataOf<Page<MemberRow>>(await cloud.api('member.list', { status: 'pending' }, LI));
    expect(pending.items.map((m) => [m.id, m.status])).toEqual([
      ['o-new', 'pending'],
      [DEMO_PAIRING.applicantOpenid, 'pending'],
    ]);
    // Only the branch's own secretary decides.
    expect(codeOf(await cloud.api('member.approve', { memberId: 'o-new' }, ZHANG))).toBe('NOT_FOUND');

    expect(dataOf<MemberRow>(await cloud.api('member.approve', { memberId: 'o-new' }, LI))).toMatchObject({
      status: 'active',
      role: 'member',
    });
    expect(dataOf<MeView>(await cloud.api('member.me', {}, 'o-new')).member).toMatchObject({ name: '刘洋' });
    expect(await history('o-new')).toEqual([
      ['approved', '县财政局机关党支部'],
      ['requested', '县财政局机关党支部'],
    ]);
    // The page shows 经办 only where someone else acted: the secretary approved, the member asked.
    const lines = dataOf<Page<MembershipEventView>>(await cloud.api('member.history', {}, 'o-new')).items;
    expect(lines.map((e) => [e.kind, e.bySelf])).toEqual([
      ['approved', false],
      ['requested', true],
    ]);
    expect(codeOf(await cloud.api('member.approve', { memberId: 'o-new' }, LI))).toBe('NOT_FOUND');
  });

  it('or rejects', async () => {
    await requestJoin('o-new');
    expect(codeOf(await cloud.api('member.reject', { memberId: 'o-new', reason: '非本单位党员' }, LI))).toBe('ok');
    expect(await member('o-new')).toMatchObject({ status: 'rejected' });
    expect(dataOf<MeView>(await cloud.api('member.me', {}, 'o-new'))).toEqual({ member: null });
  });
});

describe('roles and leaving', () => {
  it('hands the secretary role over in one step', async () => {
    expect(dataOf<MemberRow>(await cloud.api('member.handOver', { memberId: CHEN }, LI))).toMatchObject({
      id: CHEN,
      role: 'secretary',
    });
    expect([(await member(LI))!.role, (await member(CHEN))!.role]).toEqual(['committeeMember', 'secretary']);
    expect(codeOf(await cloud.api('invite.create', {}, LI))).toBe('FORBIDDEN');
    expect(codeOf(await cloud.api('invite.create', {}, CHEN))).toBe('ok');
  });

  it('lets the secretary name committee members but not appoint a secretary', async () => {
    expect(
      dataOf<MemberRow>(await cloud.api('member.setRole', { memberId: WANG, role: 'committeeMember' }, LI)).role,
    ).toBe('committeeMember');
    expect(codeOf(await cloud.api('member.setRole', { memberId: WANG, role: 'secretary' }, LI))).toBe('FORBIDDEN');
    expect(codeOf(await cloud.api('member.setRole', { memberId: ZHAO, role: 'committeeMember' }, LI))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await cloud.api('member.setRole', { memberId: SUN, role: 'committeeMember' }, WANG))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets the committee office appoint a secretary, demoting the previous one', async () => {
    dataOf(await cloud.api('member.setRole', { memberId: WANG, role: 'secretary' }, OFFICE));
    expect([(await member(WANG))!.role, (await member(LI))!.role]).toEqual(['secretary', 'committeeMember']);
    expect(codeOf(await cloud.api('member.setRole', { memberId: ZHANG, role: 'member' }, OFFICE))).toBe('NOT_FOUND');
  });

  it('removes a member and keeps their history; a secretary must hand over before leaving', async () => {
    expect(codeOf(await cloud.api('member.remove', { memberId: SUN, reason: '组织关系已转出' }, WANG))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await cloud.api('member.remove', { memberId: SUN, reason: '组织关系已转出' }, LI))).toBe('ok');
    expect(await member(SUN)).toMatchObject({ status: 'removed' });
    expect(await history(SUN, LI)).toEqual([['removed', '县财政局机关党支部']]);

    expect(codeOf(await cloud.api('member.leave', {}, LI))).toBe('SECRETARY_MUST_HAND_OVER');
    expect(codeOf(await cloud.api('member.leave', { reason: '退休' }, WANG))).toBe('ok');
    expect(await member(WANG)).toMatchObject({ status: 'left', branchId: finance });
    expect(await history(WANG, LI)).toEqual([['left', '县财政局机关党支部']]);
  });
});

describe('transfer to another branch', () => {
  it('needs the source secretary and then the target secretary', async () => {
    dataOf(await cloud.api('member.setRole', { memberId: ZHAO, role: 'secretary' }, OFFICE));
    const asked = dataOf<TransferView>(
      await cloud.api('transfer.request', { toBranchId: agriculture, reason: '工作调动' }, WANG),
    );
    expect(asked).toMatchObject({ status: 'awaitingSource', from: { id: finance }, to: { id: agriculture } });
    expect(codeOf(await cloud.api('transfer.request', { toBranchId: hongqi, reason: '再申请' }, WANG))).toBe(
      'TRANSFER_PENDING',
    );
    // The target cannot decide first; an unrelated secretary does not see it.
    expect(codeOf(await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, ZHAO))).toBe(
      'ALREADY_DECIDED',
    );
    expect(codeOf(await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, ZHANG))).toBe(
      'NOT_FOUND',
    );

    const awaiting = dataOf<Page<TransferView>>(await cloud.api('transfer.list', { scope: 'awaitingMe' }, LI));
    expect(awaiting.items.map((t) => [t.id, t.canDecide])).toEqual([
      [asked.id, true],
      [DEMO_PAIRING.transferId, true],
    ]);
    expect(
      dataOf<TransferView>(await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, LI)).status,
    ).toBe('awaitingTarget');
    expect((await member(WANG))!.branchId).toBe(finance);
    expect(
      dataOf<TransferView>(await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, ZHAO)).status,
    ).toBe('completed');
    expect(await member(WANG)).toMatchObject({ branchId: agriculture, role: 'member', status: 'active' });
    expect(await history(WANG)).toEqual([
      ['transferredIn', '县农业农村局党支部'],
      ['transferredOut', '县财政局机关党支部'],
      ['requested', '县财政局机关党支部'],
    ]);
    const mine = dataOf<Page<TransferView>>(await cloud.api('transfer.list', {}, WANG));
    expect(mine.items.map((t) => t.status)).toEqual(['completed']);
  });

  it('stops when either secretary refuses', async () => {
    const asked = dataOf<TransferView>(
      await cloud.api('transfer.request', { toBranchId: agriculture, reason: '工作调动' }, WANG),
    );
    const refused = dataOf<TransferView>(
      await cloud.api('transfer.decide', { transferId: asked.id, approve: false, reason: '请先完成年度评议' }, LI),
    );
    expect(refused).toMatchObject({ status: 'refused', refuseReason: '请先完成年度评议', canDecide: false });
    expect((await member(WANG))!.branchId).toBe(finance);
  });
});

describe('a committee office', () => {
  it('is told by member.me which committees it works for; others are not', async () => {
    const office = dataOf<MeView>(await cloud.api('member.me', {}, OFFICE));
    expect(office.member).toMatchObject({ name: '周敏', role: 'member' });
    expect(office.offices).toEqual([{ id: DEMO.committeeId, name: '示范县直属机关工委' }]);
    expect(dataOf<MeView>(await cloud.api('member.me', {}, LI))).not.toHaveProperty('offices');
  });

  it('adds organisations under its own committee only', async () => {
    const partner = dataOf<OrgView>(
      await cloud.api(
        'org.create',
        { kind: 'partner', name: '县供电公司党委', category: 'enterprise', parentId: DEMO.committeeId },
        OFFICE,
      ),
    );
    expect(partner).toMatchObject({ kind: 'partner', parentName: '示范县直属机关工委', category: 'enterprise' });
    expect(
      codeOf(
        await cloud.api(
          'org.create',
          { kind: 'branch', name: '新支部', category: 'village', parentId: DEMO_PAIRING.townshipCommitteeId },
          OFFICE,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await cloud.api(
          'org.create',
          { kind: 'branch', name: '新支部', category: 'agency', parentId: DEMO.committeeId },
          LI,
        ),
      ),
    ).toBe('FORBIDDEN');
    const duplicate = await cloud.api(
      'org.create',
      { kind: 'branch', name: '县财政局机关党支部', category: 'agency', parentId: DEMO.committeeId },
      OFFICE,
    );
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'name' }] } });

    // The directory of names is public: anyone may find a partner to propose to.
    const directory = dataOf<Page<OrgView>>(
      await cloud.api('org.directory', { parentId: DEMO_PAIRING.townshipCommitteeId }, LI),
    );
    expect(directory.items.map((o) => o.name)).toEqual(['新园社区党委', '红旗村党支部'].sort());
    const committees = dataOf<Page<OrgView>>(await cloud.api('org.directory', {}, LI));
    expect(committees.items.map((o) => o.id).sort()).toEqual(
      [DEMO.committeeId, DEMO_PAIRING.townshipCommitteeId].sort(),
    );
  });

  it('brings a new branch to life: its first invite, its first secretary, transfers while it has none', async () => {
    const branch = dataOf<OrgView>(
      await cloud.api(
        'org.create',
        { kind: 'branch', name: '县统计局党支部', category: 'agency', parentId: DEMO.committeeId },
        OFFICE,
      ),
    );
    // Nobody but the office may issue its invites (others do not see it); nor for another committee's branch.
    expect(codeOf(await cloud.api('invite.create', { branchId: branch.id }, LI))).toBe('NOT_FOUND');
    expect(codeOf(await cloud.api('invite.create', { branchId: hongqi }, OFFICE))).toBe('NOT_FOUND');
    const invite = dataOf<InviteView>(await cloud.api('invite.create', { branchId: branch.id, maxUses: 5 }, OFFICE));
    expect(invite).toMatchObject({ branchId: branch.id, maxUses: 5, state: 'usable' });
    expect(
      dataOf<Page<InviteView>>(await cloud.api('invite.list', { branchId: branch.id }, OFFICE)).items,
    ).toHaveLength(1);
    dataOf(await cloud.api('member.join', { code: invite.code, name: '钱程' }, 'o-first'));
    dataOf(await cloud.api('member.join', { code: invite.code, name: '孙悦' }, 'o-second'));

    // A transfer into the branch while it has no secretary: the source decides, then the office.
    const asked = dataOf<TransferView>(
      await cloud.api('transfer.request', { toBranchId: branch.id, reason: '调入统计局' }, WANG),
    );
    dataOf(await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, LI));
    // The office finds it among what awaits it.
    const awaiting = dataOf<Page<TransferView>>(await cloud.api('transfer.list', { scope: 'awaitingMe' }, OFFICE));
    expect(awaiting.items.map((t) => [t.id, t.canDecide])).toEqual([[asked.id, true]]);
    const done = dataOf<TransferView>(
      await cloud.api('transfer.decide', { transferId: asked.id, approve: true }, OFFICE),
    );
    expect(done.status).toBe('completed');
    expect(await member(WANG)).toMatchObject({ branchId: branch.id, role: 'member' });

    const appointed = dataOf<MemberRow>(
      await cloud.api('member.setRole', { memberId: 'o-first', role: 'secretary' }, OFFICE),
    );
    expect(appointed).toMatchObject({ role: 'secretary' });
    expect((await history('o-first')).map(([kind]) => kind)).toEqual(['roleChanged', 'joined']);
    // With a secretary in place, its invites and transfers are the secretary's again.
    expect(codeOf(await cloud.api('invite.create', {}, 'o-first'))).toBe('ok');
    const next = dataOf<TransferView>(
      await cloud.api('transfer.request', { toBranchId: branch.id, reason: '也调入' }, CHEN),
    );
    dataOf(await cloud.api('transfer.decide', { transferId: next.id, approve: true }, LI));
    expect(codeOf(await cloud.api('transfer.decide', { transferId: next.id, approve: true }, OFFICE))).toBe(
      'FORBIDDEN',
    );
    expect(
      dataOf<TransferView>(await cloud.api('transfer.decide', { transferId: next.id, approve: true }, 'o-first'))
        .status,
    ).toBe('completed');
  });
});
