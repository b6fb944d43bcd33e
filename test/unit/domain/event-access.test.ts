import {
  audienceOutsideOwner,
  canSee,
  manages,
  ownerKey,
  themeDayEventId,
  type Actor,
} from '../../../src/domain/event-access';

const owner = { kind: 'branch' as const, id: 'b1' };
const actor = (branchId: string, role: Actor['role']): Actor => ({ openid: `o-${branchId}-${role}`, branchId, role });

describe('event access', () => {
  it('derives stable ids from the owner and month', () => {
    expect(ownerKey(owner)).toBe('branch_b1');
    expect(themeDayEventId(owner, '2026-10')).toBe('td_branch_b1_2026-10');
  });

  it('lets the owner branch leaders manage: committee members day to day, the secretary for decisions', () => {
    expect(manages(owner, actor('b1', 'secretary'), 'secretary')).toBe(true);
    expect(manages(owner, actor('b1', 'committeeMember'), 'organiser')).toBe(true);
    expect(manages(owner, actor('b1', 'committeeMember'), 'secretary')).toBe(false);
    expect(manages(owner, actor('b1', 'member'), 'organiser')).toBe(false);
    expect(manages(owner, actor('b2', 'secretary'), 'organiser')).toBe(false);
    // Pairings are not built yet: nobody manages them through this rule.
    expect(manages({ kind: 'pairing', id: 'b1' }, actor('b1', 'secretary'), 'organiser')).toBe(false);
  });

  it('shows drafts to managers only and published events to the audience only', () => {
    const draft = { owner, audience: ['b1'], status: 'draft' };
    const published = { ...draft, status: 'published' };
    expect(canSee(draft, actor('b1', 'member'))).toBe(false);
    expect(canSee(draft, actor('b1', 'committeeMember'))).toBe(true);
    expect(canSee(published, actor('b1', 'member'))).toBe(true);
    expect(canSee(published, actor('b2', 'secretary'))).toBe(false);
  });

  it('names audience branches outside the owner', () => {
    expect(audienceOutsideOwner(owner, ['b1'])).toEqual([]);
    expect(audienceOutsideOwner(owner, ['b1', 'b2', 'b3'])).toEqual(['b2', 'b3']);
  });
});
