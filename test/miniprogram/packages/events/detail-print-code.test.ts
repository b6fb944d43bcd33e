/**
 * 打印签到码 on the event page: offered to managers of an event that checks the position, and
 * shown in WeChat's image viewer (where a long press saves it). Only the transport is stubbed.
 */
import type { EventDetail } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { eventDetail, freezeDate } from '../../helpers/event-fixtures';
import { member } from '../../helpers/fixtures';
import { flush, load, tap } from '../../helpers/load';

const PAGE = 'packages/events/detail/index';
const PLACE = {
  name: '机关三楼会议室',
  location: { latitude: 39.9087, longitude: 116.3975 },
  radiusM: 300,
  requireLocation: true,
};
const PRINTED = {
  scene: 'e=HQ7K2M9P',
  fileId: 'cloud://env.bucket/check-in-codes/HQ7K2M9P.png',
  url: 'https://tmp.example/HQ7K2M9P.png',
};

function open(event: EventDetail, printCode: Parameters<typeof stubCloud>[0]['checkin.printCode'] = ok(PRINTED)) {
  const calls = stubCloud({
    'member.me': ok({ member: { ...member, role: 'secretary' } }),
    'event.get': ok(event),
    'checkin.printCode': printCode,
  });
  return { page: load(PAGE, { query: { id: 'event-1' } }), calls };
}

beforeEach(() => freezeDate());

describe('打印签到码', () => {
  it('shows the printed code of an event that requires location in the image viewer', async () => {
    const preview = jest.spyOn(wx, 'previewImage');
    const { page, calls } = open(eventDetail({ canManage: true, place: PLACE }));
    await flush();
    tap(page, '.detail__print-code', '.t-cell');
    await flush();
    expect(calls.filter((c) => c.action === 'checkin.printCode')).toEqual([
      { action: 'checkin.printCode', data: { eventId: 'event-1' } },
    ]);
    expect(preview).toHaveBeenCalledWith(expect.objectContaining({ urls: [PRINTED.url], showmenu: true }));
  });

  it('explains a refusal in the server’s words', async () => {
    const modal = jest.spyOn(wx, 'showModal');
    const { page } = open(
      eventDetail({ canManage: true, place: PLACE }),
      fail({ code: 'FORBIDDEN', message: '只有主办方的书记或委员可以管理此活动' }),
    );
    await flush();
    tap(page, '.detail__print-code', '.t-cell');
    await flush();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '只有主办方的书记或委员可以管理此活动' }));
  });

  it.each([
    ['a member who does not manage it', eventDetail({ canManage: false, place: PLACE })],
    ['an event without location', eventDetail({ canManage: true })],
    [
      'an event with a position it does not require',
      eventDetail({ canManage: true, place: { ...PLACE, requireLocation: false } }),
    ],
    ['a cancelled event', eventDetail({ canManage: true, place: PLACE, status: 'cancelled', cancelReason: '暴雨' })],
  ])('is not offered to %s', async (_, event) => {
    const { page } = open(event);
    await flush();
    expect(page.querySelector('.detail__print-code')).toBeUndefined();
    expect(page.querySelector('.detail__title')).toBeDefined();
  });
});
