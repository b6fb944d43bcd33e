/** Page paths in one place: the tab bar, redirects and links all read them from here. */
export const ROUTES = {
  home: '/pages/home/index',
  events: '/pages/events/index',
  study: '/pages/study/index',
  posts: '/pages/posts/index',
  mine: '/pages/mine/index',
  join: '/packages/member/join/index',
  transfer: '/packages/member/transfer/index',
  membershipHistory: '/packages/member/history/index',
  privacy: '/packages/member/privacy/index',
  branchManage: '/packages/branch/manage/index',
  invites: '/packages/branch/invites/index',
  transferApprovals: '/packages/branch/transfers/index',
  committeeManage: '/packages/branch/committee/index',
  pairings: '/packages/pairing/list/index',
  pairingPropose: '/packages/pairing/propose/index',
  pairingDetail: '/packages/pairing/detail/index',
  agreement: '/packages/pairing/agreement/index',
  pairingItems: '/packages/pairing/items/index',
  liaisons: '/packages/pairing/liaisons/index',
  ledger: '/packages/pairing/ledger/index',
  ledgerItem: '/packages/pairing/ledger-item/index',
  ledgerEdit: '/packages/pairing/ledger-edit/index',
  eventDetail: '/packages/events/detail/index',
  eventEdit: '/packages/events/edit/index',
  checkIn: '/packages/events/check-in/index',
  liveCheckIn: '/packages/events/live/index',
  attendance: '/packages/events/attendance/index',
  themeDays: '/packages/events/theme-days/index',
  themeDayRule: '/packages/events/theme-day-rule/index',
  studyCheckIn: '/packages/study/check-in/index',
  studyHistory: '/packages/study/history/index',
  studyMakeUp: '/packages/study/make-up/index',
  studyPlanEdit: '/packages/study/plan-edit/index',
  studyProgress: '/packages/study/progress/index',
  studyApprovals: '/packages/study/approvals/index',
  studyPoints: '/packages/study/points/index',
  studyRules: '/packages/study/rules/index',
  postCompose: '/packages/posts/compose/index',
  postDetail: '/packages/posts/detail/index',
  myPosts: '/packages/posts/mine/index',
  postModeration: '/packages/posts/moderation/index',
  /** `?eventId=` or `?pairingId=`. */
  postFeed: '/packages/posts/feed/index',
  pairingPosts: '/packages/posts/feed/index',
  notices: '/packages/notices/list/index',
  noticeDetail: '/packages/notices/detail/index',
  noticeCompose: '/packages/notices/compose/index',
  noticeReceipts: '/packages/notices/receipts/index',
  eventReminders: '/packages/events/reminders/index',
  share: '/packages/events/share/index',
  myReminders: '/packages/member/reminders/index',
  minutes: '/packages/review/minutes/index',
  cadence: '/packages/review/cadence/index',
  contactPoints: '/packages/review/contact-points/index',
  reviewDashboard: '/packages/review/dashboard/index',
  evidence: '/packages/review/evidence/index',
  reviewExport: '/packages/review/export/index',
  myRecords: '/packages/review/records/index',
} as const;

/** A page path with its query, e.g. `withQuery(ROUTES.eventDetail, { id })`. */
export function withQuery(route: string, query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `${route}?${pairs.join('&')}` : route;
}

export interface TabItem {
  url: string;
  label: string;
  icon: string;
}

/** The order and icons (TDesign icon names) of the custom tab bar; app.json lists the same pages. */
export const TABS: readonly TabItem[] = [
  { url: ROUTES.home, label: '首页', icon: 'home' },
  { url: ROUTES.events, label: '活动', icon: 'calendar' },
  { url: ROUTES.study, label: '学习', icon: 'book' },
  { url: ROUTES.posts, label: '风采', icon: 'image' },
  { url: ROUTES.mine, label: '我的', icon: 'user' },
];
