/**
 * Loading / empty / error around a page's content: the content (default slot) shows only when
 * `status` is `ready`. Error shows the message and 重试 (`retry` event); empty may offer one
 * action (`action` event), e.g. 加入支部.
 */
Component({
  properties: {
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    emptyText: { type: String, value: '暂无内容' },
    emptyHint: { type: String, value: '' },
    actionText: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onAction() {
      this.triggerEvent('action');
    },
  },
});
