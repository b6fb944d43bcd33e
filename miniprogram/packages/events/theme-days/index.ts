/**
 * The branch's theme days for the next twelve months: the rule in words, each month's date after
 * holidays (e.g. 国庆节顺延), moves and cancellations with their reasons, and a warning when a
 * year's holiday arrangement is not published yet. The secretary sets the rule and moves or
 * cancels one month with a reason.
 */
import type { ThemeDayCalendar } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { cancelOccurrence, getThemeDayCalendar, moveOccurrence } from '../../../services/theme-days';
import { markEventsStale } from '../../../store/events-stale';
import { syncCareMode } from '../../../utils/care-mode';
import { formatCivilDate, shanghaiDate } from '../../../utils/date';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { ruleText } from '../theme-day-rule/rule-text';
import { occurrenceRow } from './occurrence-row';
import type { OccurrenceRow } from './occurrence-row';

type DialogKind = 'move' | 'cancel';

const DIALOGS: Record<DialogKind, { title: string; confirm: string; keep: string; placeholder: string }> = {
  move: {
    title: '调整日期',
    confirm: '调整到新日期',
    keep: '不调整，保留原日期',
    placeholder: '如：与市委党校培训冲突',
  },
  cancel: {
    title: '取消本月主题党日',
    confirm: '取消本月主题党日',
    keep: '不取消，照常举行',
    placeholder: '如：并入七一集中活动',
  },
};

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    ownerName: '',
    ruleText: '',
    canManage: false,
    holidayWarning: '',
    rows: [] as OccurrenceRow[],
    dialogVisible: false,
    dialogKind: 'move' as DialogKind,
    /** The move dialog asks for the new date and time too. */
    moveFields: false,
    dialogTitle: '',
    dialogConfirm: '',
    dialogKeep: '',
    dialogDanger: false,
    dialogPlaceholder: '',
    dialogDescription: '',
    dialogError: '',
    moveDate: '',
    moveDateText: '',
    moveTime: '',
    today: '',
    busy: false,
  },
  /** The month the open dialog is about. */
  key: '',

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
      this.render(await getThemeDayCalendar());
    } catch (err) {
      if (this.data.status !== 'ready') this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },

  render(calendar: ThemeDayCalendar) {
    const now = new Date().toISOString();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const base = { ownerName: calendar.ownerName, canManage: calendar.canManage, today: shanghaiDate(now) };
    if (!calendar.rule) {
      setChanged(this, {
        ...base,
        status: 'empty',
        emptyText: '尚未设置主题党日',
        emptyHint: calendar.canManage
          ? '设置每月的固定日期后，会自动生成未来 12 个月的主题党日'
          : '支部书记设置每月的固定日期后，会显示在这里',
        actionText: calendar.canManage ? '设置规则' : '',
      });
      return;
    }
    setChanged(this, {
      ...base,
      status: 'ready',
      ruleText: ruleText(calendar.rule),
      holidayWarning: calendar.holidayDataMissing
        ? '部分月份所在年份的法定节假日安排尚未公布，这些月份只避开了周末；安排公布后日期可能调整'
        : '',
      rows: calendar.occurrences.map((o) => occurrenceRow(o, year, calendar.canManage)),
    });
  },

  onRule() {
    void wx.navigateTo({ url: ROUTES.themeDayRule });
  },
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    const { id } = e.currentTarget.dataset;
    if (id) void wx.navigateTo({ url: withQuery(ROUTES.eventDetail, { id }) });
  },

  onChange(
    e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string; kind: DialogKind }>,
  ) {
    const { key, kind } = e.currentTarget.dataset;
    const row = this.data.rows.find((r) => r.key === key);
    if (!row) return;
    this.key = key;
    const dialog = DIALOGS[kind];
    this.setData({
      dialogVisible: true,
      dialogKind: kind,
      moveFields: kind === 'move',
      dialogTitle: `${dialog.title}（${row.monthText}）`,
      dialogConfirm: dialog.confirm,
      dialogKeep: dialog.keep,
      dialogDanger: kind === 'cancel',
      dialogPlaceholder: dialog.placeholder,
      dialogDescription: kind === 'cancel' ? '取消后本月不再举行，已生成的活动也会取消' : '选择新的日期和开始时间',
      dialogError: '',
      moveDate: row.date,
      moveDateText: formatCivilDate(row.date),
      moveTime: row.startTime,
    });
  },
  onDialogCancel() {
    this.setData({ dialogVisible: false });
  },
  onMovePick(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'date' | 'time' }>) {
    if (e.currentTarget.dataset.field === 'date')
      this.setData({ moveDate: e.detail.value, moveDateText: formatCivilDate(e.detail.value) });
    else this.setData({ moveTime: e.detail.value });
  },
  async onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    if (this.data.busy) return;
    this.setData({ busy: true, dialogError: '' });
    const { reason } = e.detail;
    try {
      if (this.data.dialogKind === 'move')
        await moveOccurrence(this.key, this.data.moveDate, this.data.moveTime, reason);
      else await cancelOccurrence(this.key, reason);
      markEventsStale();
      this.setData({ busy: false, dialogVisible: false });
      void wx.showToast({ title: this.data.dialogKind === 'move' ? '已调整' : '已取消', icon: 'success' });
      await this.load();
    } catch (err) {
      this.setData({ busy: false, dialogError: errorMessage(err) });
    }
  },
});
