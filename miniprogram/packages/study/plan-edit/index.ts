/** 编辑学习计划 (secretary): this month's items in order; move, remove, add, mark the first 第一议题; save all at once. */
import { errorMessage } from '../../../services/api';
import { getStudyPlan, setStudyPlan } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';
import { addItem, editRows, moveItem, planInput, removeItem, toggleFirstTopic, type EditItem } from './plan-editor';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    title: '',
    rows: [] as ReturnType<typeof editRows>,
    firstTopic: false,
    newTitle: '',
    formError: '',
    busy: false,
  },
  month: '',
  items: [] as EditItem[],

  onShow() {
    syncCareMode(this);
    if (this.data.status !== 'ready') void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  async load() {
    try {
      const plan = await getStudyPlan();
      this.month = plan.month;
      this.items = plan.items;
      this.setData({ status: 'ready', title: `${plan.ownerName} · ${Number(plan.month.slice(5))}月学习计划` });
      this.render();
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  render() {
    this.setData({ rows: editRows(this.items), firstTopic: this.items[0]?.firstTopic === true });
  },
  onMove(e: WechatMiniprogram.TouchEvent) {
    this.items = moveItem(this.items, Number(e.currentTarget.dataset.index), Number(e.currentTarget.dataset.by));
    this.render();
  },
  onRemove(e: WechatMiniprogram.TouchEvent) {
    this.items = removeItem(this.items, Number(e.currentTarget.dataset.index));
    this.render();
  },
  onFirstTopic() {
    this.items = toggleFirstTopic(this.items);
    this.render();
  },
  onNewTitle(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ newTitle: e.detail.value });
  },
  onAdd() {
    const title = this.data.newTitle.trim();
    if (!title) return;
    this.items = addItem(this.items, title);
    this.setData({ newTitle: '' });
    this.render();
  },
  async onSave() {
    this.setData({ busy: true, formError: '' });
    try {
      const plan = await setStudyPlan(planInput(this.month, this.items));
      this.items = plan.items;
      this.render();
      void wx.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      this.setData({ formError: errorMessage(err) });
    } finally {
      this.setData({ busy: false });
    }
  },
});
