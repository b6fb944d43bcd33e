/**
 * Pairing actions (issue 4): proposing and answering a pairing, its agreement, resource and need
 * lists, liaisons, the ledger of shared problems and the year figures. Every action is open to
 * any member at the router; src/server/access.ts decides per pairing side.
 */
import { z } from 'zod';
import { civilDate, id, input, text } from './fields';
import type {
  LedgerItemDetail,
  LedgerItemSummary,
  LiaisonView,
  Page,
  PairingDetail,
  PairingItemView,
  PairingSummary,
  BranchYearFigures,
  PairingYearFigures,
} from './org-models';
import { attachment, memberRef, optionalReason, orgId, page, pairingId, termIssue, termShape } from './org-fields';
import { action, ANY_MEMBER } from './spec';

const itemId = id('条目');
const ledgerItemId = id('台账事项');
const liaisonId = id('联络人');
const year = z
  .number({ required_error: '请选择年份', invalid_type_error: '年份格式不正确' })
  .int()
  .min(2000, { message: '年份不正确' })
  .max(2100, { message: '年份不正确' });

export const LEDGER_STATUSES = ['open', 'inProgress', 'resolved', 'dropped'] as const;
const ledgerStatus = z.enum(LEDGER_STATUSES, { errorMap: () => ({ message: '请选择办理状态' }) });

const ledgerFields = {
  title: text('难题名称', 60),
  description: text('难题描述', 1000, { min: 0 }).default(''),
  /** The side responsible for solving it, and the person in charge there. */
  ownerOrgId: orgId,
  ownerName: text('责任人', 20),
  measures: text('解决措施', 1000, { min: 0 }).default(''),
  deadline: civilDate,
};

export const pairingActions = {
  /**
   * One side proposes; every partner answers with pairing.respond. Omitted `fromOrgId`: the
   * caller's own branch.
   */
  'pairing.propose': action<PairingDetail>()({
    input: () =>
      input({
        fromOrgId: orgId.optional(),
        partnerIds: z
          .array(orgId, { required_error: '请选择结对组织' })
          .min(1, { message: '请选择结对组织' })
          .max(9, { message: '一个联建组最多 10 个组织' })
          .refine((ids) => new Set(ids).size === ids.length, { message: '结对组织不能重复' }),
        name: text('联建名称', 40),
        kind: z.enum(['pairing', 'alliance'], { errorMap: () => ({ message: '请选择联建形式' }) }),
        ...termShape,
      })
        .superRefine(termIssue)
        .refine((v) => v.kind === 'alliance' || v.partnerIds.length === 1, {
          message: '一对一结对只能选择一个组织，多个组织请选择“党建联盟”',
          path: ['partnerIds'],
        }),
    roles: ANY_MEMBER,
  }),
  /** Omitted `orgId`: the one pending side the caller may answer for. */
  'pairing.respond': action<PairingDetail>()({
    input: () => input({ pairingId, orgId: orgId.optional(), accept: z.boolean(), reason: optionalReason }),
    roles: ANY_MEMBER,
  }),
  'pairing.end': action<PairingDetail>()({
    input: () => input({ pairingId, reason: text('结束原因', 100) }),
    roles: ANY_MEMBER,
  }),
  'pairing.get': action<PairingDetail>()({ input: () => input({ pairingId }), roles: ANY_MEMBER }),
  'pairing.list': action<Page<PairingSummary>>()({
    input: () =>
      input({
        /** branch: the caller's branch; committee: organisations under the caller's committee offices. */
        scope: z.enum(['branch', 'committee']).default('branch'),
        status: z.enum(['proposed', 'active', 'ended', 'refused']).optional(),
        ...page,
      }),
    roles: ANY_MEMBER,
  }),
  'agreement.set': action<PairingDetail>()({
    input: () =>
      input({
        pairingId,
        goals: text('联建目标', 2000),
        contacts: z
          .array(input({ orgId, name: text('联系人', 20), phone: text('联系电话', 20, { min: 0 }).default('') }))
          .max(20, { message: '联系人最多 20 位' })
          .default([]),
        ...termShape,
        signedOn: civilDate.nullable().default(null),
        attachments: z.array(attachment).max(9, { message: '附件最多 9 个' }).default([]),
      }).superRefine(termIssue),
    roles: ANY_MEMBER,
  }),
  'pairingItem.add': action<PairingItemView>()({
    input: () =>
      input({
        pairingId,
        /** Omitted: the caller's own side. */
        orgId: orgId.optional(),
        kind: z.enum(['resource', 'need'], { errorMap: () => ({ message: '请选择资源或需求' }) }),
        title: text('名称', 60),
        detail: text('说明', 500, { min: 0 }).default(''),
      }),
    roles: ANY_MEMBER,
  }),
  'pairingItem.list': action<Page<PairingItemView>>()({
    input: () => input({ pairingId, kind: z.enum(['resource', 'need']), ...page }),
    roles: ANY_MEMBER,
  }),
  /** A partner takes a need on, optionally naming one of its resources that meets it. */
  'pairingItem.match': action<PairingItemView>()({
    input: () => input({ needId: itemId, orgId: orgId.optional(), resourceId: itemId.optional() }),
    roles: ANY_MEMBER,
  }),
  'pairingItem.meet': action<PairingItemView>()({ input: () => input({ needId: itemId }), roles: ANY_MEMBER }),
  'liaison.assign': action<LiaisonView>()({
    input: () =>
      input({
        pairingId,
        memberId: memberRef,
        toOrgId: orgId,
        role: z.enum(['partTimeSecretary', 'invitedCommitteeMember'], { errorMap: () => ({ message: '请选择任职' }) }),
        ...termShape,
      }).superRefine(termIssue),
    roles: ANY_MEMBER,
  }),
  'liaison.end': action<LiaisonView>()({ input: () => input({ liaisonId }), roles: ANY_MEMBER }),
  'liaison.list': action<Page<LiaisonView>>()({ input: () => input({ pairingId, ...page }), roles: ANY_MEMBER }),
  'ledger.create': action<LedgerItemDetail>()({
    input: () => input({ pairingId, raisedByOrgId: orgId.optional(), ...ledgerFields }),
    roles: ANY_MEMBER,
  }),
  'ledger.update': action<LedgerItemDetail>()({
    input: () =>
      input({ itemId: ledgerItemId, ...ledgerFields })
        .partial()
        .required({ itemId: true }),
    roles: ANY_MEMBER,
  }),
  /** A status change or a dated progress note (or both); dropping needs a reason. */
  'ledger.progress': action<LedgerItemDetail>()({
    input: () =>
      input({
        itemId: ledgerItemId,
        status: ledgerStatus.optional(),
        note: text('进展情况', 500, { min: 0 }).default(''),
      })
        .refine((v) => v.status !== undefined || v.note !== '', { message: '请填写进展情况', path: ['note'] })
        .refine((v) => v.status !== 'dropped' || v.note !== '', { message: '放弃办理须说明原因', path: ['note'] }),
    roles: ANY_MEMBER,
  }),
  'ledger.get': action<LedgerItemDetail>()({ input: () => input({ itemId: ledgerItemId }), roles: ANY_MEMBER }),
  /** Soonest deadline first. `overdue`: only open or in-progress items past their deadline. */
  'ledger.list': action<Page<LedgerItemSummary>>()({
    input: () =>
      input({
        pairingId,
        status: ledgerStatus.optional(),
        overdue: z.boolean().default(false),
        /** Items whose responsible side is this organisation. */
        orgId: orgId.optional(),
        ...page,
      }),
    roles: ANY_MEMBER,
  }),
  'figures.pairing': action<PairingYearFigures>()({ input: () => input({ pairingId, year }), roles: ANY_MEMBER }),
  /** Omitted branch: the caller's own. */
  'figures.branch': action<BranchYearFigures>()({
    input: () => input({ branchId: orgId.optional(), year }),
    roles: ANY_MEMBER,
  }),
} as const;
