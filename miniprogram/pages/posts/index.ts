/**
 * 风采: the published posts of the member's branch and its pairings, newest first, a page at a
 * time; photos open full size with wx.previewImage; likes in place. Above them the entries to
 * 通知公告 (with the unread count), 发布风采, 我的风采 and, for a secretary, 风采审核.
 */
import type { PostView } from '../../../src/contract';
import { errorMessage } from '../../services/api';
import { loadUnread } from '../../store/notice-badge';
import { feed, likePost } from '../../services/posts';
import { loadMe } from '../../store/session';
import { syncCareMode } from '../../utils/care-mode';
import { PagedList, showFirstPage } from '../../utils/paged-list';
import { cursorPages, postCard, previewPhotos, type PostCard } from '../../utils/post-card';
import { ROUTES, withQuery } from '../../utils/routes';
import { NOT_JOINED, type ViewStatus } from '../../utils/session-view';

type CardEvent<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<D>;

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    joined: false,
    isSecretary: false,
    unread: 0,
    posts: [] as PostCard[],
    postsFooter: PagedList.footer(false, 0),
  },
  list: null as PagedList<PostView, PostCard> | null,

  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onPullDownRefresh() {
    void this.load().finally(() => wx.stopPullDownRefresh());
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },
  onAction() {
    void wx.navigateTo({ url: this.data.joined ? ROUTES.postCompose : ROUTES.join });
  },
  onCompose() {
    void wx.navigateTo({ url: ROUTES.postCompose });
  },
  onMine() {
    void wx.navigateTo({ url: ROUTES.myPosts });
  },
  onModeration() {
    void wx.navigateTo({ url: ROUTES.postModeration });
  },
  onNotices() {
    void wx.navigateTo({ url: ROUTES.notices });
  },
  onOpen(e: CardEvent<{ id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.postDetail, { id: e.detail.id }) });
  },
  onPreview(e: CardEvent<{ index: number; photo: number }>) {
    previewPhotos(this.data.posts[e.detail.index], e.detail.photo);
  },
  async onLike(e: CardEvent<{ index: number }>) {
    const { index } = e.detail;
    const post = this.list?.loaded[index];
    if (!post || !this.list) return;
    try {
      const result = await likePost(post.id, !post.likedByMe);
      this.list.replace(index, { ...post, likes: result.likes, likedByMe: result.likedByMe });
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },

  async load() {
    try {
      const { member } = await loadMe();
      if (!member) {
        this.setData({ ...NOT_JOINED, joined: false });
        return;
      }
      this.list = new PagedList(
        this,
        'posts',
        cursorPages((cursor) => feed({}, cursor)),
        postCard,
      );
      const { count: unread } = await loadUnread();
      await showFirstPage(this, this.list, {
        joined: true,
        isSecretary: member.role === 'secretary',
        unread,
        emptyText: '还没有活动风采',
        emptyHint: '参加活动后，可以在这里分享照片和心得',
        actionText: '发布风采',
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
