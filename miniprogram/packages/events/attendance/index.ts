/**
 * Attendance of one event for its managers: registered, attended, late, absent and walk-ins per
 * branch, the people with their check-in and waitlist place, corrections by hand with a reason
 * (补签 / 撤销 / 释放名额), and the report as an Excel file.
 */
import type { AttendanceReport } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { checkInByHand, exportAttendance, getAttendance, undoCheckIn } from '../../../services/check-in';
import { releaseRegistration } from '../../../services/events';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { formatEventTime } from '../../../utils/date';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { filterTabs, personDialog, personRows, tableRows } from './attendance-view';
import type { DialogMode, PeopleFilter, PersonDialog, PersonRow } from './attendance-view';
import { openSpreadsheet } from './open-spreadsheet';

/** Rows rendered at a time: a few hundred people would pass WeChat's 1,000-node budget. */
const PAGE_SIZE = 40;

const DONE: Record<DialogMode, string> = { manual: '已补签', undo: '已撤销', release: '已释放名额' };

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    title: '',
    timeText: '',
    rows: [] as ReturnType<typeof tableRows>,
    filters: [] as ReturnType<typeof filterTabs>,
    people: [] as PersonRow[],
    peopleEmpty: '',
    moreText: '',
    dialogVisible: false,
    dialog: personDialog('manual', { name: '', waitlisted: false }) as PersonDialog,
    dialogError: '',
    busy: false,
    exporting: false,
  },
  eventId: '',
  report: null as AttendanceReport | null,
  filter: 'all' as PeopleFilter,
  shown: PAGE_SIZE,
  /** The person the open dialog is about, and what it does. */
  target: null as PersonRow | null,
  mode: 'manual' as DialogMode,

  onLoad(query: Record<string, string | undefined>) {
    this.eventId = query.eventId ?? '';
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
      this.report = await getAttendance(this.eventId);
      this.render();
    } catch (err) {
      if (!this.report) this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
  render() {
    const report = this.report;
    if (!report) return;
    const all = personRows(report, this.filter);
    const hidden = all.length - this.shown;
    setChanged(this, {
      status: 'ready',
      title: report.event.title,
      timeText: formatEventTime(report.event.startsAt, report.event.endsAt),
      rows: tableRows(report),
      filters: filterTabs(report, this.filter),
      people: all.slice(0, this.shown),
      peopleEmpty: all.length === 0 ? '没有符合条件的党员' : '',
      moreText: hidden > 0 ? `还有 ${hidden} 人，点击显示更多` : '',
    });
  },

  onFilter(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { filter: PeopleFilter }>) {
    this.filter = e.currentTarget.dataset.filter;
    this.shown = PAGE_SIZE;
    this.render();
  },
  onMore() {
    this.shown += PAGE_SIZE;
    this.render();
  },

  onPerson(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    const person = this.data.people.find((p) => p.memberId === e.currentTarget.dataset.id);
    if (person) this.openDialog(person.present ? 'undo' : 'manual', person);
  },
  onRelease(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    const person = this.data.people.find((p) => p.memberId === e.currentTarget.dataset.id);
    if (person?.canRelease) this.openDialog('release', person);
  },
  openDialog(mode: DialogMode, person: PersonRow) {
    this.target = person;
    this.mode = mode;
    this.setData({ dialogVisible: true, dialog: personDialog(mode, person), dialogError: '' });
  },
  onDialogCancel() {
    this.setData({ dialogVisible: false });
  },
  async onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const person = this.target;
    if (!person || this.data.busy) return;
    const mode = this.mode;
    const { reason } = e.detail;
    this.setData({ busy: true, dialogError: '' });
    try {
      if (mode === 'undo') await undoCheckIn(this.eventId, person.memberId, reason);
      else if (mode === 'manual') await checkInByHand(this.eventId, person.memberId, reason);
      else {
        await releaseRegistration(this.eventId, person.memberId, reason);
        markEventsStale();
      }
      this.setData({ busy: false, dialogVisible: false });
      void wx.showToast({ title: DONE[mode], icon: 'success' });
      await this.load();
    } catch (err) {
      this.setData({ busy: false, dialogError: errorMessage(err) });
    }
  },

  async onExport() {
    if (this.data.exporting) return;
    this.setData({ exporting: true });
    try {
      const file = await exportAttendance(this.eventId);
      await openSpreadsheet(file.url);
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      this.setData({ exporting: false });
    }
  },
});
