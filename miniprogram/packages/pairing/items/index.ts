/**
 * 资源与需求清单: what each side offers and asks for, visible to all sides. A side's secretary or
 * committee member adds items; a partner takes a need on (optionally naming one of its
 * resources), or from a resource puts it to a partner's open need; either side marks it met.
 */
import type { PairingDetail, PairingItemKind, PairingItemView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { addPairingItem, getPairing, listPairingItems, markNeedMet, matchNeed } from '../../../services/pairings';
import { chooseAction, toast } from '../../../utils/ask';
import { syncCareMode } from '../../../utils/care-mode';
import { formErrors, placeErrors } from '../../../utils/field-errors';
import { PagedList } from '../../../utils/paged-list';
import type { ViewStatus } from '../../../utils/session-view';
import { itemRow, takingSide } from './item-row';
import type { ItemRow } from './item-row';

const FIELDS = ['title', 'detail', 'org'] as const;
const FIELD_OF = { title: 'title', detail: 'detail', orgId: 'org' } as const;
const KIND_LABELS: Record<PairingItemKind, string> = { resource: '资源清单', need: '需求清单' };
/** WeChat's action sheet holds six entries: 不指定 plus five resources. */
const SHEET_RESOURCES = 5;
const SHEET_MAX = 6;

const kindChips = (chosen: PairingItemKind) =>
  (['resource', 'need'] as const).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    className: kind === chosen ? 'chip chip--on' : 'chip',
  }));

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    kind: 'resource' as PairingItemKind,
    kinds: kindChips('resource'),
    addText: '添加资源',
    canAdd: false,
    adding: false,
    saving: false,
    draft: { title: '', detail: '' },
    writeSides: [] as { orgId: string; name: string; className: string }[],
    ...formErrors(FIELDS),
    actionError: '',
    items: [] as ItemRow[],
    itemsFooter: PagedList.footer(false, 0),
  },
  pairingId: '',
  pairing: null as PairingDetail | null,
  list: null as PagedList<PairingItemView, ItemRow> | null,
  draftOrg: '',

  onLoad(query: Record<string, string | undefined>) {
    this.pairingId = query.pairingId ?? '';
    if (query.kind === 'need') this.setData({ kind: 'need', kinds: kindChips('need'), addText: '添加需求' });
    void this.load();
  },
  onShow() {
    syncCareMode(this);
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.list?.more();
  },

  async load() {
    try {
      const pairing = this.pairing ?? (await getPairing(this.pairingId));
      this.pairing = pairing;
      const writes = pairing.canWriteFor;
      const active = pairing.status === 'active';
      const kind = this.data.kind;
      this.list = new PagedList(
        this,
        'items',
        (offset) => listPairingItems(this.pairingId, kind, offset),
        (item) => itemRow(item, writes, active),
      );
      const patch = await this.list.reload();
      if (!patch) return;
      this.draftOrg = writes[0] ?? '';
      this.setData({
        ...patch,
        status: (patch.items as ItemRow[]).length > 0 || (active && writes.length > 0) ? 'ready' : 'empty',
        emptyText: kind === 'resource' ? '还没有资源' : '还没有需求',
        canAdd: active && writes.length > 0,
        writeSides: this.sideChips(),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  /** The sides the caller may add for; a choice only when there are several. */
  sideChips() {
    const pairing = this.pairing;
    if (!pairing || pairing.canWriteFor.length < 2) return [];
    return pairing.sides
      .filter((s) => pairing.canWriteFor.includes(s.orgId))
      .map((s) => ({ orgId: s.orgId, name: s.name, className: s.orgId === this.draftOrg ? 'chip chip--on' : 'chip' }));
  },

  onKind(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { kind: PairingItemKind }>) {
    const { kind } = e.currentTarget.dataset;
    if (kind === this.data.kind) return;
    this.setData({
      kind,
      kinds: kindChips(kind),
      addText: kind === 'resource' ? '添加资源' : '添加需求',
      adding: false,
      status: 'loading',
      actionError: '',
    });
    void this.load();
  },

  onStartAdd() {
    this.setData({ adding: true, draft: { title: '', detail: '' }, ...formErrors(FIELDS) });
  },
  onCancelAdd() {
    this.setData({ adding: false });
  },
  onDraft(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'title' | 'detail' }>) {
    const { field } = e.currentTarget.dataset;
    this.setData({ [`draft.${field}`]: e.detail.value, [`errors.${field}`]: '', [`statuses.${field}`]: 'default' });
  },
  onDraftOrg(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { org: string }>) {
    this.draftOrg = e.currentTarget.dataset.org;
    this.setData({ writeSides: this.sideChips(), 'errors.org': '' });
  },
  async onSave() {
    if (this.data.saving) return;
    const { kind, draft } = this.data;
    this.setData({ saving: true, ...formErrors(FIELDS) });
    try {
      const item = await addPairingItem({
        pairingId: this.pairingId,
        kind,
        title: draft.title,
        detail: draft.detail,
        ...(this.draftOrg ? { orgId: this.draftOrg } : {}),
      });
      this.setData({ saving: false, adding: false, status: 'ready' });
      this.list?.prepend(item);
      toast('已添加');
    } catch (err) {
      this.setData({ saving: false, ...placeErrors(err, FIELDS, FIELD_OF) });
    }
  },

  async onMatch(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const need = this.list?.loaded[index];
    const taker = need && this.pairing ? takingSide(need, this.pairing.canWriteFor) : null;
    if (!need || !taker) return;
    await this.act(async () => {
      const mine = (await listPairingItems(this.pairingId, 'resource', 0)).items.filter((r) => r.orgId === taker);
      const offered = mine.slice(0, SHEET_RESOURCES);
      const choice = await chooseAction(['认领，不指定资源', ...offered.map((r) => `用“${r.title}”满足`)]);
      if (choice === null) return;
      const resource = choice === 0 ? null : (offered[choice - 1]?.id ?? null);
      this.list?.replace(index, await matchNeed(need.id, taker, resource));
      toast('已认领');
    });
  },
  /** A resource put to a partner's open need: that need is taken on by the resource's side. */
  async onOffer(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const resource = this.list?.loaded[index];
    if (!resource) return;
    await this.act(async () => {
      const needs = (await listPairingItems(this.pairingId, 'need', 0)).items.filter(
        (n) => n.status === 'open' && n.orgId !== resource.orgId,
      );
      if (needs.length === 0) {
        this.setData({ actionError: '对方暂时没有待认领的需求' });
        return;
      }
      const offered = needs.slice(0, SHEET_MAX);
      const choice = await chooseAction(offered.map((n) => `满足${n.orgName}：${n.title}`));
      const need = choice === null ? undefined : offered[choice];
      if (!need) return;
      await matchNeed(need.id, resource.orgId, resource.id);
      toast('已认领该需求');
    });
  },
  async onMeet(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
    const { index } = e.currentTarget.dataset;
    const need = this.list?.loaded[index];
    if (!need) return;
    await this.act(async () => {
      const after = await markNeedMet(need.id);
      this.list?.replace(index, after);
      toast(after.status === 'met' ? '已确认满足' : '已报告完成，待对方确认');
    });
  },
  async act(run: () => Promise<void>) {
    this.setData({ actionError: '' });
    try {
      await run();
    } catch (err) {
      this.setData({ actionError: errorMessage(err) });
    }
  },
});
