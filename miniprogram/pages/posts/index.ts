/** Lists come with their own feature; until then a member sees an honest empty state. */
import { NOT_JOINED, showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { ROUTES } from '../../utils/routes';
import { syncCareMode } from '../../utils/care-mode';

const MEMBER_EMPTY = {
  status: 'empty' as ViewStatus,
  emptyText: '暂无活动风采',
  emptyHint: '活动结束后，大家分享的照片和心得会展示在这里',
  actionText: '',
};

Page({
  data: {
    careClass: '',
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
  },
  onShow() {
    syncCareMode(this);
    void this.load();
  },
  onRetry() {
    void this.load();
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  load() {
    return showSession(this, (member) => (member ? MEMBER_EMPTY : NOT_JOINED));
  },
});
