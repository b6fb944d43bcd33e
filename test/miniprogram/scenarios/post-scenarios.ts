/**
 * Demo answers and scenarios of posts (活动风采) and notices (通知公告): the 风采 tab, the composer,
 * a post's detail, my posts, moderation, the notice list, detail, composer, receipts and 首页's
 * notice strip, each with its loading / empty / error states.
 */
import type {
  NoticeDetail,
  NoticeReceipts,
  NoticeSummary,
  NoticeUnread,
  PostPage,
  PostView,
} from '../../../src/contract';
import { fail, ok, type Replies } from '../helpers/cloud';
import { demoMember, demoSecretary } from './demo-data';
import type { Scenario } from './index';
import { page } from './org-demo-data';

const NOW = '2026-04-10T02:00:00.000Z';

/** Drawn stand-ins for photos (the preview works offline): a sky, hills and a sun in `tint`. */
const photo = (tint: string, hill: string) =>
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30" fill="${tint}"/>` +
      `<circle cx="30" cy="8" r="4" fill="#f6c453"/><path d="M0 30 L12 14 L22 24 L30 16 L40 30 Z" fill="${hill}"/></svg>`,
  );
const PHOTOS = [
  photo('#cfe6f5', '#5d8f4e'),
  photo('#f5e3cf', '#8f6a4e'),
  photo('#dcefd8', '#3e7a45'),
  photo('#efe0f5', '#6a4e8f'),
];
const photos = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ fileID: `cloud://env/p${i}.jpg`, url: PHOTOS[i % PHOTOS.length]! }));

const basePost: PostView = {
  id: 'post-1',
  eventId: 'event-tea',
  eventTitle: '联合主题党日：茶园助农',
  authorName: '王芳',
  authorBranchName: '市财政局机关第一党支部',
  caption: '和红旗村的党员一起采茶、装箱，合作社的新茶今天发往县城超市。',
  photos: photos(3),
  status: 'published',
  reason: null,
  needsReview: false,
  likes: 12,
  likedByMe: true,
  mine: false,
  canModerate: false,
  createdAt: '2026-04-08T06:00:00.000Z',
  publishedAt: '2026-04-08T06:01:00.000Z',
};

export const demoPosts: PostView[] = [
  basePost,
  {
    ...basePost,
    id: 'post-2',
    authorName: '李明',
    caption: '联合主题党日合影。感谢红旗村党支部的精心组织！',
    photos: photos(1),
    likes: 3,
    likedByMe: false,
  },
  {
    ...basePost,
    id: 'post-3',
    authorName: '张建国',
    authorBranchName: '红旗村党支部',
    caption: '',
    photos: photos(4),
    likes: 0,
    likedByMe: false,
  },
];

const pendingPost: PostView = {
  ...basePost,
  id: 'post-pending',
  authorName: '陈刚',
  caption: '茶园里的流动党课',
  photos: photos(2),
  status: 'pending',
  needsReview: true,
  likes: 0,
  likedByMe: false,
  canModerate: true,
  publishedAt: null,
};

const myPosts: PostView[] = [
  { ...pendingPost, authorName: '王芳', mine: true, needsReview: false, canModerate: false },
  { ...basePost, mine: true },
  {
    ...basePost,
    id: 'post-rejected',
    mine: true,
    caption: '返程路上拍的风景',
    photos: photos(1),
    status: 'rejected',
    reason: '第 1 张图片未通过内容安全检测，请更换后重新发布',
    likes: 0,
    publishedAt: null,
  },
  { ...basePost, id: 'post-hidden', mine: true, status: 'hidden', reason: '照片涉及个人隐私', likes: 0 },
];

const postPage = (items: PostView[]): PostPage => ({ items, nextCursor: null });

const summary = (fields: Partial<NoticeSummary> & Pick<NoticeSummary, 'id' | 'title'>): NoticeSummary => ({
  excerpt: '各位党员：请于本月 25 日前通过“党费通”缴纳第四季度党费。',
  authorName: '李明',
  audience: { kind: 'branch', id: 'branch-1', name: '市财政局机关第一党支部' },
  pinned: false,
  edited: false,
  publishedAt: '2026-04-09T01:00:00.000Z',
  read: true,
  ...fields,
});

export const demoNotices: NoticeSummary[] = [
  summary({ id: 'notice-1', title: '关于按时缴纳本季度党费的通知', pinned: true, read: false }),
  summary({
    id: 'notice-2',
    title: '下月联合主题党日安排',
    excerpt: '下月第一个周五上午九点，在红旗村党群服务中心开展联合主题党日。',
    audience: { kind: 'pairing', id: 'pairing-1', name: '财政局—红旗村结对共建' },
    edited: true,
    read: false,
  }),
  summary({
    id: 'notice-3',
    title: '关于开展年度述职评议考核的通知',
    excerpt: '各党支部：年度述职评议考核将于下月中旬进行。',
    authorName: '周敏',
    audience: { kind: 'committee', id: 'committee-1', name: '市直机关工委' },
    publishedAt: '2026-04-05T01:00:00.000Z',
  }),
];

const noticeDetail: NoticeDetail = {
  ...demoNotices[0]!,
  body: '各位党员：\n请于本月 25 日前通过“党费通”缴纳第四季度党费。\n缴纳标准见附件，有疑问请联系组织委员 https://example.gov.cn/dangfei（链接仅显示，不可点击）。',
  attachments: [
    { fileID: 'cloud://env/rules.pdf', name: '党费缴纳标准.pdf', url: 'https://example/rules.pdf', isImage: false },
    { fileID: 'cloud://env/poster.png', name: '海报.png', url: PHOTOS[0]!, isImage: true },
  ],
  status: 'published',
  reason: null,
  publishAt: null,
  expiresAt: '2026-04-25T15:59:00.000Z',
  editedAt: null,
  read: true,
  canManage: false,
};

const authorDetail: NoticeDetail = {
  ...noticeDetail,
  canManage: true,
  edited: true,
  editedAt: '2026-04-09T03:00:00.000Z',
};

const myNotices: NoticeDetail[] = [
  {
    ...authorDetail,
    id: 'notice-scheduled',
    title: '五月主题党日预告',
    status: 'scheduled',
    publishAt: '2026-04-20T01:00:00.000Z',
    publishedAt: null,
  },
  authorDetail,
  { ...authorDetail, id: 'notice-withdrawn', title: '（已撤回）会议时间调整', status: 'withdrawn' },
];

const receipts: NoticeReceipts = {
  noticeId: 'notice-1',
  branches: [
    { branchId: 'branch-1', branchName: '市财政局机关第一党支部', members: 32, read: 27 },
    { branchId: 'branch-hongqi', branchName: '红旗村党支部', members: 18, read: 9 },
  ],
  unread: { branchId: 'branch-1', names: ['王芳', '陈刚', '孙伟', '赵丽', '刘洋'] },
};

const unread: NoticeUnread = { count: 2, latest: demoNotices.slice(0, 2) };

const networkError = fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });

/** What the 风采 tab and the tab bar ask besides member.me (for the shared tab scenarios). */
export const POST_TAB_REPLIES: Replies = {
  'post.feed': ok(postPage(demoPosts)),
  'notice.unread': ok(unread),
};

const asMember: Replies = {
  'member.me': ok({ member: demoMember }),
  'post.feed': ok(postPage(demoPosts)),
  'post.like': ok({ postId: 'post-2', likes: 4, likedByMe: true }),
  'post.mine': ok(postPage(myPosts)),
  'post.get': ok(basePost),
  'post.events': ok({
    items: [
      { id: 'event-tea', title: '联合主题党日：茶园助农', startsAt: '2026-04-03T01:00:00.000Z' },
      { id: 'event-lecture', title: '专题党课：学习贯彻全会精神', startsAt: '2026-03-28T06:00:00.000Z' },
    ],
  }),
  'notice.unread': ok(unread),
  'notice.list': ok(page(demoNotices)),
  'notice.get': ok(noticeDetail),
  'notice.audiences': ok({ items: [] }),
};

const asSecretary: Replies = {
  ...asMember,
  'member.me': ok({ member: demoSecretary }),
  'post.moderation': ok(postPage([pendingPost])),
  'post.get': ok(pendingPost),
  'notice.audiences': ok({
    items: [
      { kind: 'branch', id: 'branch-1', name: '市财政局机关第一党支部' },
      { kind: 'pairing', id: 'pairing-1', name: '财政局—红旗村结对共建' },
    ],
  }),
  'notice.mine': ok(page(myNotices)),
  'notice.get': ok(authorDetail),
  'notice.receipts': ok(receipts),
};

const at = (
  id: string,
  title: string,
  pagePath: string,
  cloud: Scenario['cloud'],
  extra: Partial<Scenario> = {},
): Scenario => ({ id, title, page: pagePath, tabBar: false, cloud, now: NOW, ...extra });

const TAB = 'pages/posts/index';
const POSTS = 'packages/posts';
const NOTICES = 'packages/notices';

/** The composer after choosing two photos (compressed, not uploaded yet). */
const choosingPhotos = () => {
  wx.chooseMedia = ((o: WechatMiniprogram.ChooseMediaOption) =>
    o.success?.({
      tempFiles: PHOTOS.slice(0, 2).map((tempFilePath) => ({
        tempFilePath,
        size: 1,
        duration: 0,
        height: 30,
        width: 40,
        thumbTempFilePath: '',
        fileType: 'image',
      })),
      type: 'image',
      errMsg: '',
    } as unknown as WechatMiniprogram.ChooseMediaSuccessCallbackResult)) as unknown as typeof wx.chooseMedia;
  wx.compressImage = ((o: WechatMiniprogram.CompressImageOption) =>
    o.success?.({ tempFilePath: o.src, errMsg: '' })) as unknown as typeof wx.compressImage;
};

export const POST_SCENARIOS: Scenario[] = [
  at('fengcai-feed', '风采 · 党员（未读通知 2 条）', TAB, asMember, { tabBar: true }),
  at('fengcai-feed-secretary', '风采 · 支部书记（风采审核入口）', TAB, asSecretary, { tabBar: true }),
  at(
    'fengcai-empty',
    '风采 · 还没有风采',
    TAB,
    { ...asMember, 'post.feed': ok(postPage([])), 'notice.unread': ok({ count: 0, latest: [] }) },
    { tabBar: true },
  ),
  at('fengcai-error', '风采 · 网络错误', TAB, { ...asMember, 'post.feed': networkError }, { tabBar: true }),
  at('fengcai-loading', '风采 · 加载中', TAB, 'pending', { tabBar: true }),
  at('post-compose', '发布风采 · 选择活动', `${POSTS}/compose/index`, asMember),
  at('post-compose-photos', '发布风采 · 已选 2 张照片', `${POSTS}/compose/index`, asMember, {
    platform: choosingPhotos,
    act: (view) => view.querySelector('.sub-page >>> #add-photos')?.dispatchEvent('tap'),
  }),
  at('post-compose-no-event', '发布风采 · 没有可分享的活动', `${POSTS}/compose/index`, {
    ...asMember,
    'post.events': ok({ items: [] }),
  }),
  at('post-compose-error', '发布风采 · 网络错误', `${POSTS}/compose/index`, {
    ...asMember,
    'post.events': networkError,
  }),
  at('post-detail', '风采详情', `${POSTS}/detail/index`, asMember, { query: { id: 'post-1' } }),
  at('post-detail-moderate', '风采详情 · 书记审核', `${POSTS}/detail/index`, asSecretary, {
    query: { id: 'post-pending' },
  }),
  at(
    'post-detail-rejected',
    '风采详情 · 作者看到未通过原因',
    `${POSTS}/detail/index`,
    { ...asMember, 'post.get': ok(myPosts[2]!) },
    { query: { id: 'post-rejected' } },
  ),
  at(
    'post-detail-missing',
    '风采详情 · 不存在或无权查看',
    `${POSTS}/detail/index`,
    { ...asMember, 'post.get': fail({ code: 'NOT_FOUND', message: '风采不存在或已删除' }) },
    { query: { id: 'x' } },
  ),
  at('post-detail-loading', '风采详情 · 加载中', `${POSTS}/detail/index`, 'pending', { query: { id: 'post-1' } }),
  at('post-feed-event', '活动风采 · 一次活动的风采', `${POSTS}/feed/index`, asMember, {
    query: { eventId: 'event-tea' },
  }),
  at(
    'post-feed-empty',
    '活动风采 · 还没有（可发布）',
    `${POSTS}/feed/index`,
    { ...asMember, 'post.feed': ok(postPage([])) },
    { query: { eventId: 'event-tea' } },
  ),
  at('post-feed-error', '活动风采 · 网络错误', `${POSTS}/feed/index`, 'offline', { query: { pairingId: 'pairing-1' } }),
  at('post-mine', '我的风采 · 各种状态', `${POSTS}/mine/index`, asMember),
  at('post-mine-empty', '我的风采 · 还没有发布', `${POSTS}/mine/index`, { ...asMember, 'post.mine': ok(postPage([])) }),
  at('post-mine-error', '我的风采 · 网络错误', `${POSTS}/mine/index`, 'offline'),
  at('post-moderation', '风采审核 · 待审核', `${POSTS}/moderation/index`, asSecretary),
  at('post-moderation-empty', '风采审核 · 没有待审核', `${POSTS}/moderation/index`, {
    ...asSecretary,
    'post.moderation': ok(postPage([])),
  }),
  at('post-moderation-loading', '风采审核 · 加载中', `${POSTS}/moderation/index`, 'pending'),
  at('notice-list', '通知公告 · 党员（未读标记）', `${NOTICES}/list/index`, asMember),
  at('notice-list-secretary-mine', '通知公告 · 书记：我发布的', `${NOTICES}/list/index`, asSecretary, {
    query: { mine: '1' },
  }),
  at('notice-list-empty', '通知公告 · 暂无通知', `${NOTICES}/list/index`, { ...asMember, 'notice.list': ok(page([])) }),
  at('notice-list-error', '通知公告 · 网络错误', `${NOTICES}/list/index`, { ...asMember, 'notice.list': networkError }),
  at('notice-detail', '通知详情 · 党员', `${NOTICES}/detail/index`, asMember, { query: { id: 'notice-1' } }),
  at('notice-detail-author', '通知详情 · 发布人（已读统计、编辑、撤回）', `${NOTICES}/detail/index`, asSecretary, {
    query: { id: 'notice-1' },
  }),
  at(
    'notice-detail-missing',
    '通知详情 · 已撤回或无权查看',
    `${NOTICES}/detail/index`,
    { ...asMember, 'notice.get': fail({ code: 'NOT_FOUND', message: '通知不存在或已撤回' }) },
    { query: { id: 'x' } },
  ),
  at('notice-detail-loading', '通知详情 · 加载中', `${NOTICES}/detail/index`, 'pending', { query: { id: 'notice-1' } }),
  at('notice-compose', '发布通知 · 选择范围', `${NOTICES}/compose/index`, asSecretary),
  at('notice-compose-edit', '编辑通知', `${NOTICES}/compose/index`, asSecretary, { query: { id: 'notice-1' } }),
  at('notice-compose-none', '发布通知 · 没有可发布的范围', `${NOTICES}/compose/index`, asMember),
  at('notice-compose-error', '发布通知 · 网络错误', `${NOTICES}/compose/index`, 'offline'),
  at('notice-receipts', '已读统计 · 按支部', `${NOTICES}/receipts/index`, asSecretary, { query: { id: 'notice-1' } }),
  at(
    'notice-receipts-error',
    '已读统计 · 网络错误',
    `${NOTICES}/receipts/index`,
    { ...asSecretary, 'notice.receipts': networkError },
    { query: { id: 'notice-1' } },
  ),
  at('notice-receipts-loading', '已读统计 · 加载中', `${NOTICES}/receipts/index`, 'pending', {
    query: { id: 'notice-1' },
  }),
  at('notice-strip', '首页通知条 · 2 条未读', 'components/notice-strip/index', asMember),
];
