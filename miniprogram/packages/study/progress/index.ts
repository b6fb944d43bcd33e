/** 学习完成情况 (secretaries, committee members): participation, each item's completion, who has not studied the 第一议题. */
import type { StudyProgressView } from '../../../../src/contract';
import { errorMessage } from '../../../services/api';
import { getStudyProgress } from '../../../services/study';
import { syncCareMode } from '../../../utils/care-mode';
import type { ViewStatus } from '../../../utils/session-view';

function progressView(view: StudyProgressView) {
  return {
    headline: `${Number(view.month.slice(5))}月学习参与率 ${Math.round(view.participationRate * 100)}%`,
    detail: `${view.participants} / ${view.activeMembers} 名党员本月至少学习一次（含补学）`,
    items: view.items.map((item) => ({
      id: item.itemId,
      title: `${item.firstTopic ? '【第一议题】' : ''}${item.title}`,
      meta: `已学 ${item.studied.length} 人，未学 ${item.notStudied.length} 人`,
    })),
    missing: view.notStudiedFirstTopic.map((p) => ({ id: p.memberId, name: p.name })),
    hasFirstTopic: view.items.some((item) => item.firstTopic),
  };
}

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '本月还没有学习计划',
    view: null as ReturnType<typeof progressView> | null,
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
      const view = await getStudyProgress();
      this.setData({
        status: view.items.length === 0 && view.participants === 0 ? 'empty' : 'ready',
        view: progressView(view),
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: errorMessage(err) });
    }
  },
});
