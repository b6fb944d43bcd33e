/** A ledger item: details, the dated progress log, recording progress and status; dropping needs a reason. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoLedgerItem } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/ledger-item/index';
const QUERY = { id: 'ledger-1' };

function typeNote(view: Rendered, value: string): void {
  view
    .querySelector('.sub-page >>> #note')
    ?.querySelector('.t-textarea__wrapper-inner')
    ?.dispatchEvent('input', {
      detail: { value, cursor: value.length },
    });
}

describe('难题详情', () => {
  it('shows the item, the overdue flag and the progress newest first', async () => {
    stubCloud({ 'ledger.get': ok({ ...demoLedgerItem, canWrite: false }) });
    const view = load(PAGE, { query: QUERY });
    expect(textOf(view)).toContain('加载中');
    await settle();
    const text = textOf(view);
    expect(text).toContain('已逾期');
    expect(text).toContain('市财政局机关第二党支部 · 赵强');
    expect(text).toContain('2026年3月31日');
    const log = view.querySelectorAll('.sub-page >>> .progress').map((r) => r.dom?.textContent ?? '');
    expect(log[0]).toContain('维修资金已落实');
    expect(log[1]).toContain('改为“办理中”');
    expect(view.querySelector('.sub-page >>> #submit')).toBeFalsy();
    expect(view.querySelector('.sub-page >>> #edit')).toBeFalsy();
  });

  it('records a note with a status change and shows the answer', async () => {
    const resolved = {
      ...demoLedgerItem,
      status: 'resolved' as const,
      overdue: false,
      resolvedOn: '2026-04-10',
      progress: [
        ...demoLedgerItem.progress,
        { at: '2026-04-10T02:00:00.000Z', byName: '李明', note: '路灯已全部修复', status: 'resolved' as const },
      ],
    };
    const calls = stubCloud({ 'ledger.get': ok(demoLedgerItem), 'ledger.progress': ok(resolved) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    view.querySelector('.sub-page >>> #choice-resolved')?.dispatchEvent('tap');
    typeNote(view, '路灯已全部修复');
    await settle();
    tap(view, '#submit');
    await settle();
    expect(calls.find((c) => c.action === 'ledger.progress')?.data).toEqual({
      itemId: 'ledger-1',
      status: 'resolved',
      note: '路灯已全部修复',
    });
    expect(textOf(view)).toContain('已解决');
    expect(textOf(view)).toContain('解决日期');
    expect(view.querySelector('.sub-page >>> #submit')).toBeFalsy();
  });

  it('asks for a reason to drop before calling, and shows the server message on the note', async () => {
    const calls = stubCloud({
      'ledger.get': ok(demoLedgerItem),
      'ledger.progress': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'note', message: '进展情况最多 500 个字' }],
      }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    view.querySelector('.sub-page >>> #choice-dropped')?.dispatchEvent('tap');
    await settle();
    tap(view, '#submit');
    await settle();
    expect(textOf(view)).toContain('放弃办理须说明原因');
    expect(calls.some((c) => c.action === 'ledger.progress')).toBe(false);

    typeNote(view, '很长的说明');
    tap(view, '#submit');
    await settle();
    expect(textOf(view)).toContain('进展情况最多 500 个字');
  });

  it("shows the server's FORBIDDEN for a member of another side", async () => {
    stubCloud({
      'ledger.get': ok(demoLedgerItem),
      'ledger.progress': fail({ code: 'FORBIDDEN', message: '只有该组织的书记、委员或上级党委可以修改这些内容' }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    typeNote(view, '已联系');
    tap(view, '#submit');
    await settle();
    expect(textOf(view)).toContain('只有该组织的书记、委员或上级党委可以修改这些内容');
  });

  it('shows NOT_FOUND as the page error', async () => {
    stubCloud({ 'ledger.get': fail({ code: 'NOT_FOUND', message: '内容不存在或已被删除' }) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view)).toContain('内容不存在或已被删除');
  });
});
