/** 首页's lead card: the member's next event with their state, 扫码签到 while open, 请假 before it starts, and tasks. */
import { settle } from '../../helpers/ask';
import { ok, stubCloud } from '../../helpers/cloud';
import { load, tap, textOf, type } from '../../helpers/load';
import { freezeDate } from '../../helpers/event-fixtures';
import { demoMember } from '../../scenarios/demo-data';
import { page } from '../../scenarios/org-demo-data';
import { demoHomeOverview, REVIEW_NOW } from '../../scenarios/review-scenarios';

const PAGE = 'pages/home/index';

beforeEach(() => freezeDate(REVIEW_NOW));
afterEach(() => jest.useRealTimers());

describe('首页 · 下一次活动', () => {
  it('leads with the next event and asks for leave with a reason', async () => {
    const calls = stubCloud({
      'member.me': ok({ member: demoMember }),
      'pairing.list': ok(page([])),
      'home.overview': ok(demoHomeOverview),
      'leave.request': ok({ eventId: 'ev-theme-0615', reason: '外出培训', status: 'requested', at: REVIEW_NOW }),
    });
    const view = load(PAGE);
    await settle();
    expect(textOf(view, '.page >>> #next-event')).toContain('6月主题党日：学习贯彻四中全会精神');
    expect(textOf(view, '.page >>> #next-event')).toContain('已报名');
    expect(view.querySelector('.page >>> #check-in')).toBeFalsy();
    expect(textOf(view)).toContain('报名：七一重温入党誓词');

    tap(view, '.page >>> #ask-leave');
    await settle();
    type(view, '#leave-dialog >>> #reason', '外出培训');
    tap(view, '#leave-dialog >>> #dialog-confirm');
    await settle();
    expect(calls.find((c) => c.action === 'leave.request')?.data).toEqual({
      eventId: 'ev-theme-0615',
      reason: '外出培训',
    });
    expect(calls.filter((c) => c.action === 'home.overview')).toHaveLength(2);
  });

  it('offers 扫码签到 while check-in is open', async () => {
    stubCloud({
      'member.me': ok({ member: demoMember }),
      'pairing.list': ok(page([])),
      'home.overview': ok({ ...demoHomeOverview, next: { ...demoHomeOverview.next!, checkInOpen: true } }),
    });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(PAGE);
    await settle();
    tap(view, '.page >>> #check-in');
    await settle();
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/events/check-in/index?eventId=ev-theme-0615' }),
    );
  });
});
