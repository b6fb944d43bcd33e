/**
 * The 活动 tab through the real session store, events and pairings services and API client; only
 * the WeChat transport is stubbed. Pages of the list come with the server's cursor.
 */
import type { EventPage, PairingSummary } from '../../../src/contract';
import { NETWORK_MESSAGE } from '../../../miniprogram/services/api';
import { fail, ok, stubCloud } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { eventSummary, freezeDate } from '../helpers/event-fixtures';
import { member } from '../helpers/fixtures';
import { demoPairing } from '../scenarios/org-demo-data';
import type { CloudCall } from '../helpers/cloud';
import { flush, load, show, textOf } from '../helpers/load';
import { takeSetDataRecords } from '../helpers/set-data-log';
import type { Rendered } from '../helpers/load';

const PAGE = 'pages/events/index';

const cards = (page: Rendered) => page.querySelectorAll('.event-card');
const card = (page: Rendered, n: number): string =>
  (cards(page)[n - 1]?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tapOn = (page: Rendered, selector: string) => page.querySelector(selector)!.dispatchEvent('tap');
const reachBottom = (page: Rendered) => (page.instance as unknown as { onReachBottom(): void }).onReachBottom();

const NO_PAIRINGS = ok({ items: [] as PairingSummary[], nextOffset: null });

function cloud(list: Replies['event.list'], role = member.role, pairings: Replies['pairing.list'] = NO_PAIRINGS) {
  return stubCloud({ 'member.me': ok({ member: { ...member, role } }), 'event.list': list, 'pairing.list': pairings });
}

/** What each `event.list` call asked for, in order. */
const listCalls = (calls: CloudCall[]) => calls.filter((c) => c.action === 'event.list').map((c) => c.data);

beforeEach(() => freezeDate());

describe('活动 tab', () => {
  it('shows each upcoming event with its form, Beijing time, place, my state and counts', async () => {
    const calls = cloud(
      ok<EventPage>({
        items: [
          eventSummary({
            myRegistration: { status: 'registered', waitlistPosition: null, signedUpAt: '2026-05-10T01:00:00Z' },
          }),
          eventSummary({
            id: 'event-2',
            title: '参观革命纪念馆',
            form: '参观红色教育基地',
            startsAt: '2026-05-20T01:00:00.000Z',
            endsAt: '2026-05-20T04:00:00.000Z',
            placeName: '',
            counts: { registered: 30, waitlisted: 3, capacity: 30, remaining: 0 },
            myRegistration: { status: 'waitlisted', waitlistPosition: 2, signedUpAt: '2026-05-11T01:00:00Z' },
          }),
        ],
        nextCursor: null,
      }),
    );
    const page = load(PAGE);
    await flush();

    expect(calls.map((c) => c.action)).toEqual(['member.me', 'event.list', 'pairing.list']);
    expect(calls[1]!.data).toEqual({ scope: 'upcoming', limit: 10 });
    expect(calls[2]!.data).toEqual({ scope: 'branch', offset: 0, status: 'active' });
    expect(cards(page)).toHaveLength(2);
    const first = card(page, 1);
    for (const text of [
      '集体学习',
      '五月主题党日',
      '5月15日 周五 14:30–16:30',
      '机关三楼会议室',
      '已报名',
      '已报名 12 人 / 限 30 人',
    ])
      expect(first).toContain(text);
    const second = card(page, 2);
    for (const text of [
      '参观红色教育基地',
      '5月20日 周三 09:00–12:00',
      '地点待定',
      '候补第 2 位',
      '已报名 30 人 / 限 30 人 · 候补 3 人',
    ])
      expect(second).toContain(text);
    expect(textOf(page)).toContain('没有更多了');
  });

  it('says 已签到 (and 迟到) on the card once I have checked in', async () => {
    const registered = { status: 'registered' as const, waitlistPosition: null, signedUpAt: '2026-05-10T01:00:00Z' };
    cloud(
      ok<EventPage>({
        items: [
          eventSummary({ myRegistration: registered, myCheckIn: { at: '2026-05-15T06:25:00Z', timing: 'onTime' } }),
          eventSummary({
            id: 'event-2',
            myRegistration: null,
            myCheckIn: { at: '2026-05-15T06:45:00Z', timing: 'late' },
          }),
        ],
        nextCursor: null,
      }),
    );
    const page = load(PAGE);
    await flush();
    expect(card(page, 1)).toContain('已签到 14:25');
    expect(card(page, 1)).not.toContain('已报名 ·');
    expect(card(page, 2)).toContain('已签到 14:45（迟到）');
  });

  it('marks a cancelled event and shows no state for an event I have not signed up for', async () => {
    cloud(ok<EventPage>({ items: [eventSummary({ status: 'cancelled' })], nextCursor: null }));
    const page = load(PAGE);
    await flush();
    expect(card(page, 1)).toContain('已取消');
    expect(card(page, 1)).not.toContain('已报名 ·');
    expect(page.querySelector('.event-card__mine')).toBeUndefined();
  });

  it('loads the next page with the cursor when the member reaches the bottom, appending only the new cards', async () => {
    const calls = cloud((data) => {
      const { cursor } = data as { cursor?: string };
      return cursor
        ? ok<EventPage>({
            items: [eventSummary({ id: 'event-3', title: '六月志愿服务', form: '志愿服务' })],
            nextCursor: null,
          })
        : ok<EventPage>({ items: [eventSummary()], nextCursor: 'cursor-1' });
    });
    const page = load(PAGE);
    await flush();
    expect(textOf(page)).not.toContain('没有更多了');

    takeSetDataRecords();
    reachBottom(page);
    await flush();
    expect(listCalls(calls)[1]).toEqual({ scope: 'upcoming', cursor: 'cursor-1', limit: 10 });
    const keys = takeSetDataRecords().flatMap((r) => r.keys);
    expect(keys).toContain('items[1]');
    expect(keys).not.toContain('items');
    expect(cards(page)).toHaveLength(2);
    expect(card(page, 2)).toContain('六月志愿服务');
    expect(textOf(page)).toContain('没有更多了');

    reachBottom(page); // nothing more to load
    await flush();
    expect(listCalls(calls)).toHaveLength(2);
  });

  it('offers to retry when a further page fails, keeping what is shown', async () => {
    let offline = false;
    cloud((data) =>
      offline
        ? fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
        : ok<EventPage>({
            items: [eventSummary()],
            nextCursor: (data as { cursor?: string }).cursor ? null : 'cursor-1',
          }),
    );
    const page = load(PAGE);
    await flush();
    offline = true;
    reachBottom(page);
    await flush();
    expect(cards(page)).toHaveLength(1);
    expect(textOf(page, '#more-retry')).toBe('服务暂时不可用，请稍后再试，点此重试');

    offline = false;
    tapOn(page, '#more-retry');
    await flush();
    expect(cards(page)).toHaveLength(2);
  });

  it('switches to past events, latest first, with their own empty state', async () => {
    const calls = cloud((data) =>
      (data as { scope: string }).scope === 'past'
        ? ok<EventPage>({ items: [], nextCursor: null })
        : ok<EventPage>({ items: [eventSummary()], nextCursor: null }),
    );
    const page = load(PAGE);
    await flush();
    tapOn(page, '#scope-past');
    await flush();
    expect(listCalls(calls)[1]).toEqual({ scope: 'past', limit: 10 });
    expect(textOf(page)).toContain('暂无往期活动');
    expect(page.querySelector('#scope-past')!.dom!.className).toContain('events__scope--on');
  });

  it('shows the empty state when nothing is planned', async () => {
    cloud(ok<EventPage>({ items: [], nextCursor: null }));
    const page = load(PAGE);
    await flush();
    expect(textOf(page)).toContain('暂无活动');
    expect(textOf(page)).toContain('支部发布主题党日等活动后会显示在这里');
  });

  it('shows loading until the list arrives', () => {
    stubCloud({ 'member.me': ok({ member }), 'event.list': () => new Promise(() => undefined) as never });
    const page = load(PAGE);
    expect(textOf(page)).toContain('加载中');
  });

  it('shows the error with 重试 when the list cannot be loaded', async () => {
    cloud(fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }));
    const page = load(PAGE);
    await flush();
    expect(textOf(page)).toContain('服务暂时不可用，请稍后再试');
    expect(textOf(page)).toContain('重试');
    expect(textOf(page)).not.toContain(NETWORK_MESSAGE);
  });

  it('opens an event, the calendar, and for organisers the form to start one', async () => {
    cloud(ok<EventPage>({ items: [eventSummary()], nextCursor: null }), 'secretary');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = load(PAGE);
    await flush();
    tapOn(page, '.event-card');
    tapOn(page, '#calendar');
    tapOn(page, '#create');
    await flush();
    expect(navigateTo.mock.calls.map(([o]) => o.url)).toEqual([
      '/packages/events/detail/index?id=event-1',
      '/packages/events/theme-days/index',
      '/packages/events/edit/index',
    ]);
  });

  it('does not offer 发起活动 to a member', async () => {
    cloud(ok<EventPage>({ items: [eventSummary()], nextCursor: null }));
    const page = load(PAGE);
    await flush();
    expect(page.querySelector('#create')).toBeUndefined();
  });

  it('keeps the list when the tab is shown again and nothing changed', async () => {
    const calls = cloud(ok<EventPage>({ items: [eventSummary()], nextCursor: null }));
    const page = load(PAGE);
    await flush();
    show(page);
    await flush();
    expect(calls.filter((c) => c.action === 'event.list')).toHaveLength(1);
  });

  it('shows a newcomer only the call to join, without the list controls', async () => {
    const calls = stubCloud({ 'member.me': ok({ member: null }) });
    const page = load(PAGE);
    await flush();
    expect(textOf(page)).toContain('你还没有加入支部');
    expect(page.querySelector('#scope-past')).toBeUndefined();
    expect(page.querySelector('#calendar')).toBeUndefined();
    expect(calls.map((c) => c.action)).toEqual(['member.me']);
  });
});

describe('活动 tab · pairing filter', () => {
  const hexi = demoPairing;
  const east: PairingSummary = { ...demoPairing, id: 'pairing-east', name: '东门社区党建联盟' };
  const pairingsOk = ok({ items: [hexi, east], nextOffset: null });

  const chipTexts = (page: Rendered) => page.querySelectorAll('.events__pairing').map((c) => c.dom?.textContent);
  const chosenChip = (page: Rendered) => textOf(page, '.events__pairing--on');

  /** The first page has a cursor; later pages end. Titles say which pairing they are for. */
  function pagedByPairing(data: unknown) {
    const { cursor, pairingId } = data as { cursor?: string; pairingId?: string };
    const title = `${pairingId ?? '全部'}${cursor ? ' · 第二页' : ''}`;
    return ok<EventPage>({ items: [eventSummary({ id: title, title })], nextCursor: cursor ? null : 'cursor-1' });
  }

  it('shows 全部 and each active pairing above the list, 全部 chosen', async () => {
    cloud(pagedByPairing, member.role, pairingsOk);
    const page = load(PAGE);
    await flush();
    expect(chipTexts(page)).toEqual(['全部', hexi.name, '东门社区党建联盟']);
    expect(chosenChip(page)).toBe('全部');
  });

  it('shows no chip row when the branch is in no pairing, or the pairings cannot be loaded', async () => {
    cloud(pagedByPairing);
    const none = load(PAGE);
    await flush();
    expect(none.querySelector('.events__pairings')).toBeUndefined();

    cloud(pagedByPairing, member.role, fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }));
    const failed = load(PAGE);
    await flush();
    expect(failed.querySelector('.events__pairings')).toBeUndefined();
    expect(cards(failed)).toHaveLength(1);
  });

  it('reloads from the first page with pairingId when a pairing is chosen, then pages within it', async () => {
    const calls = cloud(pagedByPairing, member.role, pairingsOk);
    const page = load(PAGE);
    await flush();
    reachBottom(page);
    await flush();
    expect(cards(page)).toHaveLength(2);

    tapOn(page, '#pairing-pairing-east');
    await flush();
    expect(listCalls(calls)[2]).toEqual({ scope: 'upcoming', pairingId: 'pairing-east', limit: 10 });
    expect(cards(page)).toHaveLength(1);
    expect(card(page, 1)).toContain('pairing-east');
    expect(chosenChip(page)).toBe('东门社区党建联盟');
    // Choosing a pairing does not fetch the pairings again.
    expect(calls.filter((c) => c.action === 'pairing.list')).toHaveLength(1);

    reachBottom(page);
    await flush();
    expect(listCalls(calls)[3]).toEqual({
      scope: 'upcoming',
      pairingId: 'pairing-east',
      cursor: 'cursor-1',
      limit: 10,
    });
    expect(card(page, 2)).toContain('pairing-east · 第二页');
  });

  it('keeps the chosen pairing when switching to 往期, and 全部 drops it', async () => {
    const calls = cloud(pagedByPairing, member.role, pairingsOk);
    const page = load(PAGE);
    await flush();
    tapOn(page, `#pairing-${hexi.id}`);
    await flush();
    tapOn(page, '#scope-past');
    await flush();
    expect(listCalls(calls)[2]).toEqual({ scope: 'past', pairingId: hexi.id, limit: 10 });
    expect(chosenChip(page)).toBe(hexi.name);

    tapOn(page, '#pairing-all');
    await flush();
    expect(listCalls(calls)[3]).toEqual({ scope: 'past', limit: 10 });
    expect(chosenChip(page)).toBe('全部');
  });

  it('says how to see everything when the chosen pairing has no events', async () => {
    cloud(
      (data) =>
        (data as { pairingId?: string }).pairingId
          ? ok<EventPage>({ items: [], nextCursor: null })
          : pagedByPairing(data),
      member.role,
      pairingsOk,
    );
    const page = load(PAGE);
    await flush();
    tapOn(page, '#pairing-pairing-east');
    await flush();
    expect(textOf(page)).toContain('暂无活动');
    expect(textOf(page)).toContain('选择“全部”可查看支部的所有活动');
  });

  it('goes back to all events when the chosen pairing is no longer active on refresh', async () => {
    let active = [hexi, east];
    const calls = cloud(pagedByPairing, member.role, () => ok({ items: active, nextOffset: null }));
    const page = load(PAGE);
    await flush();
    tapOn(page, '#pairing-pairing-east');
    await flush();

    active = [hexi];
    (page.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
    await flush();
    await flush();
    expect(listCalls(calls).at(-1)).toEqual({ scope: 'upcoming', limit: 10 });
    expect(chipTexts(page)).toEqual(['全部', hexi.name]);
    expect(chosenChip(page)).toBe('全部');
    expect(card(page, 1)).toContain('全部');
  });
});
