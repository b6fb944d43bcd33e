/** 组织关系记录: the member's history, paginated, with its states. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import { demoHistory, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/member/history/index';

describe('组织关系记录', () => {
  it('loads, then the next page on 加载更多 with the offset the server gave', async () => {
    const calls = stubCloud({
      'member.history': (data) =>
        (data as { offset: number }).offset === 0 ? ok(page([demoHistory[0]!], 1)) : ok(page([demoHistory[1]!])),
    });
    const view = load(PAGE);
    expect(textOf(view)).toContain('加载中');
    await settle();
    expect(textOf(view)).toContain('职务变更 · 任支部委员');
    expect(textOf(view)).toContain('经办：李明');
    tap(view, '#events-more', '.list-footer__tap');
    await settle();
    expect(calls.map((c) => c.data)).toEqual([{ offset: 0 }, { offset: 1 }]);
    expect(textOf(view)).toContain('加入支部');
    expect(textOf(view)).toContain('没有更多了');
  });

  it('writes the day only, unbroken, and 经办 only where someone else acted', async () => {
    stubCloud({ 'member.history': ok(page(demoHistory)) });
    const view = load(PAGE);
    await settle();
    const [roleChange, join] = view
      .querySelectorAll('.history__row')
      .map((row) => (row.dom?.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(roleChange).toBe('职务变更 · 任支部委员市财政局机关第二党支部 · 2024年1月10日经办：李明');
    // 王芳 joined with a code herself at 00:00 Beijing time: no 经办：王芳, no 00:00.
    expect(join).toBe('加入支部市财政局机关第二党支部 · 2021年7月1日');
    expect(view.querySelectorAll('.history__row .nowrap').map((n) => n.dom?.textContent)).toEqual([
      '2024年1月10日',
      '2021年7月1日',
    ]);
  });

  it('says when there is nothing yet, and shows an error with 重试', async () => {
    stubCloud({ 'member.history': ok(page([])) });
    const empty = load(PAGE);
    await settle();
    expect(textOf(empty)).toContain('暂无组织关系记录');

    stubCloud({ 'member.history': fail({ code: 'NOT_MEMBER', message: '请先加入支部后再使用此功能' }) });
    const failed = load(PAGE);
    await settle();
    expect(textOf(failed)).toContain('请先加入支部后再使用此功能');
    expect(textOf(failed)).toContain('重试');
  });
});
