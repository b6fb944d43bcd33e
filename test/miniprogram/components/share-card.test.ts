/**
 * The share card: what it says for an event and an invite, its title cut to two lines, a content
 * key that changes exactly when the drawing would, and the session cache a share waits on.
 */
import { CARD_KINDS, contentKey, titleLines } from '../../../miniprogram/components/share-card/card-content';
import { imageFor, keepDrawn, shareMessage, STATIC_CARD } from '../../../miniprogram/components/share-card/share-image';
import { eventDetail, freezeDate } from '../helpers/event-fixtures';
import { invitePreview } from '../helpers/fixtures';

beforeEach(() => freezeDate());

describe('share card content', () => {
  it('shows an event with date and weekday, place, owner and the live count', () => {
    const card = CARD_KINDS.event(eventDetail({}));
    expect(card).toMatchObject({ when: expect.stringMatching(/^\d+月\d+日 周[一二三四五六日] \d{2}:\d{2}$/) });
    expect(card.count).toMatch(/^已报名 \d+ 人 \/ 限 \d+ 人$/);
    expect(card.place).not.toBe('');
    expect(card.org).not.toBe('');
  });

  it('shows an invite with its code and no count', () => {
    const card = CARD_KINDS.invite(invitePreview);
    expect(card.title).toContain(invitePreview.branch.name);
    expect(card.when).toContain(invitePreview.code);
    expect(card.count).toBe('');
  });

  it('cuts a long title to two lines of 13, the second ending in …', () => {
    const lines = titleLines('学'.repeat(40));
    expect(lines).toHaveLength(2);
    expect([...lines[0]!]).toHaveLength(13);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(titleLines('短标题')).toEqual(['短标题']);
  });

  it('keys the drawing by what it shows: a new count is a new drawing, the same content is not', () => {
    const event = eventDetail({});
    const key = contentKey(CARD_KINDS.event(event));
    expect(contentKey(CARD_KINDS.event(eventDetail({})))).toBe(key);
    const more = eventDetail({ counts: { ...event.counts, registered: event.counts.registered + 1 } });
    expect(contentKey(CARD_KINDS.event(more))).not.toBe(key);
  });
});

describe('share image cache', () => {
  it('shares a drawn image directly, and waits for one being drawn', async () => {
    keepDrawn('k-ready', '/tmp/ready.png');
    expect(shareMessage('t', '/p', 'k-ready')).toEqual({ title: 't', path: '/p', imageUrl: '/tmp/ready.png' });
    const waiting = imageFor('k-later', 1000);
    keepDrawn('k-later', '/tmp/later.png');
    await expect(waiting).resolves.toBe('/tmp/later.png');
  });

  it('falls back to the static card when the drawing is late', async () => {
    jest.useFakeTimers({ now: Date.now() });
    const late = imageFor('k-never', 2500);
    jest.advanceTimersByTime(2500);
    await expect(late).resolves.toBe(STATIC_CARD);
    jest.useRealTimers();
  });
});
