import { NOT_JOINED, showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { ROUTES } from '../../utils/routes';

Page({
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    emptyText: '',
    emptyHint: '',
    actionText: '',
    greeting: '',
    branchName: '',
    committeeName: '',
  },
  onShow() {
    void this.load();
  },
  onRetry() {
    void this.load();
  },
  onJoin() {
    void wx.navigateTo({ url: ROUTES.join });
  },
  load() {
    return showSession(this, (member) =>
      member
        ? {
            status: 'ready',
            greeting: `你好，${member.name}`,
            branchName: member.branch.name,
            committeeName: member.branch.committeeName,
          }
        : NOT_JOINED,
    );
  },
});
