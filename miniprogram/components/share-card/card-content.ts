/**
 * What a share card (分享卡片) says, for each kind of thing shared, and its layout on the 5:4
 * card: the canvas drawing and the on-page preview both read the same lines, so what a member
 * sees before sharing is what the chat shows. A new kind (a notice, a post) is one function from
 * its model to `CardContent` in CARD_KINDS.
 */
import type { EventDetail, InvitePreview } from '../../../src/contract';
import { formatDate, formatEventMoment } from '../../utils/date';
import { countsText } from '../../utils/event-view';

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

export const CARD_KINDS = { event: eventCard, invite: inviteCard } as const;
export type CardKind = keyof typeof CARD_KINDS;
