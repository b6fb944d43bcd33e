/** 补学与心得审核 (secretary): pending 补学 requests to approve or refuse, 心得 held for review. */
import { errorMessage } from '../../../services/api';
import { decideMakeUp, decideReflection, listMakeUps, pendingReflections } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';
import { makeUpRow } from '../make-up-view';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    makeUps: [] as ReturnType<typeof makeUpRow>[],
    reflections: [] as { id: string; name: string; title: string; text: string }[],
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
      const [makeUps, reflections] = await Promise.all([listMakeUps(false), pendingReflections()]);
      this.setData({
        status: 'ready',
        makeUps: makeUps.items.map(makeUpRow),
        reflections: reflections.items.map((r) => ({
          id: r.id,
          name: r.name,
          title: r.title,
          text: r.reflection ?? '',
        })),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  async onMakeUp(e: WechatMiniprogram.TouchEvent) {
    const approve = e.currentTarget.dataset.approve === 'yes';
    const { confirm, content } = await wx.showModal({
      title: approve ? '同意补学' : '不同意补学',
      editable: true,
      placeholderText: approve ? '处理意见（选填）' : '请说明原因',
    });
    if (!confirm) return;
    try {
      await decideMakeUp(String(e.currentTarget.dataset.id), approve, content ?? '');
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  async onReflection(e: WechatMiniprogram.TouchEvent) {
    try {
      await decideReflection(String(e.currentTarget.dataset.id), e.currentTarget.dataset.approve === 'yes');
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
});
