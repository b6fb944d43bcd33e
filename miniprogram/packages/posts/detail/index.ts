/**
 * 风采详情: one post with its photos full width (tap for wx.previewImage), likes, and for a
 * secretary of its audience: approve or reject a pending one, hide a published one, with a reason
 * the author sees. Its state and reason for the author of a post not published. A published post
 * is shared to a chat with its card (its event, date and weekday, branch), drawn once per change;
 * one not published never leaves the page. No 朋友圈 sharing: a post is for its event's audience,
 * and a timeline reader (single-page mode, not signed in) could not open it.
 */
import type { PostView } from '../../../../src/contract';
import { CARD_KINDS, contentKey, type CardContent } from '../../../components/share-card/card-content';
import { shareMessage } from '../../../components/share-card/share-image';
import { errorMessage } from '../../../services/api';
import { getPost, likePost, moderatePost } from '../../../services/posts';
import { syncCareMode } from '../../../utils/care-mode';
import { postCard, previewPhotos, type PostCard } from '../../../utils/post-card';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
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
    canShare: false,
    shareContent: null as CardContent | null,
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
    const canShare = post.status === 'published';
    // Unchanged content is not sent again (a like changes nothing on the card): drawn once per change.
    setChanged(this, { canShare, shareContent: canShare ? CARD_KINDS.post(post) : null });
    if (canShare) wx.showShareMenu?.({ menus: ['shareAppMessage'] } as WechatMiniprogram.ShowShareMenuOption);
    else wx.hideShareMenu?.({} as WechatMiniprogram.HideShareMenuOption);
  },
  onShareAppMessage() {
    const post = this.view;
    // Nothing of a post that is not published leaves the page.
    if (!post || post.status !== 'published') return { title: '活动风采', path: ROUTES.posts };
    const path = withQuery(ROUTES.postDetail, { id: this.postId });
    return shareMessage(`${post.eventTitle} · 活动风采`, path, contentKey(CARD_KINDS.post(post)));
  },
  onShareCard() {
    void wx.navigateTo({ url: withQuery(ROUTES.share, { kind: 'post', id: this.postId }) });
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
