/**
 * Demo data for a fresh local cloud, written through the real SDK like any other client: a
 * committee with three branches, a secretary, members and invite codes (one usable, one expired,
 * one used up) so the first-run flow and its errors can be tried in WeChat DevTools at once; then
 * the pairings, the branch's events and the pairing's theme days and joint event.
 */
import type { InviteCodeDoc, MemberDoc, OrganizationDoc } from '../db/documents';
import type { Database } from '../server/cloud';
import { seedDemoEvents } from './demo-events';
import { DEMO_PAIRING_EVENTS, seedDemoPairingEvents } from './demo-pairing-events';
import { seedDemoReminders } from './demo-reminders';
import { DEMO_PAIRING, seedDemoPairings } from './demo-pairings';
import { seedDemoStudy } from './demo-study';
import { seedDemoPosts } from './demo-posts';
import { seedDemoReview } from './demo-review';

const DAY = 24 * 60 * 60 * 1000;

export const DEMO = {
  committeeId: 'committee-demo',
  branches: { finance: 'branch-finance', agriculture: 'branch-agriculture', hongqi: 'branch-hongqi' },
  secretaryOpenid: 'demo-secretary',
  memberOpenid: 'demo-member',
  newcomerOpenid: 'dev-newcomer',
  inviteCode: 'LJ2026',
  expiredInviteCode: 'OLD2025',
  usedUpInviteCode: 'FULL01',
} as const;

export async function seedDemo(db: Database, now = new Date()): Promise<{ lines: string[] }> {
  const organizations: OrganizationDoc[] = [
    { _id: DEMO.committeeId, kind: 'committee', name: '示范县直属机关工委', parentId: null, createdAt: now },
    {
      _id: DEMO.branches.finance,
      kind: 'branch',
      name: '县财政局机关党支部',
      category: 'agency',
      parentId: DEMO.committeeId,
      createdAt: now,
    },
    {
      _id: DEMO.branches.agriculture,
      kind: 'branch',
      name: '县农业农村局党支部',
      category: 'agency',
      parentId: DEMO.committeeId,
      createdAt: now,
    },
    {
      _id: DEMO.branches.hongqi,
      kind: 'branch',
      name: '红旗村党支部',
      category: 'village',
      parentId: DEMO_PAIRING.townshipCommitteeId,
      createdAt: now,
    },
  ];
  const member = (openid: string, name: string, branchId: string, role: MemberDoc['role']): MemberDoc => ({
    _id: openid,
    name,
    branchId,
    role,
    status: 'active',
    joinedAt: new Date(now.getTime() - 90 * DAY),
    joinedVia: null,
  });
  const members: MemberDoc[] = [
    member(DEMO.secretaryOpenid, '李明', DEMO.branches.finance, 'secretary'),
    member(DEMO.memberOpenid, '王芳', DEMO.branches.finance, 'member'),
    member('demo-member-2', '陈刚', DEMO.branches.finance, 'committeeMember'),
    member('demo-member-3', '赵丽', DEMO.branches.agriculture, 'member'),
    member('demo-member-4', '孙伟', DEMO.branches.finance, 'member'),
    member('demo-secretary-hongqi', '张建国', DEMO.branches.hongqi, 'secretary'),
  ];
  const invite = (code: string, expiresAt: Date, maxUses: number, usedCount: number): InviteCodeDoc => ({
    _id: code,
    branchId: DEMO.branches.finance,
    createdBy: DEMO.secretaryOpenid,
    createdAt: new Date(now.getTime() - 30 * DAY),
    expiresAt,
    maxUses,
    usedCount,
    revokedAt: null,
  });
  const invites: InviteCodeDoc[] = [
    invite(DEMO.inviteCode, new Date(now.getTime() + 365 * DAY), 50, 0),
    invite(DEMO.expiredInviteCode, new Date(now.getTime() - DAY), 50, 3),
    invite(DEMO.usedUpInviteCode, new Date(now.getTime() + 30 * DAY), 2, 2),
  ];

  const put = async (collection: string, docs: { _id: string }[]) => {
    for (const { _id, ...rest } of docs) await db.collection(collection).doc(_id).set(rest);
  };
  await put('organizations', organizations);
  await put('members', members);
  await put('inviteCodes', invites);
  const pairingLines = await seedDemoPairings(
    db,
    {
      countyCommitteeId: DEMO.committeeId,
      finance: { branchId: DEMO.branches.finance, secretary: { openid: DEMO.secretaryOpenid, name: '李明' } },
      hongqi: { branchId: DEMO.branches.hongqi, secretary: { openid: 'demo-secretary-hongqi', name: '张建国' } },
      agricultureBranchId: DEMO.branches.agriculture,
      transferring: { openid: 'demo-member-4', name: '孙伟' },
      officeBranchId: DEMO.branches.agriculture,
    },
    now,
  );
  const eventLines = await seedDemoEvents(
    db,
    {
      branchId: DEMO.branches.finance,
      secretary: { openid: DEMO.secretaryOpenid, name: '李明' },
      members: [
        { openid: DEMO.memberOpenid, name: '王芳' },
        { openid: 'demo-member-2', name: '陈刚' },
        { openid: DEMO.secretaryOpenid, name: '李明' },
        { openid: 'demo-member-4', name: '孙伟' },
      ],
    },
    now,
  );

  const li = { openid: DEMO.secretaryOpenid, name: '李明', branchId: DEMO.branches.finance };
  const zhang = { openid: 'demo-secretary-hongqi', name: '张建国', branchId: DEMO.branches.hongqi };
  const financeMember = (openid: string, name: string) => ({ openid, name, branchId: DEMO.branches.finance });
  const pairingEventLines = await seedDemoPairingEvents(
    db,
    {
      pairingId: DEMO_PAIRING.pairingId,
      secretaries: [li, zhang],
      attendees: [
        { person: li, checkedInAfterMinutes: -20 },
        { person: financeMember(DEMO.memberOpenid, '王芳'), checkedInAfterMinutes: -10 },
        { person: financeMember('demo-member-2', '陈刚'), checkedInAfterMinutes: -5 },
        { person: zhang, checkedInAfterMinutes: 8 },
        { person: financeMember('demo-member-4', '孙伟'), checkedInAfterMinutes: null },
      ],
    },
    now,
  );

  const studyLines = await seedDemoStudy(
    db,
    {
      branchId: DEMO.branches.finance,
      pairingId: DEMO_PAIRING.pairingId,
      secretary: { openid: DEMO.secretaryOpenid, name: '李明' },
      member: { openid: DEMO.memberOpenid, name: '王芳' },
      reviewer: { openid: 'demo-member-4', name: '孙伟' },
    },
    now,
  );

  const postLines = await seedDemoPosts(
    db,
    {
      jointEventId: DEMO_PAIRING_EVENTS.jointEventId,
      jointEventTitle: '联合主题党日：茶园助农',
      pairingId: DEMO_PAIRING.pairingId,
      pairingName: '财政局—红旗村结对共建',
      financeBranchId: DEMO.branches.finance,
      hongqiBranchId: DEMO.branches.hongqi,
      committeeId: DEMO.committeeId,
      committeeName: '示范县直属机关工委',
      committeeBranches: [DEMO.branches.finance, DEMO.branches.agriculture],
      secretary: { openid: DEMO.secretaryOpenid, name: '李明' },
      member: { openid: DEMO.memberOpenid, name: '王芳' },
      committeeMember: { openid: 'demo-member-2', name: '陈刚' },
      office: { openid: DEMO_PAIRING.officeOpenid, name: '周敏' },
    },
    now,
  );

  const reminderLines = await seedDemoReminders(
    db,
    {
      branchId: DEMO.branches.finance,
      eventId: 'demo-lecture',
      secretary: DEMO.secretaryOpenid,
      subscriber: { openid: DEMO.memberOpenid, name: '王芳' },
      reminded: { openid: 'demo-member-2', name: '陈刚' },
    },
    now,
  );

  const reviewLines = await seedDemoReview(
    db,
    {
      committeeId: DEMO.committeeId,
      financeId: DEMO.branches.finance,
      agricultureId: DEMO.branches.agriculture,
      pairingId: DEMO_PAIRING.pairingId,
      pairingStartedAt: new Date(now.getTime() - 118 * DAY),
      secretary: { openid: DEMO.secretaryOpenid, name: '李明' },
      members: [
        { openid: DEMO.memberOpenid, name: '王芳' },
        { openid: 'demo-member-2', name: '陈刚' },
        { openid: 'demo-member-4', name: '孙伟' },
      ],
      partnerSecretary: { ...zhang },
      office: { openid: DEMO_PAIRING.officeOpenid, name: '周敏' },
      agricultureMember: { openid: 'demo-member-3', name: '赵丽' },
    },
    now,
  );

  return {
    lines: [
      `demo committee: ${organizations[0]!.name}, branches: ${organizations
        .slice(1)
        .map((o) => o.name)
        .join('、')}`,
      `act as (x-local-openid / miniprogram/config): ${DEMO.newcomerOpenid} (new user, not joined), ${DEMO.memberOpenid} (member 王芳), ${DEMO.secretaryOpenid} (secretary 李明)`,
      `invite codes: ${DEMO.inviteCode} (usable, 县财政局机关党支部), ${DEMO.expiredInviteCode} (expired), ${DEMO.usedUpInviteCode} (used up)`,
      ...eventLines,
      ...pairingLines,
      ...pairingEventLines,
      ...studyLines,
      ...postLines,
      ...reminderLines,
      ...reviewLines,
    ],
  };
}
