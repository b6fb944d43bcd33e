/**
 * Who a newcomer can act as in the demo (x-local-openid, or `local.openid` in
 * miniprogram/config): printed by `npm start` on every start, seeded or not.
 */
import { DEMO } from './demo';
import { DEMO_PAIRING } from './demo-pairings';

export const DEMO_ACCOUNTS: readonly { openid: string; who: string }[] = [
  { openid: DEMO.newcomerOpenid, who: 'a new user, not joined: join with invite code LJ2026' },
  { openid: DEMO.memberOpenid, who: 'member 王芳 of 县财政局机关党支部' },
  { openid: DEMO.secretaryOpenid, who: 'secretary 李明 of 县财政局机关党支部' },
  { openid: 'demo-secretary-hongqi', who: 'secretary 张建国 of the paired 红旗村党支部' },
  { openid: DEMO_PAIRING.officeOpenid, who: "周敏, the county committee's office" },
  { openid: DEMO_PAIRING.liaisonOpenid, who: 'member 陈刚, liaison of the pairing' },
  { openid: 'demo-member-4', who: 'member 孙伟, transfer waiting for 李明' },
  { openid: DEMO_PAIRING.applicantOpenid, who: '刘洋, join waiting for 李明' },
];

export function demoAccountLines(): string[] {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.openid.length));
  return [
    'act as (x-local-openid / miniprogram/config local.openid):',
    ...DEMO_ACCOUNTS.map((a) => `  ${a.openid.padEnd(width)}  ${a.who}`),
    `invite codes: ${DEMO.inviteCode} (usable, 县财政局机关党支部), ${DEMO.expiredInviteCode} (expired), ${DEMO.usedUpInviteCode} (used up)`,
  ];
}
