/**
 * 风采详情: one post with its photos full width (tap for wx.previewImage), likes, and for a
 * secretary of its audience: approve or reject a pending one, hide a published one, with a reason
 * the author sees. Its state and reason for the author of a post not published.
 */
import type { PostView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getPost, likePost, moderatePost } from '../../../services/posts';
import { syncCareMode } from '../../../utils/care-mode';
import { postCard, previewPhotos, type PostCard } from '../../../utils/post-card';
import type { ViewStatus } from '../../../utils/session-view';

type Decision = 'reject' | 'hide';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    post: null as PostCard | null,
    canApprove: false,
    canReject: false,
    canHide: false,
    dialog: '' as '' | Decision,
    dialogTitle: '',
    busy: false,
    dialogError: '',
  },
  postId: '',
  view: null as PostView | null,

  onLoad(query: Record<string, string | undefined>) {
    this.postId = query.id ?? '';
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      this.show(await getPost(this.postId));
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(post: PostView) {
    this.view = post;
    const pending = post.status === 'pending';
    this.setData({
      status: 'ready',
      post: postCard(post),
      canApprove: post.canModerate && pending && post.needsReview,
      canReject: post.canModerate && pending,
      canHide: post.canModerate && post.status === 'published',
    });
  },
  onPreview(e: WechatMiniprogram.CustomEvent<{ photo: number }>) {
    previewPhotos(this.data.post ?? undefined, e.detail.photo);
  },
  async onLike() {
    const post = this.view;
    if (!post || post.status !== 'published') return;
    try {
      const result = await likePost(post.id, !post.likedByMe);
      this.show({ ...post, likes: result.likes, likedByMe: result.likedByMe });
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  async onApprove() {
    this.setData({ busy: true });
    try {
      this.show(await moderatePost({ postId: this.postId, decision: 'approve' }));
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      this.setData({ busy: false });
    }
  },
  onReject() {
    this.setData({ dialog: 'reject', dialogTitle: '不通过这条风采', dialogError: '' });
  },
  onHide() {
    this.setData({ dialog: 'hide', dialogTitle: '隐藏这条风采', dialogError: '' });
  },
  onDialogCancel() {
    this.setData({ dialog: '' });
  },
  async onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const decision = this.data.dialog;
    if (!decision) return;
    this.setData({ busy: true, dialogError: '' });
    try {
      this.show(await moderatePost({ postId: this.postId, decision, reason: e.detail.reason }));
      this.setData({ dialog: '' });
    } catch (err) {
      this.setData({ dialogError: errorMessage(err) });
    } finally {
      this.setData({ busy: false });
    }
  },
});
