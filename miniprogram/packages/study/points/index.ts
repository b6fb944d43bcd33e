/**
 * 我的积分: total, this year's, the history with reasons, and the branch ranking with the opt-out
 * switch. Nothing here asks for a daily quota: points record what was done, they are not a target.
 */
import type { MyPointsView, PointsRankingView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getMyPoints, getRanking, setRankingOptOut } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import { formatDate } from '../../../utils/date';
import type { ViewStatus } from '../../../utils/session-view';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function historyRows(view: MyPointsView) {
  return view.history.map((h) => ({
    id: h.id,
    title: h.reverses ? `${h.label}（撤销）` : h.label,
    meta: `${formatDate(h.at)} · ${h.reason}`,
    points: signed(h.points),
  }));
}

function rankingRows(view: PointsRankingView) {
  return view.rows.map((r) => ({ id: r.memberId, text: `${r.rank}. ${r.name}`, points: String(r.points) }));
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    total: 0,
    yearText: '',
    history: [] as ReturnType<typeof historyRows>,
    ranking: [] as ReturnType<typeof rankingRows>,
    rankingTitle: '',
    optedOut: false,
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
      const [mine, ranking] = await Promise.all([getMyPoints(), getRanking()]);
      this.setData({
        status: 'ready',
        total: mine.total,
        yearText: `${mine.year}年 ${mine.yearTotal} 分`,
        history: historyRows(mine),
        ranking: rankingRows(ranking),
        rankingTitle: `${ranking.scopeName} · ${ranking.year}年`,
        optedOut: mine.rankingOptOut,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
  async onOptOut(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
    try {
      await setRankingOptOut(!e.detail.value);
      await this.load();
    } catch (err) {
      void wx.showToast({ title: errorMessage(err), icon: 'none' });
    }
  },
});
