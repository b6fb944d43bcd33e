/**
 * Organisation, membership and invite actions (issue 4). Roles here are the router's first gate;
 * which branch or committee the caller may act on is decided by src/server/access.ts.
 */
import { z } from 'zod';
import { id, input, inviteCode, text } from './fields';
import type { MemberRole } from './models';
import type {
  InviteQrCode,
  InviteView,
  MemberRow,
  MembershipEventView,
  OrgDetail,
  OrgView,
  Page,
  TransferView,
} from './org-models';
import { memberRef, optionalReason, orgId, orgName, organizationCategory, page } from './org-fields';
import { action, ANY_MEMBER, SECRETARY } from './spec';

const reasonRequired = text('原因', 100);
const transferId = id('转接申请');

export const orgActions = {
  'org.get': action<OrgDetail>()({ input: () => input({ orgId }), roles: ANY_MEMBER }),
  /**
   * The public directory of organisation names, to pick a partner: top-level committees without
   * `parentId`, otherwise the organisations under that committee. Names only, no people.
   */
  'org.directory': action<Page<OrgView>>()({
    input: () => input({ parentId: orgId.optional(), ...page }),
    roles: ANY_MEMBER,
  }),
  /** A committee office adds a branch or a partner organisation under its committee. */
  'org.create': action<OrgView>()({
    input: () =>
      input({
        kind: z.enum(['branch', 'partner'], { errorMap: () => ({ message: '请选择组织类型' }) }),
        name: orgName,
        category: organizationCategory,
        parentId: orgId,
      }),
    roles: ANY_MEMBER,
  }),
  'org.update': action<OrgView>()({
    input: () => input({ orgId, name: orgName.optional(), category: organizationCategory.optional() }),
    roles: ANY_MEMBER,
  }),
} as const;

export const membershipActions = {
  /** Omitted branch: the caller's own. Pending members are shown to the branch's managers only. */
  'member.list': action<Page<MemberRow>>()({
    input: () =>
      input({
        branchId: orgId.optional(),
        status: z.enum(['active', 'pending']).default('active'),
        ...page,
      }),
    roles: ANY_MEMBER,
  }),
  'member.approve': action<MemberRow>()({ input: () => input({ memberId: memberRef }), roles: SECRETARY }),
  'member.reject': action<{ memberId: string }>()({
    input: () => input({ memberId: memberRef, reason: optionalReason }),
    roles: SECRETARY,
  }),
  'member.remove': action<{ memberId: string }>()({
    input: () => input({ memberId: memberRef, reason: reasonRequired }),
    roles: SECRETARY,
  }),
  /** A secretary names committee members; a committee office may also appoint the secretary. */
  'member.setRole': action<MemberRow>()({
    input: () =>
      input({
        memberId: memberRef,
        role: z.enum(['member', 'committeeMember', 'secretary'] satisfies [MemberRole, ...MemberRole[]], {
          errorMap: () => ({ message: '请选择职务' }),
        }),
      }),
    roles: ANY_MEMBER,
  }),
  /** The secretary hands the role to another member and becomes a committee member. */
  'member.handOver': action<MemberRow>()({ input: () => input({ memberId: memberRef }), roles: SECRETARY }),
  'member.leave': action<{ left: true }>()({ input: () => input({ reason: optionalReason }), roles: ANY_MEMBER }),
  /** The membership history of the caller, or (for a branch's managers) of one of its members. */
  'member.history': action<Page<MembershipEventView>>()({
    input: () => input({ memberId: memberRef.optional(), ...page }),
    roles: ANY_MEMBER,
  }),
  'transfer.request': action<TransferView>()({
    input: () => input({ toBranchId: orgId, reason: reasonRequired }),
    roles: ANY_MEMBER,
  }),
  /** The source branch's secretary decides first, then the target's; both must agree. */
  /** By the secretary of the branch it awaits, or the office above a branch that has no secretary. */
  'transfer.decide': action<TransferView>()({
    input: () => input({ transferId, approve: z.boolean(), reason: optionalReason }),
    roles: ANY_MEMBER,
  }),
  /** mine: the caller's own requests; awaitingMe: those awaiting the caller's decision (secretaries). Newest first. */
  'transfer.list': action<Page<TransferView>>()({
    input: () => input({ scope: z.enum(['mine', 'awaitingMe']).default('mine'), ...page }),
    roles: ANY_MEMBER,
  }),
} as const;

/**
 * Whose invites: the caller's own branch (its secretary) by default, or a branch under the
 * committee the caller's office runs, so an office can bring a new branch to life (first invite,
 * then member.setRole to appoint its secretary).
 */
const inviteBranch = orgId.optional();

export const inviteActions = {
  'invite.create': action<InviteView>()({
    input: () =>
      input({
        expiresInDays: z
          .number({ invalid_type_error: '有效天数格式不正确' })
          .int()
          .min(1, { message: '有效期至少 1 天' })
          .max(90, { message: '有效期最多 90 天' })
          .default(30),
        maxUses: z
          .number({ invalid_type_error: '使用次数格式不正确' })
          .int()
          .min(1, { message: '至少可使用 1 次' })
          .max(500, { message: '最多可使用 500 次' })
          .default(50),
        requiresApproval: z.boolean().default(false),
        branchId: inviteBranch,
      }),
    roles: ANY_MEMBER,
  }),
  'invite.list': action<Page<InviteView>>()({
    input: () => input({ ...page, branchId: inviteBranch }),
    roles: ANY_MEMBER,
  }),
  'invite.revoke': action<InviteView>()({
    input: () => input({ code: inviteCode, branchId: inviteBranch }),
    roles: ANY_MEMBER,
  }),
  /** The invite as a mini-program code that opens the join page with the code filled in. */
  'invite.qrcode': action<InviteQrCode>()({
    input: () => input({ code: inviteCode, branchId: inviteBranch }),
    roles: ANY_MEMBER,
  }),
} as const;
