/** The event form through the real events service and API client; only the WeChat transport is stubbed. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { eventDetail, freezeDate } from '../../helpers/event-fixtures';
import { buttonText, flush, inputTips, inputValue, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const PAGE = 'packages/events/edit/index';

/** A native picker reports the chosen value as a `change` event. */
const pick = (page: Rendered, selector: string, value: string) =>
  page.querySelector(selector)!.dispatchEvent('change', { detail: { value } });
const typeTheme = (page: Rendered, value: string) =>
  page
    .querySelector('#theme')!
    .querySelector('.t-textarea__wrapper-inner')!
    .dispatchEvent('input', { detail: { value, cursor: value.length } });

beforeEach(() => freezeDate());

describe('event form', () => {
  it('creates a draft in Beijing time and opens it', async () => {
    const calls = stubCloud({ 'event.create': ok(eventDetail({ id: 'new-1', status: 'draft' })) });
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = load(PAGE);
    await flush();
    type(page, '#title', '五月主题党日');
    typeTheme(page, '学习贯彻全国两会精神');
    page.querySelectorAll('.edit__chip')[3]!.dispatchEvent('tap'); // 志愿服务
    pick(page, '#start-date', '2026-05-15');
    pick(page, '#start-time', '09:00');
    pick(page, '#end-time', '11:30');
    type(page, '#place', '城西社区服务中心');
    type(page, '#capacity', '30');
    await flush();
    expect(textOf(page, '#deadline-date')).toBe('5月15日 周五'); // follows the start until picked
    pick(page, '#deadline-date', '2026-05-14');
    pick(page, '#deadline-time', '18:00');
    tap(page, '#submit');
    await flush();

    expect(calls).toEqual([
      {
        action: 'event.create',
        data: {
          title: '五月主题党日',
          theme: '学习贯彻全国两会精神',
          form: '志愿服务',
          startsAt: '2026-05-15T09:00:00+08:00',
          endsAt: '2026-05-15T11:30:00+08:00',
          place: { name: '城西社区服务中心' },
          capacity: 30,
          signUpDeadline: '2026-05-14T18:00:00+08:00',
        },
      },
    ]);
    expect(redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/events/detail/index?id=new-1' }));
  });

  it('asks for the date before sending anything', async () => {
    const calls = stubCloud({});
    const page = load(PAGE);
    await flush();
    tap(page, '#submit');
    await flush();
    expect(calls).toEqual([]);
    expect(textOf(page)).toContain('请选择开始日期');
  });

  it('shows the server’s field messages on the fields', async () => {
    stubCloud({
      'event.create': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [
          { path: 'title', message: '请填写活动名称' },
          { path: 'endsAt', message: '结束时间需晚于开始时间' },
          { path: 'capacity', message: '名额至少为 1' },
        ],
      }),
    });
    const page = load(PAGE);
    await flush();
    pick(page, '#start-date', '2026-05-15');
    type(page, '#capacity', '0');
    tap(page, '#submit');
    await flush();
    expect(inputTips(page, '#title')).toBe('请填写活动名称');
    expect(inputTips(page, '#capacity')).toBe('名额至少为 1');
    expect(textOf(page)).toContain('结束时间需晚于开始时间');
    expect(page.querySelector('.edit__form-error')).toBeUndefined();

    type(page, '#title', '五');
    await flush();
    expect(inputTips(page, '#title')).toBe('');
  });

  it('edits an event: fills the form, keeps its coordinates, saves the changes and goes back', async () => {
    const place = {
      name: '机关三楼会议室',
      location: { latitude: 39.9, longitude: 116.4 },
      radiusM: 300,
      requireLocation: true,
    };
    const calls = stubCloud({ 'event.get': ok(eventDetail({ place })), 'event.update': ok(eventDetail()) });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const page = load(PAGE, { query: { id: 'event-1' } });
    await flush();
    expect(inputValue(page, '#title')).toBe('五月主题党日');
    expect(inputValue(page, '#capacity')).toBe('30');
    expect(textOf(page, '#start-date')).toBe('5月15日 周五');
    expect(buttonText(page, '#submit')).toBe('保存修改');

    type(page, '#capacity', '');
    tap(page, '#submit');
    await flush();
    expect(calls[1]).toEqual({
      action: 'event.update',
      data: expect.objectContaining({
        eventId: 'event-1',
        startsAt: '2026-05-15T14:30:00+08:00',
        place: { ...place, name: '机关三楼会议室' },
        capacity: null,
      }),
    });
    expect(navigateBack).toHaveBeenCalled();
  });

  it('shows other refusals as a message on the form', async () => {
    stubCloud({
      'event.get': ok(eventDetail()),
      'event.update': fail({ code: 'EVENT_NOT_EDITABLE', message: '活动已取消或已结束，不能再修改' }),
    });
    const page = load(PAGE, { query: { id: 'event-1' } });
    await flush();
    tap(page, '#submit');
    await flush();
    expect(textOf(page, '.edit__form-error')).toBe('活动已取消或已结束，不能再修改');
  });

  it('shows loading, then the error with 重试 for an event it cannot load', async () => {
    stubCloud({ 'event.get': fail({ code: 'NOT_FOUND', message: '内容不存在或已被删除' }) });
    const page = load(PAGE, { query: { id: 'event-1' } });
    expect(textOf(page)).toContain('加载中');
    await flush();
    expect(textOf(page)).toContain('内容不存在或已被删除');
  });
});
