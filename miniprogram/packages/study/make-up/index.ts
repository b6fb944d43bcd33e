/**
 * 申请补学: a missed day within the window (the chips offer the last seven days), what was studied
 * and why it is late; below, the member's requests with the secretary's decisions.
 */
import { errorMessage } from '../../../services/api';
import { listMakeUps, requestMakeUp } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import { todayInShanghai } from '../../../utils/date';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import type { ViewStatus } from '../../../utils/session-view';
import { makeUpRow } from '../make-up-view';

const FIELDS = ['day', 'title', 'minutes', 'reason'] as const;
const FIELD_OF = { day: 'day', title: 'title', minutes: 'minutes', reason: 'reason' } as const;
const WINDOW = 7;

function dayChips(today: string, chosen: string) {
  const base = new Date(`${today}T00:00:00Z`).getTime();
  return Array.from({ length: WINDOW }, (_, i) => {
    const day = new Date(base - (i + 1) * 86_400_000).toISOString().slice(0, 10);
    return {
      day,
      label: `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`,
      className: day === chosen ? 'st-chip st-chip--on' : 'st-chip',
    };
  });
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    days: [] as ReturnType<typeof dayChips>,
    values: { day: '', title: '', minutes: '30', reason: '' },
    ...formErrors(FIELDS),
    rows: [] as ReturnType<typeof makeUpRow>[],
    busy: false,
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
      const { items } = await listMakeUps(true);
      this.setData({
        status: 'ready',
        rows: items.map(makeUpRow),
        days: dayChips(todayInShanghai(), this.data.values.day),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onDay(e: WechatMiniprogram.TouchEvent) {
    const day = String(e.currentTarget.dataset.day);
    this.setData({ 'values.day': day, days: dayChips(todayInShanghai(), day) });
  },
  onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ [`values.${String(e.currentTarget.dataset.field)}`]: e.detail.value });
  },
  async onSubmit() {
    const { day, title, minutes, reason } = this.data.values;
    if (!day) {
      this.setData(formErrors(FIELDS, { day: '请选择要补学的日期' }));
      return;
    }
    this.setData({ busy: true, ...formErrors(FIELDS) });
    try {
      await requestMakeUp({ day, title, minutes: Number(minutes) || 0, reason });
      void wx.showToast({ title: '已提交，等待书记审核', icon: 'none' });
      this.setData({ values: { day: '', title: '', minutes: '30', reason: '' } });
      await this.load();
    } catch (err) {
      this.setData(placeErrors(err, FIELDS, FIELD_OF));
    } finally {
      this.setData({ busy: false });
    }
  },
});
