/**
 * 会议记录 (organisation-life minutes) of one event: its kind, topic, form, host, content and
 * decisions, the outcome figures, and who attended — suggested from check-in, corrected by hand
 * with a reason — apart from those on 请假 and those absent. Organisers edit; members read.
 */
import type { OrgLifeKind, OrgLifeRecordView, OutcomeKey } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { canUpload, chooseFiles } from '../../../services/files';
import { getMinutes, saveMinutes, uploadMinutesFile } from '../../../services/review';
import { toast } from '../../../utils/ask';
import { openAttachment } from '../../../utils/open-attachment';
import { syncCareMode } from '../../../utils/care-mode';
import { formatEventTime } from '../../../utils/date';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';

const KINDS: OrgLifeKind[] = [
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '联学',
];
const OUTCOMES: { key: OutcomeKey; label: string }[] = [
  { key: 'peopleVisited', label: '走访慰问（人）' },
  { key: 'forums', label: '座谈会（场）' },
  { key: 'researchVisits', label: '调研走访（次）' },
  { key: 'volunteers', label: '志愿者（人次）' },
  { key: 'volunteerHours', label: '志愿时长（小时）' },
  { key: 'servicesDelivered', label: '办实事（件）' },
];

interface Adjustment {
  memberId: string;
  present: boolean;
  reason: string;
}

function rateText(view: OrgLifeRecordView): string {
  const { registered, excused, attended, rate } = view.tally;
  const pct = rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
  return `出席 ${attended} 人 · 报名 ${registered} · 请假 ${excused} · 出席率 ${pct}`;
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    title: '',
    when: '',
    place: '',
    ownerName: '',
    canEdit: false,
    saved: false,
    kinds: KINDS.map((kind) => ({ kind, className: 'chip' })),
    kind: '主题党日' as OrgLifeKind,
    topic: '',
    form: '',
    host: '',
    content: '',
    decisions: '',
    outcomes: OUTCOMES.map((o) => ({ ...o, value: '0' })),
    attendees: [] as { memberId: string; name: string; note: string }[],
    excused: [] as { memberId: string; name: string; reason: string }[],
    absent: [] as { memberId: string; name: string }[],
    removed: [] as { memberId: string; name: string; reason: string }[],
    tallyText: '',
    updatedText: '',
    dialog: { visible: false, title: '', memberId: '', present: false },
    /** `url` is empty for a file uploaded since the last save (it opens once saved). */
    attachments: [] as { fileID: string; name: string; url: string }[],
    uploadable: canUpload(),
    uploading: false,
    saving: false,
    formError: '',
  },
  eventId: '',
  adjustments: [] as Adjustment[],
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
      this.show(await getMinutes(this.eventId));
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(view: OrgLifeRecordView) {
    // The saved corrections travel with every save, so a later save keeps them.
    this.adjustments = [
      ...view.attendees.flatMap((a) =>
        a.source === 'added' ? [{ memberId: a.memberId, present: true, reason: a.reason ?? '' }] : [],
      ),
      ...view.removed.map((r) => ({ memberId: r.memberId, present: false, reason: r.reason })),
    ];
    setChanged(this, {
      status: 'ready',
      title: view.event.title,
      when: formatEventTime(view.event.startsAt, view.event.endsAt),
      place: view.event.placeName,
      ownerName: view.event.ownerName,
      canEdit: view.canEdit,
      saved: view.saved,
      kind: view.kind,
      kinds: KINDS.map((kind) => ({ kind, className: kind === view.kind ? 'chip chip--on' : 'chip' })),
      topic: view.topic,
      form: view.form,
      host: view.host,
      content: view.content,
      decisions: view.decisions,
      attachments: view.attachments,
      outcomes: OUTCOMES.map((o) => ({ ...o, value: String(view.outcomes[o.key]) })),
      attendees: view.attendees.map((a) => ({
        memberId: a.memberId,
        name: a.name,
        note: a.source === 'checkIn' ? '已签到' : `补记：${a.reason ?? ''}`,
      })),
      excused: view.excused,
      absent: view.absent,
      removed: view.removed,
      tallyText: rateText(view),
      updatedText: view.updatedAt ? `${view.updatedByName ?? ''} 最后保存` : '尚未保存，以下为根据签到生成的草稿',
    });
  },
  onKind(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { kind: OrgLifeKind }>) {
    if (!this.data.canEdit) return;
    const { kind } = e.currentTarget.dataset;
    this.setData({ kind, kinds: KINDS.map((k) => ({ kind: k, className: k === kind ? 'chip chip--on' : 'chip' })) });
  },
  onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value, formError: '' });
  },
  onOutcome(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
    this.setData({ [`outcomes[${e.currentTarget.dataset.index}].value`]: e.detail.value });
  },
  /** Strike a checked-in person out, or put an absent one in: each needs a reason. */
  onPerson(
    e: WechatMiniprogram.TouchEvent<
      Record<string, never>,
      Record<string, never>,
      { id: string; name: string; present: boolean }
    >,
  ) {
    if (!this.data.canEdit) return;
    const { id, name, present } = e.currentTarget.dataset;
    const title = present ? `补记 ${name} 到会` : `标记 ${name} 未到会`;
    this.setData({ dialog: { visible: true, title, memberId: id, present } });
  },
  onDialogCancel() {
    this.setData({ 'dialog.visible': false });
  },
  onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const { memberId, present } = this.data.dialog;
    this.adjustments = [
      ...this.adjustments.filter((a) => a.memberId !== memberId),
      { memberId, present, reason: e.detail.reason },
    ];
    this.setData({ 'dialog.visible': false });
    void this.onSave();
  },
  /** Photos and files of the session: uploaded first, attached on the next save. */
  async onAddFiles() {
    if (this.data.uploading) return;
    const files = await chooseFiles(9 - this.data.attachments.length);
    if (files.length === 0) return;
    this.setData({ uploading: true, formError: '' });
    try {
      const uploaded = [];
      for (const file of files)
        uploaded.push({
          fileID: await uploadMinutesFile(file.path, file.name),
          name: file.name.slice(0, 60),
          url: '',
        });
      this.setData({ uploading: false, attachments: [...this.data.attachments, ...uploaded] });
    } catch (err) {
      this.setData({ uploading: false, formError: errorMessage(err) });
    }
  },
  onOpenFile(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const file = this.data.attachments[e.currentTarget.dataset.index];
    if (!file) return;
    if (!file.url) {
      toast('保存后可以打开', 'none');
      return;
    }
    openAttachment(file.url, file.name).catch(() => toast('附件打开失败，请稍后再试', 'none'));
  },
  onRemoveFile(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    if (!this.data.canEdit) return;
    this.setData({ attachments: this.data.attachments.filter((_, i) => i !== e.currentTarget.dataset.index) });
  },
  async onSave() {
    const d = this.data;
    if (d.saving) return;
    if (!d.topic.trim() || !d.host.trim()) {
      this.setData({ formError: '请填写会议主题和主持人' });
      return;
    }
    const outcomes = Object.fromEntries(d.outcomes.map((o) => [o.key, Math.max(0, Math.floor(Number(o.value) || 0))]));
    this.setData({ saving: true, formError: '' });
    try {
      const view = await saveMinutes({
        eventId: this.eventId,
        kind: d.kind,
        topic: d.topic,
        form: d.form,
        host: d.host,
        content: d.content,
        decisions: d.decisions,
        attachments: d.attachments.map((f) => ({ fileID: f.fileID, name: f.name })),
        outcomes,
        adjustments: this.adjustments,
      });
      this.setData({ saving: false });
      this.show(view);
      toast('已保存');
    } catch (err) {
      this.setData({ saving: false, formError: errorMessage(err) });
    }
  },
});
