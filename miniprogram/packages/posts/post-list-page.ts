/**
 * The body of 我的风采 and 风采审核: a feed of post cards, page by page, each opening its detail.
 * The two differ only in which posts they fetch.
 */
import type { PostPage, PostView } from '../../../src/contract';
import { syncCareMode } from '../../utils/care-mode';
import { PagedList, showFirstPage } from '../../utils/paged-list';
import { cursorPages, postCard, previewPhotos, type PostCard } from '../../utils/post-card';
import { ROUTES, withQuery } from '../../utils/routes';
import type { ViewStatus } from '../../utils/session-view';

export function postListPage(fetch: (cursor: string | null) => Promise<PostPage>): void {
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
      this.list = new PagedList(this, 'posts', cursorPages(fetch), postCard);
      return showFirstPage(this, this.list);
    },
  });
}
