/** 风采审核: pending posts addressed to the secretary's branch; each opens its detail, where it is approved, rejected or (once published) hidden. */
import type { PostView } from '../../../../src/contract';
import { moderationQueue } from '../../../services/posts';
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
    posts: [] as PostCard[],
    postsFooter: PagedList.footer(false, 0),
  },
  list: null as PagedList<PostView, PostCard> | null,

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
    void wx.navigateTo({ url: ROUTES.postCompose });
  },
  onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.postDetail, { id: e.detail.id }) });
  },
  onPreview(e: WechatMiniprogram.CustomEvent<{ index: number; photo: number }>) {
    previewPhotos(this.data.posts[e.detail.index], e.detail.photo);
  },
  load() {
    this.list = new PagedList(
      this,
      'posts',
      cursorPages((cursor) => moderationQueue(cursor)),
      postCard,
    );
    return showFirstPage(this, this.list);
  },
});
