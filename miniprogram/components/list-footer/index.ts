/**
 * Under a paged list (utils/paged-list `ListFooter`): a spinner while the next page loads, 加载更多
 * while there is one, the failure with 点此重试, or the end of the list. Tapping asks for `more`.
 */
Component({
  properties: {
    state: { type: Object, value: { loading: false, error: '', more: false, endText: '' } },
    /** No end-of-list line: for short choice lists inside a form. */
    quiet: { type: Boolean, value: false },
  },
  methods: {
    onMore() {
      this.triggerEvent('more');
    },
  },
});
