/**
 * 活动风采 of one event (`?eventId=`, from its detail page) or one pairing (`?pairingId=`, from
 * the pairing's page): the published posts the member may see, newest first, with likes and
 * full-size photos; 发布风采 about the event.
 */
import type { PostView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { feed, likePost, type FeedQuery } from '../../../services/posts';
import { syncCareMode } from '../../../utils/care-mode';
import { PagedList, showFirstPage } from '../../../utils/paged-list';
import { cursorPages, postCard, previewPhotos, type PostCard } from '../../../utils/post-card';
import { ROUTES, withQuery } from '../../../utils/routes';
import type { ViewStatus } from '../../../utils/session-view';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    actionText: '',
    posts: [] as PostCard[],
    postsFooter: PagedList.footer(false, 0),
  },
  query: {} as FeedQuery,
  list: null as PagedList<PostView, PostCard> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.query = query.eventId ? { eventId: query.eventId } : query.pairingId ? { pairingId: query.pairingId } : {};
    this.setData({ actionText: query.eventId ? '发布风采' : '' });
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },
  onCompose() {
    const { eventId } = this.query;
    void wx.navigateTo({ url: eventId ? withQuery(ROUTES.postCompose, { eventId }) : ROUTES.postCompose });
  },
  onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.postDetail, { id: e.detail.id }) });
  },
  onPreview(e: WechatMiniprogram.CustomEvent<{ index: number; photo: number }>) {
    previewPhotos(this.data.posts[e.detail.index], e.detail.photo);
  },
  async onLike(e: WechatMiniprogram.CustomEvent<{ index: number }>) {
    const post = this.list?.loaded[e.detail.index];
    if (!post || !this.list) return;
    try {
      const result = await likePost(post.id, !post.likedByMe);
      this.list.replace(e.detail.index, { ...post, likes: result.likes, likedByMe: result.likedByMe });
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  load() {
    this.list = new PagedList(
      this,
      'posts',
      cursorPages((cursor) => feed(this.query, cursor)),
      postCard,
    );
    return showFirstPage(this, this.list);
  },
});
