import {
  audienceOutsideOwner,
  branchAccess,
  canSee,
  keepsGenerating,
  ownerBranches,
  ownerKey,
  pairingAccess,
  themeDayEventId,
  type Actor,
  type PairingFacts,
} from '../../../src/domain/event-access';

const owner = { kind: 'branch' as const, id: 'b1' };
const actor = (branchId: string, role: Actor['role']): Actor => ({ openid: `o-${branchId}-${role}`, branchId, role });
const manages = (access: ReturnType<typeof branchAccess>) => [access.manages.organiser, access.manages.secretary];

/** A village (under the town) paired with a bureau branch (under the county). */
const pairing = (status: PairingFacts['status']): PairingFacts => ({
  status,
  sides: [
    { orgId: 'b1', committeeId: 'county' },
    { orgId: 'v1', committeeId: 'town' },
  ],
});

describe('event access', () => {
  it('derives stable ids from the owner and month', () => {
    expect(ownerKey(owner)).toBe('branch_b1');
    expect(themeDayEventId(owner, '2026-10')).toBe('td_branch_b1_2026-10');
    expect(themeDayEventId({ kind: 'pairing', id: 'p1' }, '2026-10')).toBe('td_pairing_p1_2026-10');
  });

  it('lets the owner branch leaders manage: committee members day to day, the secretary for decisions', () => {
    expect(manages(branchAccess('b1', actor('b1', 'secretary')))).toEqual([true, true]);
    expect(manages(branchAccess('b1', actor('b1', 'committeeMember')))).toEqual([true, false]);
    expect(manages(branchAccess('b1', actor('b1', 'member')))).toEqual([false, false]);
    expect(manages(branchAccess('b1', actor('b2', 'secretary')))).toEqual([false, false]);
    expect(branchAccess('b1', actor('b2', 'member'))).toMatchObject({ known: true, reads: false, open: true });
  });

  it('lets every side of a pairing read it and its sides’ leaders manage it, hiding it from outsiders', () => {
    const active = pairing('active');
    const of = (who: Actor, adminOf: string[] = []) => pairingAccess('p1', active, who, adminOf);
    expect(of(actor('v1', 'member'))).toMatchObject({
      owner: { kind: 'pairing', id: 'p1' },
      branches: ['b1', 'v1'],
      known: true,
      reads: true,
      manages: { organiser: false, secretary: false },
      open: true,
    });
    expect(of(actor('v1', 'secretary')).manages).toEqual({ organiser: true, secretary: true });
    expect(of(actor('b1', 'committeeMember')).manages).toEqual({ organiser: true, secretary: false });
    // The office of a side's committee leads it, though its own membership is elsewhere.
    expect(of(actor('x9', 'member'), ['town']).manages).toEqual({ organiser: true, secretary: true });
    expect(of(actor('x9', 'secretary'))).toMatchObject({ known: false, reads: false, manages: { organiser: false } });
    expect(pairingAccess('p1', null, actor('b1', 'secretary'), [])).toMatchObject({ known: false, branches: [] });
  });

  it('takes new events and keeps generating for an active pairing only', () => {
    for (const status of ['proposed', 'ended', 'refused'] as const) {
      expect(pairingAccess('p1', pairing(status), actor('b1', 'secretary'), []).open).toBe(false);
      expect(keepsGenerating({ kind: 'pairing', id: 'p1' }, pairing(status))).toBe(false);
    }
    expect(keepsGenerating({ kind: 'pairing', id: 'p1' }, pairing('active'))).toBe(true);
    expect(keepsGenerating({ kind: 'pairing', id: 'p1' }, null)).toBe(false);
    expect(keepsGenerating(owner, null)).toBe(true);
    expect(ownerBranches({ kind: 'pairing', id: 'p1' }, pairing('active'))).toEqual(['b1', 'v1']);
    expect(ownerBranches(owner, null)).toEqual(['b1']);
  });

  it('shows drafts to managers only and published events to the audience only', () => {
    const draft = { audience: ['b1'], status: 'draft' };
    const published = { ...draft, status: 'published' };
    const see = (event: typeof draft, who: Actor) => canSee(event, who, branchAccess('b1', who));
    expect(see(draft, actor('b1', 'member'))).toBe(false);
    expect(see(draft, actor('b1', 'committeeMember'))).toBe(true);
    expect(see(published, actor('b1', 'member'))).toBe(true);
    expect(see(published, actor('b2', 'secretary'))).toBe(false);
    // A pairing event for one side only: the other side's members do not see it, its leaders do.
    const oneSide = { audience: ['b1'], status: 'published' };
    const village = (role: Actor['role']) =>
      canSee(oneSide, actor('v1', role), pairingAccess('p1', pairing('active'), actor('v1', role), []));
    expect([village('member'), village('secretary')]).toEqual([false, true]);
  });

  it('names audience branches outside the owner', () => {
    const access = branchAccess('b1', actor('b1', 'secretary'));
    expect(audienceOutsideOwner(access, ['b1'])).toEqual([]);
    expect(audienceOutsideOwner(access, ['b1', 'b2', 'b3'])).toEqual(['b2', 'b3']);
    const joint = pairingAccess('p1', pairing('active'), actor('b1', 'secretary'), []);
    expect(audienceOutsideOwner(joint, ['v1', 'b1', 'b2'])).toEqual(['b2']);
  });
});
