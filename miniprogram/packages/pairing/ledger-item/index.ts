/**
 * One shared problem: what, who is responsible, the deadline (flagged when overdue), measures and
 * a dated progress log. The sides' writers record progress and change its status; dropping it
 * needs a reason.
 */
import type { LedgerItemDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getLedgerItem, recordProgress } from '../../../services/ledger';
import { toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import type { ViewStatus } from '../../../utils/session-view';
import { itemView, notePlaceholder, statusChoices } from './item-view';
import type { StatusChoice } from './item-view';

const FIELDS = ['note', 'status'] as const;
const FIELD_OF = { note: 'note', status: 'status' } as const;
const DROP_NEEDS_REASON = '放弃办理须说明原因';

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    choice: 'keep' as StatusChoice,
    choices: statusChoices('keep'),
    note: '',
    notePlaceholder: notePlaceholder('keep'),
    saving: false,
    ...formErrors(FIELDS),
  },
  itemId: '',

  onLoad(query: Record<string, string | undefined>) {
    this.itemId = query.id ?? '';
  },
  /** Coming back from editing shows the edit. */
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
      this.show(await getLedgerItem(this.itemId));
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  show(item: LedgerItemDetail) {
    setChanged(this, { status: 'ready', ...itemView(item) });
  },

  onEdit() {
    void wx.navigateTo({ url: withQuery(ROUTES.ledgerEdit, { id: this.itemId }) });
  },
  onChoice(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { choice: StatusChoice }>) {
    const { choice } = e.currentTarget.dataset;
    this.setData({
      choice,
      choices: statusChoices(choice),
      notePlaceholder: notePlaceholder(choice),
      ...formErrors(FIELDS),
    });
  },
  onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
    this.setData({ note: e.detail.value, 'errors.note': '' });
  },

  async onSubmit() {
    const { choice, note, saving } = this.data;
    if (saving) return;
    if (choice === 'dropped' && !note.trim()) {
      this.setData(formErrors(FIELDS, { note: DROP_NEEDS_REASON }));
      return;
    }
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      const item = await recordProgress(this.itemId, choice === 'keep' ? null : choice, note);
      this.setData({
        saving: false,
        note: '',
        choice: 'keep',
        choices: statusChoices('keep'),
        notePlaceholder: notePlaceholder('keep'),
      });
      this.show(item);
      toast('已记录');
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },
});
