import { effectiveStatus, missingForPublish, signUpOpen } from '../../../src/domain/event-lifecycle';

const at = (iso: string) => new Date(iso);

describe('event lifecycle', () => {
  it('is finished once a published event has ended, never a draft or a cancelled one', () => {
    const end = at('2026-03-15T08:30:00Z');
    expect(effectiveStatus('published', end, at('2026-03-15T08:29:59Z'))).toBe('published');
    expect(effectiveStatus('published', end, end)).toBe('finished');
    expect(effectiveStatus('cancelled', end, at('2027-01-01T00:00:00Z'))).toBe('cancelled');
    expect(effectiveStatus('draft', end, at('2027-01-01T00:00:00Z'))).toBe('draft');
  });

  it('takes sign-ups while published, up to and including the deadline', () => {
    const signUpDeadline = at('2026-03-14T16:00:00Z');
    expect(signUpOpen({ status: 'published', signUpDeadline }, signUpDeadline)).toBe(true);
    expect(signUpOpen({ status: 'published', signUpDeadline }, at('2026-03-14T16:00:00.001Z'))).toBe(false);
    expect(signUpOpen({ status: 'draft', signUpDeadline }, at('2026-03-01T00:00:00Z'))).toBe(false);
  });

  it('lists what a draft lacks before publication', () => {
    expect(missingForPublish({ theme: ' ', place: { name: '' } })).toEqual(['theme', 'place.name']);
    expect(missingForPublish({ theme: '学习党章', place: { name: '会议室' } })).toEqual([]);
  });
});
