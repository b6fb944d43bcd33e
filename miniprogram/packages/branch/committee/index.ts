/**
 * 党委管理: for a committee office, the organisations under its committee a page at a time (a
 * branch opens 支部管理 for that branch) and the first pairings they are in, with the way to all
 * of them. `?committeeId=` picks one of the caller's offices; without it, the first.
 */
import type { OrgView, PairingSummary } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { listDirectory } from '../../../services/branch';
import { listCommitteePairings } from '../../../services/pairings';
import { loadMe } from '../../../store/session';
import { syncCareMode } from '../../../utils/care-mode';
import { orgKindText } from '../../../utils/org-labels';
import { PagedList } from '../../../utils/paged-list';
import { pairingCard } from '../../../utils/pairing-card';
import type { PairingCard } from '../../../utils/pairing-card';
import { ROUTES, withQuery } from '../../../utils/routes';
import { NOT_JOINED } from '../../../utils/session-view';
import type { ViewStatus } from '../../../utils/session-view';

/** Pairings shown here before 查看全部. */
const PAIRING_PREVIEW = 3;

interface OrgItem {
  id: string;
  name: string;
  meta: string;
  /** Branches open 支部管理; partner organisations have no members to manage here. */
  isBranch: boolean;
}

function orgItem(org: OrgView): OrgItem {
  const isBranch = org.kind === 'branch';
  return {
    id: org.id,
    name: org.name,
    meta: orgKindText(org),
    isBranch,
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    committeeName: '',
    orgs: [] as OrgItem[],
    orgsFooter: PagedList.footer(false, 0),
    pairings: [] as PairingCard[],
    morePairings: false,
  },
  committeeId: '',
  /** The office this page shows (the query's, or the caller's first). */
  officeId: '',
  orgs: null as PagedList<OrgView, OrgItem> | null,

  onLoad(query: Record<string, string | undefined>) {
    this.committeeId = query.committeeId ?? '';
  },
  /** Coming back from 支部管理 or a pairing shows both lists as they are now. */
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    this.setData({ status: 'loading' });
    void this.load();
  },
  onReachBottom() {
    void this.orgs?.more();
  },
  onOpenOrg(
    e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; branch: boolean }>,
  ) {
    if (!e.currentTarget.dataset.branch) return;
    void wx.navigateTo({ url: withQuery(ROUTES.branchManage, { branchId: e.currentTarget.dataset.id }) });
  },
  onOpenPairing(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
    void wx.navigateTo({ url: withQuery(ROUTES.pairingDetail, { id: e.currentTarget.dataset.id }) });
  },
  /** 积分规则: only an office reaches this page's ready state, so only an office sees the way in. */
  onPointsRules() {
    void wx.navigateTo({ url: withQuery(ROUTES.studyRules, { committeeId: this.officeId }) });
  },
  onAllPairings() {
    void wx.navigateTo({ url: withQuery(ROUTES.pairings, { scope: 'committee' }) });
  },

  async load() {
    try {
      const me = await loadMe();
      if (!me.member) {
        this.setData(NOT_JOINED);
        return;
      }
      const offices = me.offices ?? [];
      const office = this.committeeId ? offices.find((o) => o.id === this.committeeId) : offices[0];
      if (!office) {
        this.setData({
          status: 'empty',
          emptyText: '你不在该党委的组织部门',
          emptyHint: '党委管理只对党委组织部门开放',
        });
        return;
      }
      this.officeId = office.id;
      this.orgs = new PagedList(this, 'orgs', (offset) => listDirectory(office.id, offset), orgItem);
      const [patch, pairings] = await Promise.all([
        this.orgs.reload(),
        listCommitteePairings(null, 0, PAIRING_PREVIEW),
      ]);
      if (!patch) return;
      this.setData({
        ...patch,
        status: 'ready',
        committeeName: office.name,
        pairings: pairings.items.map((p: PairingSummary) => pairingCard(p, null)),
        morePairings: pairings.nextOffset !== null,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
