/** Page paths in one place: the tab bar, redirects and links all read them from here. */
export const ROUTES = {
  home: '/pages/home/index',
  events: '/pages/events/index',
  study: '/pages/study/index',
  posts: '/pages/posts/index',
  mine: '/pages/mine/index',
  join: '/packages/member/join/index',
} as const;

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
