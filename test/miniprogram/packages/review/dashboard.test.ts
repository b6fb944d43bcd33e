/** 述职评议 dashboard: figures by group with their evidence count, charts as bars, tap-through to the evidence. */
import { settle } from '../../helpers/ask';
import { ok, stubCloud } from '../../helpers/cloud';
import { load, textOf } from '../../helpers/load';
import { demoFigures, demoScopes } from '../../scenarios/review-scenarios';

const PAGE = 'packages/review/dashboard/index';

describe('述职评议', () => {
  it('opens on the committee, lists each figure with its evidence, and taps through to it', async () => {
    const calls = stubCloud({ 'review.scopes': ok(demoScopes), 'review.figures': ok(demoFigures) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    await settle();
    expect(calls.find((c) => c.action === 'review.figures')?.data).toMatchObject({
      scope: { kind: 'committee', id: demoScopes[0]!.id },
    });
    const text = textOf(view);
    expect(text).toContain('联建组织生活');
    expect(text).toContain('8 条依据');
    expect(text).toContain('91.2%');
    // Attendance by month, sessions by kind, coverage.
    expect((view.data as { charts: { id: string }[] }).charts.map((c) => c.id)).toEqual([
      'attendance',
      'sessions',
      'coverage',
    ]);
    view.querySelector('.sub-page >>> #figure-jointSessions')?.dispatchEvent('tap');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/packages/review/evidence/index?kind=committee&id=${demoScopes[0]!.id}&year=${demoFigures.year}&figure=jointSessions`,
      }),
    );
  });

  it('explains that plain members have no review to see', async () => {
    stubCloud({ 'review.scopes': ok([]) });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('只有支部书记、委员和党委组织部门可以查看述职评议');
  });
});
