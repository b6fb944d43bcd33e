/** 学习记录: the month calendar (streaks and minutes above it) and the history, a page at a time. */
import type { StudyCalendarView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getStudyCalendar, getStudyHistory } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';
import { calendarCells, historyRow, monthTitle, shiftMonth } from './calendar-view';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    monthText: '',
    cells: [] as ReturnType<typeof calendarCells>,
    summary: '',
    rows: [] as ReturnType<typeof historyRow>[],
    nextCursor: null as string | null,
    loadingMore: false,
  },
  month: '',

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
      const [calendar, history] = await Promise.all([getStudyCalendar(this.month || undefined), getStudyHistory()]);
      this.showCalendar(calendar);
      this.setData({ status: 'ready', rows: history.items.map(historyRow), nextCursor: history.nextCursor });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  showCalendar(calendar: StudyCalendarView) {
    this.month = calendar.month;
    this.setData({
      monthText: monthTitle(calendar.month),
      cells: calendarCells(calendar),
      summary: `连续 ${calendar.streak.current} 天 · 最长 ${calendar.streak.longest} 天 · 本周 ${calendar.minutes.week} 分钟 · 本月 ${calendar.minutes.month} 分钟`,
    });
  },
  async onMonth(e: WechatMiniprogram.TouchEvent) {
    try {
      this.showCalendar(await getStudyCalendar(shiftMonth(this.month, Number(e.currentTarget.dataset.by))));
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  async onReachBottom() {
    if (!this.data.nextCursor || this.data.loadingMore) return;
    this.setData({ loadingMore: true });
    try {
      const page = await getStudyHistory(this.data.nextCursor);
      const at = this.data.rows.length;
      const patch: Record<string, unknown> = { nextCursor: page.nextCursor, loadingMore: false };
      page.items.forEach((item, i) => (patch[`rows[${at + i}]`] = historyRow(item)));
      this.setData(patch);
    } catch (err) {
      this.setData({ loadingMore: false });
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
});
