/** Adding and editing a ledger item: fields, responsible side, deadline; the server's field messages. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { inputTips, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoLedgerItem, demoSecretaryPairing } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/ledger-edit/index';

const ownerChip = (view: Rendered, label: string) =>
  view.querySelectorAll('.sub-page >>> .chip').find((c) => c.dom?.textContent === label);

describe('新增 / 编辑难题', () => {
  it('adds an item and opens it', async () => {
    const calls = stubCloud({ 'pairing.get': ok(demoSecretaryPairing), 'ledger.create': ok(demoLedgerItem) });
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const view = load(PAGE, { query: { pairingId: 'pairing-hexi' } });
    await settle();
    tap(view, '#submit');
    await settle();
    expect(textOf(view)).toContain('请选择责任方');
    expect(textOf(view)).toContain('请选择完成期限');
    expect(calls.some((c) => c.action === 'ledger.create')).toBe(false);

    type(view, '#title', '村道路灯年久失修');
    type(view, '#owner-name', '赵强');
    ownerChip(view, '市财政局机关第二党支部')?.dispatchEvent('tap');
    view.querySelector('.sub-page >>> #deadline')?.dispatchEvent('change', { detail: { value: '2026-03-31' } });
    await settle();
    tap(view, '#submit');
    await settle();
    expect(calls.find((c) => c.action === 'ledger.create')?.data).toEqual({
      pairingId: 'pairing-hexi',
      title: '村道路灯年久失修',
      description: '',
      ownerOrgId: 'branch-finance-2',
      ownerName: '赵强',
      measures: '',
      deadline: '2026-03-31',
    });
    expect(redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/pairing/ledger-item/index?id=ledger-1' }),
    );
  });

  it('edits an existing item, prefilled, and puts server messages on the fields', async () => {
    const calls = stubCloud({
      'ledger.get': ok(demoLedgerItem),
      'pairing.get': ok(demoSecretaryPairing),
      'ledger.update': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'ownerName', message: '请填写责任人' }],
      }),
    });
    const view = load(PAGE, { query: { id: 'ledger-1' } });
    await settle();
    expect(view.data.values.title).toBe('村道路灯年久失修');
    type(view, '#owner-name', '');
    tap(view, '#submit');
    await settle();
    expect(calls.find((c) => c.action === 'ledger.update')?.data).toEqual(
      expect.objectContaining({ itemId: 'ledger-1', ownerName: '', deadline: '2026-03-31' }),
    );
    expect(inputTips(view, '#owner-name')).toBe('请填写责任人');
  });

  it("shows the server's FORBIDDEN on the form", async () => {
    stubCloud({
      'pairing.get': ok(demoSecretaryPairing),
      'ledger.create': fail({ code: 'FORBIDDEN', message: '只有联建各方的书记、委员可以进行此操作' }),
    });
    const view = load(PAGE, { query: { pairingId: 'pairing-hexi' } });
    await settle();
    ownerChip(view, '河西村党支部')?.dispatchEvent('tap');
    view.querySelector('.sub-page >>> #deadline')?.dispatchEvent('change', { detail: { value: '2026-06-30' } });
    await settle();
    tap(view, '#submit');
    await settle();
    expect(textOf(view, '.sub-page >>> .form-error')).toBe('只有联建各方的书记、委员可以进行此操作');
  });
});
