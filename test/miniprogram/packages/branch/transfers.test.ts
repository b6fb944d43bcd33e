/** 转接审批: requests waiting for this secretary, agreed after confirming or refused with a reason. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { answerModal, settle } from '../../helpers/ask';
import { load, tap, textOf, type } from '../../helpers/load';
import { demoTransfer, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/branch/transfers/index';

describe('转接审批', () => {
  it('says when nothing waits', async () => {
    stubCloud({ 'transfer.list': ok(page([])) });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('没有等待你处理的转接申请');
  });

  it('agrees after confirming, asking with scope awaitingMe', async () => {
    const calls = stubCloud({
      'transfer.list': ok(page([demoTransfer])),
      'transfer.decide': ok({ ...demoTransfer, status: 'awaitingTarget' as const, canDecide: false }),
    });
    answerModal(true);
    const view = load(PAGE);
    await settle();
    expect(calls[0]?.data).toEqual({ scope: 'awaitingMe', offset: 0 });
    expect(textOf(view)).toContain('陈静');
    expect(textOf(view)).toContain('2026年4月3日 · 原因：'); // the day it was asked, no time
    tap(view, '.sub-page >>> .approve');
    await settle();
    expect(calls.find((c) => c.action === 'transfer.decide')?.data).toEqual({
      transferId: 'transfer-1',
      approve: true,
      reason: '',
    });
    expect(textOf(view)).toContain('待转入支部同意');
    expect(view.querySelector('.sub-page >>> .approve')).toBeFalsy();
  });

  it("refuses with a reason, and shows the server's refusal above the list", async () => {
    const calls = stubCloud({
      'transfer.list': ok(page([demoTransfer])),
      'transfer.decide': (data) =>
        (data as { approve: boolean }).approve
          ? fail({ code: 'FORBIDDEN', message: '只有本支部书记或上级党委可以进行此操作' })
          : ok({ ...demoTransfer, status: 'refused' as const, refuseReason: '手续不全', canDecide: false }),
    });
    answerModal(true);
    const view = load(PAGE);
    await settle();
    tap(view, '.sub-page >>> .approve');
    await settle();
    expect(textOf(view, '#action-error')).toBe('只有本支部书记或上级党委可以进行此操作');

    tap(view, '.sub-page >>> .refuse');
    await settle();
    type(view, '#refuse-dialog >>> #reason', '手续不全');
    tap(view, '#refuse-dialog >>> #dialog-confirm');
    await settle();
    expect(calls.filter((c) => c.action === 'transfer.decide')[1]?.data).toEqual({
      transferId: 'transfer-1',
      approve: false,
      reason: '手续不全',
    });
    expect(textOf(view)).toContain('未同意');
  });
});
