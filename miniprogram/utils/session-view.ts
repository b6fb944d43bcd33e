/**
 * The load → show cycle every tab page shares: the state view shows loading only while nothing is
 * cached, then whatever the page renders for the member (or for a visitor who has not joined),
 * or the error with its message.
 */
import type { MemberProfile, MeView } from '../../src/contract';
import { errorMessage } from '../services/api';
import { currentMe, loadMe } from '../store/session';
import { syncCareMode } from './care-mode';
import { ROUTES } from './routes';

export type ViewStatus = 'loading' | 'empty' | 'error' | 'ready';

interface PageLike {
  setData(data: Record<string, unknown>): void;
}

/** The same call to action on every tab for someone who has not joined a branch yet. */
export const NOT_JOINED = {
  status: 'empty' as ViewStatus,
  emptyText: '你还没有加入支部',
  emptyHint: '用支部书记发来的邀请码或二维码加入',
  actionText: '加入支部',
};

export async function showSession(
  page: PageLike,
  render: (member: MemberProfile | null, me: MeView) => Record<string, unknown>,
): Promise<void> {
  if (!currentMe()) page.setData({ status: 'loading' });
  try {
    const me = await loadMe();
    page.setData(render(me.member, me));
  } catch (err) {
    page.setData({ status: 'error', errorMessage: errorMessage(err) });
  }
}

/**
 * A tab whose feature has not shipped yet: members see an honest empty state with `hint`,
 * visitors the call to join. One definition for 学习 and 风采 until their lists arrive.
 */
export function placeholderTab(emptyText: string, emptyHint: string) {
  const memberEmpty = { status: 'empty' as ViewStatus, emptyText, emptyHint, actionText: '' };
  return {
    data: {
      careClass: '',
      status: 'loading' as ViewStatus,
      errorMessage: '',
      emptyText: '',
      emptyHint: '',
      actionText: '',
    },
    onShow(this: PageLike & { data: { careClass: string }; load(): Promise<void> }) {
      syncCareMode(this);
      void this.load();
    },
    onRetry(this: { load(): Promise<void> }) {
      void this.load();
    },
    onJoin() {
      void wx.navigateTo({ url: ROUTES.join });
    },
    load(this: PageLike) {
      return showSession(this, (member) => (member ? memberEmpty : NOT_JOINED));
    },
  };
}
