import {
  awardSlots,
  capPeriodKey,
  DEFAULT_POINT_RULES,
  POINT_RULE_IDS,
  resolveRules,
  sumPoints,
} from '../../../src/domain/points-rules';
import { studyYearFigures } from '../../../src/domain/year-figures';

describe('points rules as data', () => {
  it('ships a default for every rule, as the issue lists them', () => {
    expect(Object.keys(DEFAULT_POINT_RULES).sort()).toEqual([...POINT_RULE_IDS].sort());
    expect(DEFAULT_POINT_RULES['study.checkIn']).toEqual({ points: 1, cap: { per: 'day', count: 1 } });
    expect(DEFAULT_POINT_RULES['study.makeUp'].points).toBe(DEFAULT_POINT_RULES['study.checkIn'].points / 2);
    expect(DEFAULT_POINT_RULES['event.attended'].points).toBe(3);
    expect(DEFAULT_POINT_RULES['event.onTime'].points).toBe(1);
  });

  it('lays a committee’s changes over the defaults and ignores unknown rules', () => {
    const rules = resolveRules({ 'study.checkIn': { points: 2, cap: null }, 'made.up': { points: 9, cap: null } });
    expect(rules['study.checkIn']).toEqual({ points: 2, cap: null });
    expect(rules['event.attended']).toEqual(DEFAULT_POINT_RULES['event.attended']);
    expect(Object.keys(rules)).not.toContain('made.up');
  });
});

describe('cap slots', () => {
  it('keys periods in Shanghai civil dates', () => {
    expect(capPeriodKey('day', '2026-12-31')).toBe('2026-12-31');
    expect(capPeriodKey('week', '2027-01-01')).toBe('2026-W53');
    expect(capPeriodKey('month', '2028-02-29')).toBe('2028-02');
    expect(capPeriodKey('year', '2028-02-29')).toBe('2028');
  });

  it('gives an uncapped award its source key and a capped one exactly `count` slots', () => {
    expect(awardSlots('event.attended', null, 'o1', '2026-12-01', 'att_e_o1_0')).toEqual(['att_e_o1_0']);
    const slots = awardSlots('post.published', { per: 'week', count: 3 }, 'o1', '2026-12-01', 'p1');
    expect(slots).toEqual([0, 1, 2].map((n) => `cap_post.published_o1_2026-W49_${n}`));
  });

  it('sums halves exactly', () => {
    expect(sumPoints(Array.from({ length: 3650 }, (_, i) => (i % 2 ? 0.5 : 1)))).toBe(2737.5);
  });
});

describe('studyYearFigures', () => {
  it('counts participation, 第一议题 coverage and points of current members only', () => {
    const figures = studyYearFigures({
      members: ['a', 'b', 'c', 'd'],
      checkIns: [
        { memberId: 'a', planItemId: 't1' },
        { memberId: 'a', planItemId: null },
        { memberId: 'b', planItemId: 't2' },
        { memberId: 'gone', planItemId: 't1' },
      ],
      firstTopics: [
        { itemId: 't1', attendedBy: ['c'] },
        { itemId: 't2', attendedBy: [] },
      ],
      pointsTotal: 25,
    });
    expect(figures).toEqual({
      activeMembers: 4,
      studyParticipants: 2,
      studyParticipation: 0.5,
      firstTopicMonths: 2,
      firstTopicCoverage: 3 / 8,
      pointsTotal: 25,
      pointsAverage: 6.3,
    });
  });
});
