/**
 * One post (utils/post-card `PostCard`): author, event, caption, a grid of thumbnails, likes, and
 * for a post not published its state and reason. Tells the page `open`, `preview` (a photo) and
 * `like`, each with the card's `index` (and the photo's).
 */
Component({
  properties: {
    post: { type: Object, value: {} },
    index: { type: Number, value: 0 },
    /** No like button (my posts, moderation). */
    noLike: { type: Boolean, value: false },
  },
  methods: {
    onOpen() {
      this.triggerEvent('open', { index: this.data.index, id: (this.data.post as { id?: string }).id ?? '' });
    },
    onPreview(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { photo: number }>) {
      this.triggerEvent('preview', { index: this.data.index, photo: e.currentTarget.dataset.photo });
    },
    onLike() {
      this.triggerEvent('like', { index: this.data.index });
    },
  },
});
