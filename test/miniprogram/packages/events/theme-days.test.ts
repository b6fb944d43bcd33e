/** The theme-day calendar and rule form through the real theme-days service and API client; only the WeChat transport is stubbed. */
import type { ThemeDayRuleView } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { freezeDate, NOW, themeDayCalendar } from '../../helpers/event-fixtures';
import { branch } from '../../helpers/fixtures';
import { buttonText, flush, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const CALENDAR = 'packages/events/theme-days/index';
const RULE = 'packages/events/theme-day-rule/index';

const rows = (page: Rendered) =>
  page.querySelectorAll('.occurrence').map((row) => (row.dom?.textContent ?? '').replace(/\s+/g, ''));
const tapOn = (page: Rendered, selector: string) => page.querySelector(selector)!.dispatchEvent('tap');
const pick = (page: Rendered, selector: string, value: string | number) =>
  page.querySelector(selector)!.dispatchEvent('change', { detail: { value } });

beforeEach(() => freezeDate());

describe('theme-day calendar', () => {
  it('lists the months with holiday moves, cancellations and the missing-holidays warning', async () => {
    const calls = stubCloud({ 'themeDay.calendar': ok(themeDayCalendar()) });
    const page = load(CALENDAR);
    await flush();
    expect(calls).toEqual([{ action: 'themeDay.calendar', data: {} }]);
    expect(textOf(page, '.theme-days__rule')).toContain('每月 1 日 14:30，约 2 小时；遇节假日或周末顺延到下一个工作日');
    expect(textOf(page)).toContain('法定节假日安排尚未公布');
    expect(rows(page)).toEqual([
      '6月6月1日周一14:30已发布',
      '10月10月9日周五14:30逢国庆节顺延（原定10月1日周四）',
      '11月11月2日周一14:30已取消逢周末顺延（原定11月1日周日）原因：并入党委集中学习',
      '2027年1月2027年1月4日周一14:30逢周末顺延（原定2027年1月1日周五）节假日安排待公布',
    ]);
    expect(page.querySelector('#edit-rule')).toBeUndefined();
    expect(page.querySelector('.occurrence__actions')).toBeUndefined();
  });

  it('opens the event of a month', async () => {
    stubCloud({ 'themeDay.calendar': ok(themeDayCalendar()) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = load(CALENDAR);
    await flush();
    tapOn(page, '.occurrence__body');
    await flush();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/events/detail/index?id=td-06' }));
  });

  it('lets the secretary move a month to a new date with a reason', async () => {
    const calls = stubCloud({
      'themeDay.calendar': ok(themeDayCalendar({ canManage: true })),
      'themeDay.occurrence.move': ok(themeDayCalendar().occurrences[1]!),
    });
    const page = load(CALENDAR);
    await flush();
    expect(page.querySelector('#move-2026-11')).toBeUndefined(); // cancelled already
    tapOn(page, '#move-2026-10');
    await flush();
    expect(textOf(page, '#occurrence-dialog')).toContain('调整日期（10月）');
    pick(page, '#move-date', '2026-10-12');
    pick(page, '#move-time', '09:00');
    type(page, '#occurrence-dialog >>> #reason', '与党校培训冲突');
    tap(page, '#occurrence-dialog >>> #dialog-confirm');
    await flush();
    expect(calls.find((c) => c.action === 'themeDay.occurrence.move')!.data).toEqual({
      key: '2026-10',
      date: '2026-10-12',
      startTime: '09:00',
      reason: '与党校培训冲突',
    });
    expect(calls.filter((c) => c.action === 'themeDay.calendar')).toHaveLength(2);
  });

  it('lets the secretary cancel a month, showing the server’s refusal in the dialog', async () => {
    const calls = stubCloud({
      'themeDay.calendar': ok(themeDayCalendar({ canManage: true })),
      'themeDay.occurrence.cancel': fail({ code: 'EVENT_NOT_EDITABLE', message: '这次主题党日已取消，不能再调整' }),
    });
    const page = load(CALENDAR);
    await flush();
    tapOn(page, '#cancel-2026-06');
    await flush();
    expect(page.querySelector('#move-date')).toBeUndefined();
    // Not 确认取消 beside 取消: the decision and the way to keep the month, each in words.
    expect(textOf(page, '#occurrence-dialog >>> .reason-dialog__actions')).toBe('取消本月主题党日不取消，照常举行');
    type(page, '#occurrence-dialog >>> #reason', '并入七一活动');
    tap(page, '#occurrence-dialog >>> #dialog-confirm');
    await flush();
    expect(calls.find((c) => c.action === 'themeDay.occurrence.cancel')!.data).toEqual({
      key: '2026-06',
      reason: '并入七一活动',
    });
    expect(textOf(page, '#occurrence-dialog')).toContain('这次主题党日已取消，不能再调整');
  });

  it('asks the secretary to set a rule when there is none, and tells a member to wait', async () => {
    stubCloud({
      'themeDay.calendar': ok(
        themeDayCalendar({ rule: null, occurrences: [], holidayDataMissing: false, canManage: true }),
      ),
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = load(CALENDAR);
    await flush();
    expect(textOf(page)).toContain('尚未设置主题党日');
    tap(page, '.sub-page >>> .state-view__button');
    await flush();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/events/theme-day-rule/index' }));

    stubCloud({
      'themeDay.calendar': ok(themeDayCalendar({ rule: null, occurrences: [], holidayDataMissing: false })),
    });
    const asMember = load(CALENDAR);
    await flush();
    expect(textOf(asMember)).toContain('支部书记设置每月的固定日期后，会显示在这里');
    expect(asMember.querySelector('.sub-page >>> .state-view__button')).toBeUndefined();
  });

  it('shows loading, then the error with 重试', async () => {
    stubCloud({ 'themeDay.calendar': fail({ code: 'FORBIDDEN', message: '只能查看本支部的主题党日' }) });
    const page = load(CALENDAR);
    expect(textOf(page)).toContain('加载中');
    await flush();
    expect(textOf(page)).toContain('只能查看本支部的主题党日');
  });
});

describe('theme-day rule form', () => {
  const saved: ThemeDayRuleView = {
    owner: { kind: 'branch', id: branch.id },
    monthly: { kind: 'nthWeekday', n: -1, weekday: 5 },
    startTime: '15:00',
    holidayPolicy: 'previousWorkday',
    durationMinutes: 90,
    placeName: '党员活动室',
    updatedAt: NOW,
  };

  it('starts from the 15th at 14:30 and saves a day-of-month rule', async () => {
    const calls = stubCloud({ 'themeDay.rule.get': ok({ rule: null }), 'themeDay.rule.set': ok(saved) });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = load(RULE);
    await flush();
    expect(textOf(page, '#day')).toBe('每月 15 日');
    pick(page, '#day', 0);
    pick(page, '#start-time', '09:30');
    pick(page, '#duration', 3);
    tapOn(page, '#policy-keep');
    type(page, '#place', '党员活动室');
    tap(page, '#submit');
    await flush();
    expect(calls[1]).toEqual({
      action: 'themeDay.rule.set',
      data: {
        monthly: { kind: 'dayOfMonth', day: 1 },
        startTime: '09:30',
        holidayPolicy: 'keep',
        durationMinutes: 120,
        placeName: '党员活动室',
      },
    });
    expect(navigateBack).toHaveBeenCalled();
  });

  it('shows the saved nth-weekday rule and saves a change to it', async () => {
    const calls = stubCloud({ 'themeDay.rule.get': ok({ rule: saved }), 'themeDay.rule.set': ok(saved) });
    const page = load(RULE);
    await flush();
    expect(textOf(page, '#nth')).toBe('最后一个');
    expect(textOf(page, '#weekday')).toBe('周五');
    expect(textOf(page, '#duration')).toBe('约 1 小时 30 分钟');
    expect(page.querySelector('#policy-previousWorkday')!.dom!.className).toContain('rule__chip--on');
    pick(page, '#nth', 0);
    tap(page, '#submit');
    await flush();
    expect((calls[1]!.data as { monthly: unknown }).monthly).toEqual({ kind: 'nthWeekday', n: 1, weekday: 5 });
  });

  it('shows the server’s field messages', async () => {
    stubCloud({
      'themeDay.rule.get': ok({ rule: null }),
      'themeDay.rule.set': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'placeName', message: '活动地点最多 60 个字' }],
      }),
    });
    const page = load(RULE);
    await flush();
    tap(page, '#submit');
    await flush();
    expect(page.querySelector('#place')!.querySelector('.t-input__tips')!.dom!.textContent).toBe(
      '活动地点最多 60 个字',
    );
    expect(buttonText(page, '#submit')).toBe('保存规则');
  });
});
