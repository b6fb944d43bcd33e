/** 首页's lead card and task list, from home.overview: what the member does next, in words. */
import type { HomeOverview, MyEventState, NextEventCard } from '../../../src/contract';
import { formatEventTime } from '../../utils/date';

const STATE: Record<MyEventState, { text: string; className: string }> = {
  registered: { text: '已报名', className: 'home__state home__state--on' },
  waitlisted: { text: '候补中', className: 'home__state' },
  excused: { text: '已请假', className: 'home__state' },
  checkedIn: { text: '已签到', className: 'home__state home__state--on' },
  notRegistered: { text: '未报名', className: 'home__state' },
};

export interface NextEventView {
  id: string;
  title: string;
  kindText: string;
  when: string;
  place: string;
  stateText: string;
  stateClass: string;
  checkInOpen: boolean;
  /** 请假 is offered while the member holds a place and the event has not started. */
  canAskLeave: boolean;
}

export function nextEventView(card: NextEventCard, now = Date.now()): NextEventView {
  const started = Date.parse(card.startsAt) <= now;
  return {
    id: card.id,
    title: card.title,
    kindText: card.kind === 'themeDay' ? '主题党日' : '活动',
    when: formatEventTime(card.startsAt, card.endsAt, now),
    place: card.placeName,
    stateText: STATE[card.state].text,
    stateClass: STATE[card.state].className,
    checkInOpen: card.checkInOpen,
    canAskLeave: !started && (card.state === 'registered' || card.state === 'waitlisted'),
  };
}

export function tasksView(overview: HomeOverview) {
  return overview.tasks.map((t, i) => ({ key: `${t.kind}-${i}`, title: t.title, detail: t.detail, link: t.link }));
}
