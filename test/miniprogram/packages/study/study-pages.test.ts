/** The study pages through the real study service and API client; only the WeChat transport is stubbed. */
import { moveItem, planInput, toggleFirstTopic } from '../../../../miniprogram/packages/study/plan-edit/plan-editor';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { flush, load, tap, textOf } from '../../helpers/load';
import { demoMember } from '../../scenarios/demo-data';
import {
  demoMakeUps,
  demoMyPoints,
  demoRanking,
  demoStudyCheckIn,
  demoStudyPlan,
  demoStudyToday,
} from '../../scenarios/study-demo-data';

describe('学习 tab', () => {
  it('shows the plan with its 第一议题 and what is studied, and no points', async () => {
    stubCloud({ 'member.me': ok({ member: demoMember }), 'study.today': ok(demoStudyToday) });
    const page = load('pages/study/index');
    await flush();
    const text = textOf(page);
    expect(text).toContain('今天还没有学习');
    expect(text).toContain('连续 5 天');
    expect(text).toContain('第一议题');
    expect(text).toContain('已学 1/3');
    expect(text).not.toMatch(/积分\s*\d|还差|今日任务/);
    expect(text).not.toContain('支部学习管理');
  });
});

describe('学习打卡', () => {
  it('checks in against the plan item it was opened for', async () => {
    const calls = stubCloud({
      'study.today': ok(demoStudyToday),
      'study.checkIn': ok({ checkIn: demoStudyCheckIn, created: true, pointsAwarded: 3 }),
    });
    const page = load('packages/study/check-in/index', { query: { itemId: demoStudyPlan.items[0]!.id } });
    await flush();
    expect(textOf(page)).toContain(demoStudyPlan.items[0]!.title);
    tap(page, '#submit');
    await flush();
    expect(calls.find((c) => c.action === 'study.checkIn')?.data).toEqual({
      planItemId: demoStudyPlan.items[0]!.id,
      minutes: 40,
      link: '',
      reflection: '',
    });
  });

  it('shows why a 心得 was refused and keeps what was typed', async () => {
    stubCloud({
      'study.today': ok({ ...demoStudyToday, checkIn: demoStudyCheckIn }),
      'study.checkIn': fail({
        code: 'STUDY_REFLECTION_RISKY',
        message: '学习心得中有不适宜发布的内容，请修改后再提交',
      }),
    });
    const page = load('packages/study/check-in/index');
    await flush();
    tap(page, '#submit');
    await flush();
    expect(textOf(page, '#form-error')).toBe('学习心得中有不适宜发布的内容，请修改后再提交');
    expect(page.data.values.reflection).toBe(demoStudyCheckIn.reflection);
  });
});

describe('补学与积分', () => {
  it('lists the member’s 补学 requests with the decision', async () => {
    stubCloud({ 'study.makeUp.list': ok({ items: demoMakeUps }) });
    const page = load('packages/study/make-up/index');
    await flush();
    expect(textOf(page)).toContain('待书记审核');
    expect(textOf(page)).toContain('李明：情况属实');
  });

  it('turns ranking off with the switch', async () => {
    const calls = stubCloud({
      'points.mine': ok(demoMyPoints),
      'points.ranking': ok(demoRanking),
      'points.optOut.set': ok({ rankingOptOut: true }),
    });
    const page = load('packages/study/points/index');
    await flush();
    expect(textOf(page)).toContain('186.5 分');
    page.querySelector('#opt-in')!.querySelector('.t-switch__body')!.dispatchEvent('tap');
    await flush();
    expect(calls.find((c) => c.action === 'points.optOut.set')?.data).toEqual({ rankingOptOut: true });
  });
});

describe('plan editor moves', () => {
  const items = demoStudyPlan.items;

  it('keeps the 第一议题 on the first item only', () => {
    const moved = moveItem(items, 1, -1);
    expect(moved.map((i) => i.title)).toEqual([items[1]!.title, items[0]!.title, items[2]!.title]);
    expect(moved.map((i) => i.firstTopic)).toEqual([false, false, false]);
    expect(toggleFirstTopic(moved)[0]!.firstTopic).toBe(true);
  });

  it('sends the items in order with their ids', () => {
    expect(planInput('2026-12', items).items.map((i) => i.id)).toEqual(items.map((i) => i.id));
  });
});
