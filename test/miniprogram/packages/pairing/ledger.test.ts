/** 难题共解台账: the list with its filters, overdue flags, and adding for writers only. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoLedger, demoPairingDetail, demoSecretaryPairing, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/ledger/index';
const QUERY = { pairingId: 'pairing-hexi' };

const chip = (view: Rendered, label: string) =>
  view.querySelectorAll('.sub-page >>> .ledger__filters .chip').find((c) => c.dom?.textContent === label);

describe('难题共解台账', () => {
  it('shows items with the overdue flag; a member cannot add', async () => {
    stubCloud({ 'pairing.get': ok(demoPairingDetail), 'ledger.list': ok(page(demoLedger)) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    const rows = view
      .querySelectorAll('.sub-page >>> .ledger-row')
      .map((r) => (r.dom?.textContent ?? '').replace(/\s+/g, ''));
    expect(rows[0]).toContain('村道路灯年久失修已逾期办理中');
    expect(rows[0]).toContain('责任：市财政局机关第二党支部赵强');
    expect(rows[1]).not.toContain('已逾期');
    expect(view.querySelector('.sub-page >>> #create')).toBeFalsy();
  });

  it('filters by status, overdue and responsible side, sending each filter to the server', async () => {
    const calls = stubCloud({ 'pairing.get': ok(demoPairingDetail), 'ledger.list': ok(page(demoLedger)) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    chip(view, '办理中')?.dispatchEvent('tap');
    await settle();
    chip(view, '已逾期')?.dispatchEvent('tap');
    await settle();
    chip(view, '河西村党支部')?.dispatchEvent('tap');
    await settle();
    expect(calls.filter((c) => c.action === 'ledger.list').map((c) => c.data)).toEqual([
      { pairingId: 'pairing-hexi', overdue: false, offset: 0 },
      { pairingId: 'pairing-hexi', overdue: false, offset: 0, status: 'inProgress' },
      { pairingId: 'pairing-hexi', overdue: true, offset: 0 },
      { pairingId: 'pairing-hexi', overdue: true, offset: 0, orgId: 'village-hexi' },
    ]);
    expect(chip(view, '已逾期')?.dom?.className).toContain('chip--on');
  });

  it('says when a filter finds nothing, and opens an item or the form', async () => {
    stubCloud({
      'pairing.get': ok(demoSecretaryPairing),
      'ledger.list': (data) => ok(page((data as { overdue: boolean }).overdue ? [] : demoLedger)),
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE, { query: QUERY });
    await settle();
    view.querySelectorAll('.sub-page >>> .ledger-row')[0]?.dispatchEvent('tap');
    tap(view, '#create');
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/pairing/ledger-item/index?id=ledger-1',
      '/packages/pairing/ledger-edit/index?pairingId=pairing-hexi',
    ]);
    chip(view, '已逾期')?.dispatchEvent('tap');
    await settle();
    expect(textOf(view)).toContain('没有符合条件的难题');
  });

  it('shows the error with 重试', async () => {
    stubCloud({
      'pairing.get': ok(demoPairingDetail),
      'ledger.list': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view)).toContain('服务暂时不可用，请稍后再试');
  });
});
