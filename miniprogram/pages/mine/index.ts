import { showSession } from '../../utils/session-view';
import type { ViewStatus } from '../../utils/session-view';
import { roleLabel } from '../../utils/role-label';
import { ROUTES } from '../../utils/routes';

Page({
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    joined: false,
    name: '',
    initial: '',
    roleText: '',
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
            joined: true,
            name: member.name,
            initial: Array.from(member.name)[0] ?? '',
            roleText: roleLabel(member.role),
            branchName: member.branch.name,
            committeeName: member.branch.committeeName,
          }
        : { status: 'ready', joined: false },
    );
  },
});
