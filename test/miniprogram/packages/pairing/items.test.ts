/** 资源与需求清单: both lists, adding for the caller's side, taking a need on, marking it met. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { answerActionSheet, settle } from '../../helpers/ask';
import { buttonText, inputTips, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoNeeds, demoPairingDetail, demoResources, demoSecretaryPairing, page } from '../../scenarios/org-demo-data';
import type { ApiResult, PairingDetail, PairingItemView } from '../../../../src/contract';

const PAGE = 'packages/pairing/items/index';
const QUERY = { pairingId: 'pairing-hexi' };

const replies = (pairing: PairingDetail, extra: Replies = {}): Replies => ({
  'pairing.get': ok(pairing),
  'pairingItem.list': (data) => ok(page((data as { kind: string }).kind === 'need' ? demoNeeds : demoResources)),
  ...extra,
});

const tapFirst = (view: Rendered, className: string): void =>
  view.querySelectorAll(`.sub-page >>> .${className}`)[0]?.querySelector('.t-button')?.dispatchEvent('tap');

describe('资源与需求清单', () => {
  it('shows resources, then needs with their state; a member sees no actions', async () => {
    const calls = stubCloud(replies(demoPairingDetail));
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view)).toContain('财务政策宣讲');
    expect(view.querySelector('.sub-page >>> #add')).toBeFalsy();
    expect(view.querySelectorAll('.sub-page >>> .offer')).toHaveLength(0);
    view.querySelector('#kind-need')?.dispatchEvent('tap');
    await settle();
    expect(calls.filter((c) => c.action === 'pairingItem.list').map((c) => c.data)).toEqual([
      { pairingId: 'pairing-hexi', kind: 'resource', offset: 0 },
      { pairingId: 'pairing-hexi', kind: 'need', offset: 0 },
    ]);
    expect(textOf(view)).toContain('待认领');
    expect(textOf(view)).toContain('河西村党支部提出 · 市财政局机关第二党支部认领');
    expect(view.querySelectorAll('.sub-page >>> .match')).toHaveLength(0);
    expect(view.querySelectorAll('.sub-page >>> .meet')).toHaveLength(0);
  });

  it('adds a resource for the caller side, with field messages from the server', async () => {
    const added = { ...demoResources[0]!, id: 'res-2', title: '法律咨询' };
    let answer: ApiResult<PairingItemView> = fail({
      code: 'INVALID_INPUT',
      message: '填写的内容有误，请检查后重试',
      details: [{ path: 'title', message: '请填写名称' }],
    });
    const calls = stubCloud(replies(demoSecretaryPairing, { 'pairingItem.add': () => answer }));
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#add');
    await settle();
    tap(view, '#save');
    await settle();
    expect(inputTips(view, '#title')).toBe('请填写名称');

    answer = ok(added);
    type(view, '#title', '法律咨询');
    tap(view, '#save');
    await settle();
    expect(calls.filter((c) => c.action === 'pairingItem.add')[1]?.data).toEqual({
      pairingId: 'pairing-hexi',
      kind: 'resource',
      title: '法律咨询',
      detail: '',
      orgId: 'branch-finance-2',
    });
    expect(textOf(view, '.sub-page >>> .item')).toContain('法律咨询');
  });

  it("takes a partner's need on with one of the caller's resources, and reports a taken need done", async () => {
    const calls = stubCloud(
      replies(demoSecretaryPairing, {
        'pairingItem.match': ok({
          ...demoNeeds[0]!,
          status: 'matched' as const,
          matchedBy: { orgId: 'branch-finance-2', orgName: '市财政局机关第二党支部' },
        }),
        // The side that took it on only reports it done; the side that raised it confirms.
        'pairingItem.meet': ok({ ...demoNeeds[1]!, metReportedAt: '2026-04-01T02:00:00.000Z' }),
      }),
    );
    const sheet = answerActionSheet(1);
    const view = load(PAGE, { query: { ...QUERY, kind: 'need' } });
    await settle();
    tapFirst(view, 'match');
    await settle();
    expect((sheet.mock.calls[0]?.[0] as { itemList: string[] }).itemList).toEqual([
      '认领，不指定资源',
      '用“财务政策宣讲”满足',
    ]);
    expect(calls.find((c) => c.action === 'pairingItem.match')?.data).toEqual({
      needId: 'need-1',
      orgId: 'branch-finance-2',
      resourceId: 'res-1',
    });
    expect(buttonText(view, '.sub-page >>> .meet')).toBe('报告已完成');
    tapFirst(view, 'meet');
    await settle();
    expect(calls.find((c) => c.action === 'pairingItem.meet')?.data).toEqual({ needId: 'need-1' });
    expect(textOf(view)).toContain('已完成，待确认');
    // Reported: its button is gone; the need taken on a moment ago still has its own.
    expect(view.querySelectorAll('.sub-page >>> .meet')).toHaveLength(1);
  });

  it("puts the caller's resource to a partner's open need, from the resource's own row", async () => {
    const calls = stubCloud(
      replies(demoSecretaryPairing, {
        'pairingItem.match': ok({
          ...demoNeeds[0]!,
          status: 'matched' as const,
          matchedBy: { orgId: 'branch-finance-2', orgName: '市财政局机关第二党支部' },
          matchedResourceId: 'res-1',
        }),
      }),
    );
    const sheet = answerActionSheet(0);
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view, '.sub-page >>> .item')).toContain('用于对方需求');
    tapFirst(view, 'offer');
    await settle();
    // Only the partner's needs still open are offered.
    expect((sheet.mock.calls[0]?.[0] as { itemList: string[] }).itemList).toEqual([
      '满足河西村党支部：村集体账目规范化指导',
    ]);
    expect(calls.find((c) => c.action === 'pairingItem.match')?.data).toEqual({
      needId: 'need-1',
      orgId: 'branch-finance-2',
      resourceId: 'res-1',
    });
  });

  it('says so when the partner has no open need to put a resource to', async () => {
    const calls = stubCloud(
      replies(demoSecretaryPairing, {
        'pairingItem.list': (data) =>
          ok(page((data as { kind: string }).kind === 'need' ? demoNeeds.slice(1) : demoResources)),
      }),
    );
    const sheet = answerActionSheet(0);
    const view = load(PAGE, { query: QUERY });
    await settle();
    tapFirst(view, 'offer');
    await settle();
    expect(sheet).not.toHaveBeenCalled();
    expect(textOf(view, '#action-error')).toBe('对方暂时没有待认领的需求');
    expect(calls.some((c) => c.action === 'pairingItem.match')).toBe(false);
  });

  it("shows the server's refusal when the need was taken meanwhile", async () => {
    stubCloud(
      replies(demoSecretaryPairing, {
        'pairingItem.match': fail({ code: 'NEED_ALREADY_MATCHED', message: '该需求已由其他组织认领' }),
      }),
    );
    answerActionSheet(0);
    const view = load(PAGE, { query: { ...QUERY, kind: 'need' } });
    await settle();
    tapFirst(view, 'match');
    await settle();
    expect(textOf(view, '#action-error')).toBe('该需求已由其他组织认领');
  });

  it('says a list is empty, and shows the error with 重试', async () => {
    stubCloud({ 'pairing.get': ok(demoPairingDetail), 'pairingItem.list': ok(page([])) });
    const empty = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(empty)).toContain('还没有资源');

    stubCloud({ 'pairing.get': fail({ code: 'NOT_FOUND', message: '联建不存在或你不在其中' }) });
    const failed = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(failed)).toContain('联建不存在或你不在其中');
  });
});
