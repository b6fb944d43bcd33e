/**
 * 我的记录: the member's own year — sign-ups and attendance (with 请假 apart from absence), the
 * figures their 民主评议 looks at — and their study, points and posts of that year.
 */
import type { MyRecordRow, MyYearRecords } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { myRecords } from '../../../services/review';
import { syncCareMode } from '../../../utils/care-mode';
import { yearInShanghai } from '../../../utils/date';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';

const STATE: Record<MyRecordRow['state'], { text: string; className: string }> = {
  attended: { text: '已出席', className: 'tag tag--done' },
  excused: { text: '请假', className: 'tag tag--warn' },
  absent: { text: '缺席', className: 'tag tag--overdue' },
  registered: { text: '已报名', className: 'tag tag--active' },
  waitlisted: { text: '候补', className: 'tag tag--muted' },
  cancelled: { text: '已取消', className: 'tag tag--muted' },
};

function tiles(r: MyYearRecords) {
  return [
    { key: 'signUps', label: '报名', value: String(r.signUps) },
    { key: 'attended', label: '出席', value: String(r.attended) },
    { key: 'excused', label: '请假', value: String(r.excused) },
    { key: 'absent', label: '缺席', value: String(r.absent) },
    { key: 'rate', label: '出席率（扣除请假）', value: r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%` },
  ];
}

function activity(r: MyYearRecords) {
  return [
    { key: 'studyDays', label: '学习天数', value: String(r.study.days), link: ROUTES.studyHistory },
    ...(r.study.makeUps > 0
      ? [{ key: 'makeUps', label: '其中补学', value: String(r.study.makeUps), link: ROUTES.studyHistory }]
      : []),
    { key: 'studyMinutes', label: '学习分钟', value: String(r.study.minutes), link: ROUTES.studyHistory },
    { key: 'points', label: '积分', value: String(r.points), link: ROUTES.studyPoints },
    { key: 'posts', label: '活动风采', value: String(r.posts), link: ROUTES.myPosts },
  ];
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    year: yearInShanghai(),
    years: [] as { year: number; className: string }[],
    tiles: [] as ReturnType<typeof tiles>,
    activity: [] as ReturnType<typeof activity>,
    rows: [] as { eventId: string; title: string; date: string; stateText: string; stateClass: string }[],
  },
  onLoad() {
    this.setYears();
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  setYears() {
    const now = yearInShanghai();
    this.setData({
      years: [now, now - 1].map((year) => ({ year, className: year === this.data.year ? 'chip chip--on' : 'chip' })),
    });
  },
  onActivity(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
    void wx.navigateTo({ url: e.currentTarget.dataset.url });
  },
  onYear(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { year: number }>) {
    this.setData({ year: e.currentTarget.dataset.year, status: 'loading' });
    this.setYears();
    void this.load();
  },
  async load() {
    try {
      const r = await myRecords(this.data.year);
      setChanged(this, {
        status: 'ready',
        tiles: tiles(r),
        activity: activity(r),
        rows: r.rows.map((row) => ({
          eventId: row.eventId,
          title: row.title,
          date: row.date,
          stateText: STATE[row.state].text,
          stateClass: STATE[row.state].className,
        })),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  onRow(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.eventDetail, { id: e.currentTarget.dataset.id }) });
  },
});
