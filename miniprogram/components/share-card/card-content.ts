/**
 * What a share card (分享卡片) says, for each kind of thing shared, and its layout on the 5:4
 * card: the canvas drawing and the on-page preview both read the same lines, so what a member
 * sees before sharing is what the chat shows. Each kind (event, invite, notice, post) is one
 * function from its model to `CardContent` in CARD_KINDS.
 */
import type { EventDetail, InvitePreview, NoticeDetail, PostView } from '../../../src/contract';
import { formatDate, formatEventMoment } from '../../utils/date';
import { countsText } from '../../utils/event-view';
import { audienceText } from '../../utils/notice-row';

export interface CardContent {
  /** The small label on the red band: 主题党日, 活动, 邀请加入. */
  tag: string;
  title: string;
  /** Date and weekday (and time): `12月4日 周五 14:30`. */
  when: string;
  place: string;
  /** The branch or pairing behind it. */
  org: string;
  /** For events the live count, `已报名 12 人 / 限 30 人`; empty otherwise. */
  count: string;
}

/** The card drawn in CSS pixels; the canvas multiplies by the device's pixel ratio. */
export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;
/** Characters per title line at the title's size, and lines at most. */
const TITLE_PER_LINE = 13;
const TITLE_LINES = 2;
/** Characters of the place line (and the red band's org line) that fit the card's width. */
const LINE_CHARS = 17;

export function titleLines(title: string): string[] {
  const chars = [...title];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < TITLE_LINES; i += TITLE_PER_LINE)
    lines.push(chars.slice(i, i + TITLE_PER_LINE).join(''));
  if (chars.length > TITLE_PER_LINE * TITLE_LINES) {
    const last = [...(lines[TITLE_LINES - 1] ?? '')];
    lines[TITLE_LINES - 1] = `${last.slice(0, TITLE_PER_LINE - 1).join('')}…`;
  }
  return lines;
}

/** Changes exactly when the drawing would: the cache key of a drawn card. */
export function contentKey(content: CardContent): string {
  return JSON.stringify([content.tag, content.title, content.when, content.place, content.org, content.count]);
}

export function eventCard(event: EventDetail, now = Date.now()): CardContent {
  return {
    tag: event.kind === 'themeDay' ? '主题党日' : '联建活动',
    title: event.title,
    when: formatEventMoment(event.startsAt, now),
    place: event.place.name,
    org: event.ownerName,
    count: countsText({ ...event.counts, waitlisted: 0 }),
  };
}

export function inviteCard(invite: InvitePreview): CardContent {
  return {
    tag: '邀请加入',
    title: `加入${invite.branch.name}`,
    when: `邀请码 ${invite.code} · ${formatDate(invite.expiresAt)}前有效`,
    place: '打开小程序，输入姓名即可申请',
    org: invite.branch.committeeName,
    count: '',
  };
}

/** One line of the card: the first line of `text`, cut with … where it would not fit. */
export function cardLine(text: string, max = LINE_CHARS): string {
  const chars = [...(text.split('\n').find((line) => line.trim() !== '') ?? '').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** A notice: its title, when it was published (date and weekday), by whom, to whom it went. */
export function noticeCard(notice: NoticeDetail, now = Date.now()): CardContent {
  return {
    tag: '通知公告',
    title: notice.title,
    when: notice.publishedAt ? formatEventMoment(notice.publishedAt, now) : '',
    place: cardLine(`${notice.authorName} 发布${notice.edited ? '（已更新）' : ''}`),
    org: cardLine(audienceText(notice)),
    count: '',
  };
}

/** A post: its event's title, when it was published, who posted how many photos, their branch. */
export function postCard(post: PostView, now = Date.now()): CardContent {
  const photos = post.photos.length > 0 ? ` ${post.photos.length} 张照片` : '';
  return {
    tag: '活动风采',
    title: post.eventTitle,
    when: formatEventMoment(post.publishedAt ?? post.createdAt, now),
    place: cardLine(post.caption ? `${post.authorName}：${post.caption}` : `${post.authorName}${photos}`),
    org: cardLine(post.authorBranchName),
    count: '',
  };
}

export const CARD_KINDS = { event: eventCard, invite: inviteCard, notice: noticeCard, post: postCard } as const;
export type CardKind = keyof typeof CARD_KINDS;
