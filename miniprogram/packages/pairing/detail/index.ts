/**
 * A pairing: its sides and their answers (a pending side's secretary accepts or refuses here),
 * the agreement, the ways to its resource and need lists, liaisons and ledger, the year's figures
 * computed by the server, and for the sides' leads editing the agreement and ending the pairing.
 */
import type { PairingDetail } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { endPairing, getPairing, pairingFigures, respondToPairing } from '../../../services/pairings';
import { confirmAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { openAttachment } from '../../../utils/open-attachment';
import { ROUTES, withQuery } from '../../../utils/routes';
import { setChanged } from '../../../utils/set-changed';
import { yearInShanghai } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';
import { detailView, figureCells } from './detail-view';

type DialogMode = 'refuse' | 'end';
const DIALOGS: Record<DialogMode, { title: string; description: string; confirmText: string; cancelText: string }> = {
  refuse: {
    title: '不同意结对',
    description: '发起方会看到这个原因。',
    confirmText: '不同意结对',
    cancelText: '返回，暂不决定',
  },
  end: {
    title: '结束联建',
    description: '结束后不能再修改清单和台账，记录会保留。',
    confirmText: '结束联建',
    cancelText: '不结束，继续联建',
  },
};

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    actionError: '',
    year: 0,
    isThisYear: true,
    /** No figures from the future: the arrow to next year greys out on this year. */
    nextYearClass: 'detail__year-arrow detail__year-arrow--off',
    figuresStatus: 'loading',
    figuresError: '',
    figures: [] as ReturnType<typeof figureCells>,
    dialogVisible: false,
    dialog: DIALOGS.refuse,
    dialogBusy: false,
    dialogError: '',
  },
  pairingId: '',
  pairing: null as PairingDetail | null,
  dialogMode: 'refuse' as DialogMode,
  respondingFor: '',

  onLoad(query: Record<string, string | undefined>) {
    this.pairingId = query.id ?? '';
    this.setData({ year: yearInShanghai() });
    void this.loadFigures();
  },
  onShow() {
    syncCareMode(this);
    // Coming back from the agreement or the lists: show what changed there.
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
    void this.loadFigures();
  },

  async load() {
    try {
      this.show(await getPairing(this.pairingId));
    } catch (err) {
      if (!this.pairing) this.setData({ status: 'error', errorMessage: errorMessage(err) });
      else this.setData({ actionError: errorMessage(err) });
    }
  },
  show(pairing: PairingDetail) {
    this.pairing = pairing;
    wx.setNavigationBarTitle({ title: pairing.name });
    setChanged(this, { status: 'ready', ...detailView(pairing) });
  },

  async loadFigures() {
    const { year } = this.data;
    const isThisYear = year === yearInShanghai();
    this.setData({
      figuresStatus: 'loading',
      isThisYear,
      nextYearClass: isThisYear ? 'detail__year-arrow detail__year-arrow--off' : 'detail__year-arrow',
    });
    try {
      const figures = await pairingFigures(this.pairingId, year);
      if (year === this.data.year) this.setData({ figuresStatus: 'ready', figures: figureCells(figures) });
    } catch (err) {
      if (year === this.data.year) this.setData({ figuresStatus: 'error', figuresError: errorMessage(err) });
    }
  },
  onPrevYear() {
    this.setData({ year: this.data.year - 1 });
    void this.loadFigures();
  },
  onNextYear() {
    if (this.data.isThisYear) return;
    this.setData({ year: this.data.year + 1 });
    void this.loadFigures();
  },

  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { page: keyof typeof ROUTES }>) {
    void wx.navigateTo({ url: withQuery(ROUTES[e.currentTarget.dataset.page], { pairingId: this.pairingId }) });
  },
  onCall(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { phone: string }>) {
    void wx.makePhoneCall({ phoneNumber: e.currentTarget.dataset.phone });
  },
  onAttachment(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const file = this.pairing?.agreement?.attachments[e.currentTarget.dataset.index];
    if (!file?.url) return;
    openAttachment(file.url, file.name).catch(() => toast('附件打开失败，请稍后再试', 'none'));
  },

  async onAccept(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { org: string }>) {
    const { org } = e.currentTarget.dataset;
    if (!(await confirmAction('同意结对', '同意后联建生效，各方可以填写清单和台账。', '同意结对'))) return;
    this.setData({ actionError: '' });
    try {
      this.show(await respondToPairing(this.pairingId, org, true));
      toast('已同意');
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },
  onRefuse(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { org: string }>) {
    this.respondingFor = e.currentTarget.dataset.org;
    this.openDialog('refuse');
  },
  onEnd() {
    this.openDialog('end');
  },
  openDialog(mode: DialogMode) {
    this.dialogMode = mode;
    this.setData({ dialogVisible: true, dialog: DIALOGS[mode], dialogError: '', actionError: '' });
  },
  onDialogCancel() {
    this.setData({ dialogVisible: false });
  },
  async onDialogConfirm(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
    const { reason } = e.detail;
    this.setData({ dialogBusy: true, dialogError: '' });
    try {
      const pairing =
        this.dialogMode === 'refuse'
          ? await respondToPairing(this.pairingId, this.respondingFor, false, reason)
          : await endPairing(this.pairingId, reason);
      this.setData({ dialogBusy: false, dialogVisible: false });
      this.show(pairing);
    } catch (err) {
      this.setData({ dialogBusy: false, dialogError: errorMessage(err) });
    }
  },
});
