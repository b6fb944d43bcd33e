/**
 * The reminder and share hooks on notices and posts, through the real services and API client
 * (only the WeChat transport and platform calls are stubbed): 通知未读时提醒我 asked from the tap
 * with the member's kept choices respected, the share of a published notice or post with its card
 * (static card first, the drawing when ready), and nothing shared of one not published.
 */
import type { NoticeDetail, PostView, SubscriptionView, TemplateView } from '../../../../src/contract';
import { CARD_KINDS } from '../../../../miniprogram/components/share-card/card-content';
import { SHARE_WAIT_MS, STATIC_CARD } from '../../../../miniprogram/components/share-card/share-image';
import { ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { freezeDate } from '../../helpers/event-fixtures';
import { member } from '../../helpers/fixtures';
import { load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const template = (key: TemplateView['key'], credits = 0): TemplateView => ({
  key,
  templateId: `T_${key}`,
  title: key,
  reason: `${key} 的理由`,
  mode: 'oneTime',
  credits,
  longTerm: false,
  keep: null,
});
const subscriptions = (credits = 0): SubscriptionView => ({
  templates: [template('eventStart', 1), template('noticeUnread', credits)],
  upcoming: [],
});

const notice = (fields: Partial<NoticeDetail> = {}): NoticeDetail => ({
  id: 'notice-1',
  title: '关于按时缴纳本季度党费的通知',
  excerpt: '各位党员：',
  authorName: '李明',
  audience: { kind: 'branch', id: 'branch-1', name: '第一党支部' },
  pinned: false,
  edited: false,
  publishedAt: '2026-05-10T01:30:00.000Z',
  read: true,
  body: '各位党员：\n请按时缴纳党费。',
  attachments: [],
  status: 'published',
  reason: null,
  publishAt: null,
  expiresAt: null,
  editedAt: null,
  canManage: false,
  ...fields,
});

const post = (fields: Partial<PostView> = {}): PostView => ({
  id: 'post-1',
  eventId: 'event-1',
  eventTitle: '联合主题党日：茶园助农',
  authorName: '王芳',
  authorBranchName: '第一党支部',
  caption: '和红旗村的党员一起采茶。',
  photos: [],
  status: 'published',
  reason: null,
  needsReview: false,
  likes: 2,
  likedByMe: false,
  mine: false,
  canModerate: false,
  createdAt: '2026-05-10T01:00:00.000Z',
  publishedAt: '2026-05-10T01:01:00.000Z',
  ...fields,
});

type Wx = Record<string, unknown>;
let requested: string[][];
let settings: Record<string, string>;
let hideShareMenu: jest.Mock;

beforeEach(() => {
  freezeDate();
  requested = [];
  settings = {};
  hideShareMenu = jest.fn();
  (wx as unknown as Wx).hideShareMenu = hideShareMenu;
  (wx as unknown as Wx).showShareMenu = jest.fn();
  (wx as unknown as Wx).getSetting = jest.fn((options: { success?: (res: unknown) => void }) =>
    options.success?.({ subscriptionsSetting: { mainSwitch: true, itemSettings: settings } }),
  );
  (wx as unknown as Wx).requestSubscribeMessage = jest.fn(
    (options: { tmplIds: string[]; success?: (res: unknown) => void }) => {
      requested.push(options.tmplIds);
      options.success?.(Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])));
    },
  );
});

const tapCell = (page: Rendered, selector: string) => tap(page, selector, '.t-cell');

type Share = { title: string; path: string; imageUrl: string; promise?: Promise<{ imageUrl: string; path: string }> };

describe('the notice page', () => {
  function open(detail = notice()) {
    let view = subscriptions(0);
    const calls = stubCloud({
      'member.me': ok({ member }),
      'notice.get': ok(detail),
      'subscription.mine': () => ok(view),
      'subscription.record': () => {
        view = subscriptions(1);
        return ok(view);
      },
    });
    return { page: load('packages/notices/detail/index', { query: { id: 'notice-1' } }), calls };
  }

  it('asks for the unread-notice reminder from the tap, with its reason, and reports the answer', async () => {
    const { page, calls } = open();
    await settle();
    expect(textOf(page)).toContain('通知未读时提醒我');
    expect(textOf(page)).toContain('noticeUnread 的理由');
    tapCell(page, '#remind');
    await settle();
    expect(requested).toEqual([['T_noticeUnread']]);
    expect(calls.find((c) => c.action === 'subscription.record')?.data).toEqual({
      results: { T_noticeUnread: 'accept' },
    });
    expect(textOf(page)).toContain('已开启通知未读提醒');
    // On: the row leads to 我的提醒 instead of asking again.
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    tapCell(page, '#remind');
    await settle();
    expect(requested).toHaveLength(1);
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/member/reminders/index' }));
  });

  it('does not ask for what the member chose always to reject', async () => {
    settings = { T_noticeUnread: 'reject' };
    const { page, calls } = open();
    await settle();
    const toast = jest.spyOn(wx, 'showToast');
    tapCell(page, '#remind');
    await settle();
    expect(requested).toEqual([]);
    expect(calls.some((c) => c.action === 'subscription.record')).toBe(false);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('不再接收') }));
  });

  it('shares a published notice with its card: the static card at once, the drawing within the wait', async () => {
    const { page } = open();
    await settle();
    expect(page.instance.data.shareContent).toEqual(CARD_KINDS.notice(notice()));
    expect(CARD_KINDS.notice(notice())).toMatchObject({
      tag: '通知公告',
      when: expect.stringMatching(/^5月10日 周日 09:30$/),
      org: '本支部 · 第一党支部',
    });
    jest.useFakeTimers({ now: Date.now() });
    const share = page.instance.onShareAppMessage() as Share;
    expect(share).toMatchObject({ title: notice().title, imageUrl: STATIC_CARD });
    jest.advanceTimersByTime(SHARE_WAIT_MS);
    await expect(share.promise).resolves.toMatchObject({ path: '/packages/notices/detail/index?id=notice-1' });
    jest.useRealTimers();
    expect(hideShareMenu).not.toHaveBeenCalled();
    // Shown again unchanged: the card's content is not sent again, so it is not drawn again.
    const setData = jest.spyOn(page.instance, 'setData');
    await page.instance.load();
    await settle();
    expect(setData.mock.calls.some((args: unknown[]) => 'shareContent' in (args[0] as object))).toBe(false);
  });

  it('shares nothing of a withdrawn notice, even to its author, and offers no reminder on it', async () => {
    const { page } = open(notice({ status: 'withdrawn', canManage: true, title: '撤回的通知' }));
    await settle();
    expect(page.querySelector('#remind')).toBeFalsy();
    expect(page.querySelector('#share-card')).toBeFalsy();
    expect(hideShareMenu).toHaveBeenCalled();
    const share = page.instance.onShareAppMessage() as Share;
    expect(share).toEqual({ title: '通知公告', path: '/packages/notices/list/index' });
  });
});

describe('the post page', () => {
  it('shares a published post with its card; a pending one never leaves the page', async () => {
    stubCloud({ 'member.me': ok({ member }), 'post.get': ok(post()) });
    const page = load('packages/posts/detail/index', { query: { id: 'post-1' } });
    await settle();
    expect(page.querySelector('#share-card')).toBeTruthy();
    expect(CARD_KINDS.post(post())).toMatchObject({
      tag: '活动风采',
      title: '联合主题党日：茶园助农',
      when: expect.stringMatching(/^5月10日 周日 09:01$/),
      org: '第一党支部',
    });
    const share = page.instance.onShareAppMessage() as Share;
    expect(share).toMatchObject({ title: '联合主题党日：茶园助农 · 活动风采', imageUrl: STATIC_CARD });

    stubCloud({ 'member.me': ok({ member }), 'post.get': ok(post({ status: 'pending', mine: true })) });
    const pending = load('packages/posts/detail/index', { query: { id: 'post-1' } });
    await settle();
    expect(pending.querySelector('#share-card')).toBeFalsy();
    expect(pending.instance.onShareAppMessage()).toEqual({ title: '活动风采', path: '/pages/posts/index' });
  });
});

describe('the share page', () => {
  it('previews a notice card, and refuses one not published', async () => {
    stubCloud({ 'member.me': ok({ member }), 'notice.get': ok(notice()) });
    const page = load('packages/events/share/index', { query: { kind: 'notice', id: 'notice-1' } });
    await settle();
    expect(textOf(page)).toContain('通知公告');
    expect(textOf(page)).toContain('李明 发布');

    stubCloud({ 'member.me': ok({ member }), 'post.get': ok(post({ status: 'hidden', canModerate: true })) });
    const hidden = load('packages/events/share/index', { query: { kind: 'post', id: 'post-1' } });
    await settle();
    expect(textOf(hidden)).toContain('只有已发布的风采可以分享');
  });
});
