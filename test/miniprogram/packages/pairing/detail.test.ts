/** A pairing's page: sides and answers, agreement, links, year figures, ending; by role. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { answerModal, settle } from '../../helpers/ask';
import { load, tap, textOf, type } from '../../helpers/load';
import {
  demoFigures,
  demoPairingDetail,
  demoProposedDetail,
  demoSecretaryPairing,
} from '../../scenarios/org-demo-data';
import type { PairingDetail } from '../../../../src/contract';

const PAGE = 'packages/pairing/detail/index';

const replies = (pairing: PairingDetail, extra: Replies = {}): Replies => ({
  'pairing.get': ok(pairing),
  'figures.pairing': (data) => ok({ ...demoFigures, year: (data as { year: number }).year }),
  ...extra,
});

describe('联建详情', () => {
  // The year shown first is this year in Beijing (simulate's sleep needs real timers).
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-04-10T02:00:00Z')));

  it('shows a member the sides, the agreement and the year figures, with nothing to change', async () => {
    const calls = stubCloud(replies(demoPairingDetail));
    const view = load(PAGE, { query: { id: 'pairing-hexi' } });
    expect(textOf(view)).toContain('加载中');
    await settle();
    const text = textOf(view);
    expect(text).toContain('河西村党支部');
    expect(text).toContain('负责人 刘海');
    expect(text).toContain('围绕乡村振兴');
    expect(text).toContain('签订日期2026年1月15日');
    expect(text).toContain('结对共建协议书.pdf');
    expect(text).toContain('2026 年');
    expect(view.data.figures.map((f: { value: number }) => f.value)).toEqual([5, 4, 2, 1, 3]);
    expect(calls.find((c) => c.action === 'figures.pairing')?.data).toEqual({ pairingId: 'pairing-hexi', year: 2026 });
    expect(view.querySelector('.sub-page >>> #edit-agreement')).toBeFalsy();
    expect(view.querySelector('.sub-page >>> #end')).toBeFalsy();
    expect(view.querySelector('.sub-page >>> .accept')).toBeFalsy();
  });

  it('goes back a year for the figures, never past this one', async () => {
    const calls = stubCloud(replies(demoPairingDetail));
    const view = load(PAGE, { query: { id: 'pairing-hexi' } });
    await settle();
    view.querySelector('.sub-page >>> #next-year')?.dispatchEvent('tap');
    view.querySelector('.sub-page >>> #prev-year')?.dispatchEvent('tap');
    await settle();
    const years = calls.filter((c) => c.action === 'figures.pairing').map((c) => (c.data as { year: number }).year);
    expect(years).toEqual([2026, 2025]);
    expect(textOf(view)).toContain('2025 年');
  });

  it('opens the lists of this pairing', async () => {
    stubCloud(replies(demoPairingDetail));
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE, { query: { id: 'pairing-hexi' } });
    await settle();
    for (const id of ['open-items', 'open-liaisons', 'open-ledger']) tap(view, `.sub-page >>> #${id}`, '.t-cell');
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/pairing/items/index?pairingId=pairing-hexi',
      '/packages/pairing/liaisons/index?pairingId=pairing-hexi',
      '/packages/pairing/ledger/index?pairingId=pairing-hexi',
    ]);
  });

  it('lets the pending side accept after confirming', async () => {
    const accepted: PairingDetail = {
      ...demoProposedDetail,
      status: 'active',
      sides: demoProposedDetail.sides.map((s) => ({ ...s, status: s.status === 'pending' ? 'accepted' : s.status })),
      canRespondFor: [],
    };
    const calls = stubCloud(replies(demoProposedDetail, { 'pairing.respond': ok(accepted) }));
    answerModal(true);
    const view = load(PAGE, { query: { id: 'pairing-east' } });
    await settle();
    expect(view.querySelectorAll('.sub-page >>> .accept')).toHaveLength(1);
    tap(view, '.sub-page >>> .accept');
    await settle();
    expect(calls.find((c) => c.action === 'pairing.respond')?.data).toEqual({
      pairingId: 'pairing-east',
      orgId: 'branch-finance-2',
      accept: true,
      reason: '',
    });
    expect(textOf(view)).toContain('进行中');
    expect(view.querySelector('.sub-page >>> .accept')).toBeFalsy();
  });

  it('refuses with a reason', async () => {
    const refused: PairingDetail = { ...demoProposedDetail, status: 'refused', canRespondFor: [] };
    const calls = stubCloud(replies(demoProposedDetail, { 'pairing.respond': ok(refused) }));
    const view = load(PAGE, { query: { id: 'pairing-east' } });
    await settle();
    tap(view, '.sub-page >>> .refuse');
    await settle();
    type(view, '#reason-dialog >>> #reason', '本年度结对任务已满');
    tap(view, '#reason-dialog >>> #dialog-confirm');
    await settle();
    expect(calls.find((c) => c.action === 'pairing.respond')?.data).toEqual({
      pairingId: 'pairing-east',
      orgId: 'branch-finance-2',
      accept: false,
      reason: '本年度结对任务已满',
    });
    expect(textOf(view)).toContain('未达成');
  });

  it('lets a lead edit the agreement and end the pairing; a refusal stays in the dialog', async () => {
    const calls = stubCloud(
      replies(demoSecretaryPairing, {
        'pairing.end': fail({ code: 'FORBIDDEN', message: '只有该组织的书记或上级党委可以进行此操作' }),
      }),
    );
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE, { query: { id: 'pairing-hexi' } });
    await settle();
    tap(view, '#edit-agreement');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/pairing/agreement/index?pairingId=pairing-hexi' }),
    );
    tap(view, '#end');
    await settle();
    type(view, '#reason-dialog >>> #reason', '任期届满');
    tap(view, '#reason-dialog >>> #dialog-confirm');
    await settle();
    expect(calls.find((c) => c.action === 'pairing.end')?.data).toEqual({
      pairingId: 'pairing-hexi',
      reason: '任期届满',
    });
    expect(textOf(view, '#reason-dialog')).toContain('只有该组织的书记或上级党委可以进行此操作');
  });

  it('shows NOT_FOUND for a pairing the member is not in, and a figures failure in its card only', async () => {
    stubCloud({
      'pairing.get': fail({ code: 'NOT_FOUND', message: '联建不存在或你不在其中' }),
      'figures.pairing': ok(demoFigures),
    });
    const hidden = load(PAGE, { query: { id: 'pairing-x' } });
    await settle();
    expect(textOf(hidden)).toContain('联建不存在或你不在其中');

    stubCloud(
      replies(demoPairingDetail, {
        'figures.pairing': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
      }),
    );
    const view = load(PAGE, { query: { id: 'pairing-hexi' } });
    await settle();
    expect(textOf(view)).toContain('河西村党支部');
    expect(textOf(view)).toContain('服务暂时不可用，请稍后再试');
  });
});
