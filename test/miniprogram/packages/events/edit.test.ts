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

/** The map picker answers once: with a point, or fails with `errMsg`. */
function mapAnswers(answer: { name: string; address: string; latitude: number; longitude: number } | string) {
  return jest.spyOn(wx, 'chooseLocation').mockImplementation(((options: WechatMiniprogram.ChooseLocationOption) => {
    if (typeof answer === 'string') options.fail?.({ errMsg: answer });
    else options.success?.({ ...answer, errMsg: 'chooseLocation:ok' });
  }) as unknown as typeof wx.chooseLocation);
}
const CHOSEN = {
  name: '城西社区服务中心',
  address: '北京市西城区西直门南大街 1 号',
  latitude: 39.9401,
  longitude: 116.3551,
};

/** Whether the 要求定位签到 switch can be turned (TDesign marks its body disabled). */
const switchDisabled = (page: Rendered) =>
  page.querySelector('#require-location')!.querySelector('.t-switch__body')!.dom!.className.includes('disabled');
const toggleRequireLocation = (page: Rendered) =>
  page.querySelector('#require-location')!.querySelector('.t-switch__body')!.dispatchEvent('tap');

/** A new event with its dates chosen, ready to submit. */
async function newEventForm(): Promise<Rendered> {
  const page = load(PAGE);
  await flush();
  type(page, '#title', '五月主题党日');
  pick(page, '#start-date', '2026-05-15');
  await flush();
  return page;
}

const placeSent = (calls: { data: unknown }[]) => (calls.at(-1)!.data as { place: unknown }).place;

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
          place: { name: '城西社区服务中心', location: null, radiusM: 500, requireLocation: false },
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

  describe('签到位置', () => {
    it('fills the name, the point, the radius and the switch from the map and sends them', async () => {
      const calls = stubCloud({ 'event.create': ok(eventDetail({ id: 'new-1', status: 'draft' })) });
      const chooseLocation = mapAnswers(CHOSEN);
      const page = await newEventForm();
      expect(switchDisabled(page)).toBe(true);
      expect(page.querySelector('#radius-500')).toBeUndefined();

      tap(page, '#choose-location');
      await flush();
      expect(chooseLocation).toHaveBeenCalledTimes(1);
      expect(inputValue(page, '#place')).toBe('城西社区服务中心');
      expect(textOf(page, '#point')).toContain('城西社区服务中心 · 北京市西城区西直门南大街 1 号');
      expect(page.querySelector('#radius-500')!.dom!.className).toContain('edit__chip--on');
      expect(switchDisabled(page)).toBe(false);

      page.querySelector('#radius-200')!.dispatchEvent('tap');
      toggleRequireLocation(page);
      await flush();
      tap(page, '#submit');
      await flush();
      expect(placeSent(calls)).toEqual({
        name: '城西社区服务中心',
        location: { latitude: 39.9401, longitude: 116.3551 },
        radiusM: 200,
        requireLocation: true,
      });
    });

    it('keeps a typed place name when a point is chosen', async () => {
      const calls = stubCloud({ 'event.create': ok(eventDetail({ id: 'new-1', status: 'draft' })) });
      mapAnswers(CHOSEN);
      const page = await newEventForm();
      type(page, '#place', '社区三楼活动室');
      tap(page, '#choose-location');
      await flush();
      tap(page, '#submit');
      await flush();
      expect(placeSent(calls)).toEqual(expect.objectContaining({ name: '社区三楼活动室' }));
    });

    it('changes nothing when the map is closed', async () => {
      const calls = stubCloud({ 'event.create': ok(eventDetail({ id: 'new-1', status: 'draft' })) });
      mapAnswers('chooseLocation:fail cancel');
      const page = await newEventForm();
      tap(page, '#choose-location');
      await flush();
      expect(page.querySelector('#point')).toBeUndefined();
      expect(page.querySelector('#location-hint')).toBeUndefined();
      expect(switchDisabled(page)).toBe(true);
      tap(page, '#submit');
      await flush();
      expect(placeSent(calls)).toEqual({ name: '', location: null, radiusM: 500, requireLocation: false });
    });

    it('says that QR check-in still works when position access is refused', async () => {
      stubCloud({});
      mapAnswers('chooseLocation:fail auth deny');
      const page = await newEventForm();
      tap(page, '#choose-location');
      await flush();
      expect(textOf(page, '#location-hint')).toBe('未获得位置权限，可不设签到位置，扫码签到不受影响');
      expect(page.querySelector('#point')).toBeUndefined();
    });

    it('clears the point and turns location check-in off', async () => {
      const calls = stubCloud({ 'event.create': ok(eventDetail({ id: 'new-1', status: 'draft' })) });
      mapAnswers(CHOSEN);
      const page = await newEventForm();
      tap(page, '#choose-location');
      await flush();
      toggleRequireLocation(page);
      await flush();
      page.querySelector('#clear-location')!.dispatchEvent('tap');
      await flush();
      expect(page.querySelector('#point')).toBeUndefined();
      expect(switchDisabled(page)).toBe(true);
      tap(page, '#submit');
      await flush();
      expect(placeSent(calls)).toEqual({
        name: '城西社区服务中心',
        location: null,
        radiusM: 500,
        requireLocation: false,
      });
    });

    it('shows an event’s point and its own radius, and sends them back unchanged', async () => {
      const place = {
        name: '机关三楼会议室',
        location: { latitude: 39.9, longitude: 116.4 },
        radiusM: 250,
        requireLocation: true,
      };
      const calls = stubCloud({ 'event.get': ok(eventDetail({ place })), 'event.update': ok(eventDetail()) });
      const page = load(PAGE, { query: { id: 'event-1' } });
      await flush();
      expect(textOf(page, '#point')).toContain('纬度 39.90000，经度 116.40000');
      expect(page.querySelector('#radius-250')!.dom!.className).toContain('edit__chip--on');
      expect(switchDisabled(page)).toBe(false);
      tap(page, '#submit');
      await flush();
      expect(placeSent(calls)).toEqual(place);
    });

    it('shows the server’s place messages on the place fields', async () => {
      stubCloud({
        'event.create': fail({
          code: 'INVALID_INPUT',
          message: '填写的内容有误，请检查后重试',
          details: [
            { path: 'place.location', message: '要求定位签到时，请先在地图上选择活动位置' },
            { path: 'place.radiusM', message: '签到范围至少 50 米' },
          ],
        }),
      });
      mapAnswers(CHOSEN);
      const page = await newEventForm();
      tap(page, '#choose-location');
      await flush();
      tap(page, '#submit');
      await flush();
      expect(textOf(page, '#location-error')).toBe('要求定位签到时，请先在地图上选择活动位置');
      expect(textOf(page, '#radius-error')).toBe('签到范围至少 50 米');
      expect(page.querySelector('.edit__form-error')).toBeUndefined();
    });
  });
});
