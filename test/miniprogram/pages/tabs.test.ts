/**
 * The five tab pages through the real session store, member service and API client; only the
 * WeChat transport (wx.cloud.callFunction) is stubbed.
 */
import { NETWORK_MESSAGE } from '../../../miniprogram/services/api';
import { ok, stubCloud, stubCloudOffline } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import { member } from '../helpers/fixtures';
import { buttonText, flush, load, show, tap, textOf } from '../helpers/load';

const JOIN_URL = '/packages/member/join/index';
/** The state view's button, inside the component (`>>>` crosses into it). */
const STATE_BUTTON = '.page >>> .state-view__button';

interface TabCase {
  page: string;
  /** What a member sees once loaded. */
  memberSees: string[];
  /** What the tab asks besides member.me. */
  replies?: Replies;
}

const TABS: TabCase[] = [
  {
    page: 'pages/home/index',
    memberSees: ['你好，张三', '第一党支部', '市直机关党委', '近期没有需要参加的活动'],
    replies: { 'home.overview': ok({ next: null, tasks: [] }) },
  },
  {
    page: 'pages/events/index',
    memberSees: ['暂无活动', '支部发布主题党日等活动后会显示在这里'],
    replies: { 'event.list': ok({ items: [], nextCursor: null }) },
  },
  {
    page: 'pages/study/index',
    memberSees: ['今天还没有学习', '本月的学习计划还没有发布'],
    replies: {
      'study.today': ok({
        today: '2026-12-01',
        checkIn: null,
        checkInPhotos: [],
        streak: { current: 0, longest: 0 },
        minutes: { week: 0, month: 0 },
        plans: [],
        studiedItemIds: [],
      }),
    },
  },
  {
    page: 'pages/posts/index',
    memberSees: ['还没有活动风采', '参加活动后，可以在这里分享照片和心得', '通知公告'],
    replies: { 'post.feed': ok({ items: [], nextCursor: null }), 'notice.unread': ok({ count: 0, latest: [] }) },
  },
  { page: 'pages/mine/index', memberSees: ['张三', '党员', '第一党支部', '市直机关党委'] },
];

describe.each(TABS)('$page', ({ page: pagePath, memberSees, replies }) => {
  it('shows loading until the session arrives', () => {
    wx.cloud.callFunction = jest.fn(() => new Promise(() => undefined)) as unknown as typeof wx.cloud.callFunction;
    const page = load(pagePath);
    expect(page.data.status).toBe('loading');
    expect(textOf(page)).toContain('加载中');
  });

  it('shows what a member sees once loaded', async () => {
    stubCloud({ 'member.me': ok({ member }), ...replies });
    const page = load(pagePath);
    await flush();
    const text = textOf(page);
    for (const expected of memberSees) expect(text).toContain(expected);
    expect(text).not.toContain('加入支部');
  });

  it('shows the network error with 重试, and 重试 loads again', async () => {
    stubCloudOffline();
    const page = load(pagePath);
    await flush();
    expect(textOf(page)).toContain(NETWORK_MESSAGE);
    expect(buttonText(page, STATE_BUTTON)).toBe('重试');

    stubCloud({ 'member.me': ok({ member }), ...replies });
    tap(page, STATE_BUTTON);
    await flush();
    expect(textOf(page)).toContain(memberSees[0]);
    expect(textOf(page)).not.toContain(NETWORK_MESSAGE);
  });

  it('uses the cached session when shown again', async () => {
    const calls = stubCloud({ 'member.me': ok({ member }), ...replies });
    const page = load(pagePath);
    await flush();
    show(page);
    await flush();
    expect(calls.filter((c) => c.action === 'member.me')).toHaveLength(1);
    expect(page.data.status).not.toBe('loading');
  });
});

describe.each(TABS.filter((t) => t.page !== 'pages/mine/index'))(
  '$page for someone who has not joined',
  ({ page: pagePath }) => {
    it('asks them to join and opens the join page', async () => {
      stubCloud({ 'member.me': ok({ member: null }) });
      const navigateTo = jest.spyOn(wx, 'navigateTo');
      const page = load(pagePath);
      await flush();
      expect(textOf(page)).toContain('你还没有加入支部');
      expect(buttonText(page, STATE_BUTTON)).toBe('加入支部');
      tap(page, STATE_BUTTON);
      await flush();
      expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: JOIN_URL }));
    });
  },
);

describe('pages/mine/index for someone who has not joined', () => {
  it('shows the 加入支部 entry, which opens the join page', async () => {
    stubCloud({ 'member.me': ok({ member: null }) });
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = load('pages/mine/index');
    await flush();
    expect(textOf(page)).toContain('未加入支部');
    expect(textOf(page)).toContain('加入支部');
    tap(page, '.mine__join', '.t-cell');
    await flush();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: JOIN_URL }));
  });

  it('shows a secretary their role in Chinese', async () => {
    stubCloud({ 'member.me': ok({ member: { ...member, role: 'secretary' } }) });
    const page = load('pages/mine/index');
    await flush();
    expect(textOf(page)).toContain('支部书记');
  });
});
