/**
 * Asks for the reason of a decision others will read later (cancelling an event, checking someone
 * in by hand, moving a theme day). The page may put more fields in the default slot (e.g. a new
 * date). `confirm` carries `{ reason }` once one is typed; the page shows the server's answer
 * through `error` and keeps the dialog open until it succeeds (`loading` while it waits).
 * Both buttons say what they do (`confirmText` 取消活动, `cancelText` 不取消，保留活动): a bare
 * 取消 beside a destructive 取消… leaves an older member guessing which one keeps things as they are.
 */
const REASON_MISSING = '请填写原因';

Component({
  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '' },
    description: { type: String, value: '' },
    placeholder: { type: String, value: '请填写原因' },
    confirmText: { type: String, value: '确定' },
    /** The way out, named for what it keeps (e.g. 不取消，保留活动); never a bare 取消. */
    cancelText: { type: String, value: '返回' },
    /** Confirming something that cannot be taken back: the confirm button is solid red (danger). */
    danger: { type: Boolean, value: false },
    /** A reason of a sentence or two (释放名额): a textarea with a count instead of one line. */
    multiline: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
    error: { type: String, value: '' },
  },
  data: {
    reason: '',
    localError: '',
    shownError: '',
    inputStatus: 'default',
    confirmTheme: 'primary',
  },
  observers: {
    visible(visible: boolean) {
      // Each opening starts with an empty reason.
      if (visible) this.setData({ reason: '', localError: '' });
    },
    'error, localError'(error: string, localError: string) {
      const shownError = localError || error;
      this.setData({ shownError, inputStatus: shownError ? 'error' : 'default' });
    },
    danger(danger: boolean) {
      this.setData({ confirmTheme: danger ? 'danger' : 'primary' });
    },
  },
  methods: {
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, localError: '' });
    },
    onConfirm() {
      if (this.data.loading) return;
      const reason = this.data.reason.trim();
      if (!reason) {
        this.setData({ localError: REASON_MISSING });
        return;
      }
      this.triggerEvent('confirm', { reason });
    },
    onCancel() {
      if (!this.data.loading) this.triggerEvent('cancel');
    },
    /** Taps inside the panel must not reach the overlay (which cancels). */
    noop() {},
  },
});
