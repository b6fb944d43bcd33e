import { canSeeOrg, managesOrg, pairingRights, type Caller } from '../../../src/domain/org-access';
import { memberKey, statusAfterAnswers } from '../../../src/domain/pairing';

const caller = (member: Caller['member'], adminOf: string[] = []): Caller => ({ openid: 'o', member, adminOf });
const branchA = { _id: 'A', kind: 'branch' as const, parentId: 'county' };
const branchB = { _id: 'B', kind: 'branch' as const, parentId: 'town' };
const sides = [
  { orgId: 'A', committeeId: 'county' },
  { orgId: 'B', committeeId: 'town' },
];

describe('organisations', () => {
  it('are seen by their members and the office above, managed by the secretary and the office', () => {
    const member = caller({ branchId: 'A', role: 'member', name: '王' });
    const secretary = caller({ branchId: 'A', role: 'secretary', name: '李' });
    const office = caller({ branchId: 'X', role: 'member', name: '周' }, ['county']);
    expect([canSeeOrg(member, branchA), managesOrg(member, branchA)]).toEqual([true, false]);
    expect([canSeeOrg(secretary, branchA), managesOrg(secretary, branchA)]).toEqual([true, true]);
    expect([canSeeOrg(office, branchA), managesOrg(office, branchA)]).toEqual([true, true]);
    expect([canSeeOrg(office, branchB), canSeeOrg(secretary, branchB)]).toEqual([false, false]);
  });
});

describe('pairing rights', () => {
  it('give members sight, committee members writing, secretaries and offices the lead', () => {
    expect(pairingRights(caller({ branchId: 'A', role: 'member', name: '' }), sides)).toEqual({
      visible: true,
      leads: [],
      writes: [],
    });
    expect(pairingRights(caller({ branchId: 'A', role: 'committeeMember', name: '' }), sides)).toEqual({
      visible: true,
      leads: [],
      writes: ['A'],
    });
    expect(pairingRights(caller({ branchId: 'B', role: 'secretary', name: '' }), sides)).toEqual({
      visible: true,
      leads: ['B'],
      writes: ['B'],
    });
    expect(pairingRights(caller(null, ['town']), sides)).toEqual({ visible: true, leads: ['B'], writes: ['B'] });
  });

  it('show nothing to anyone else', () => {
    expect(pairingRights(caller({ branchId: 'C', role: 'secretary', name: '' }, ['city']), sides)).toEqual({
      visible: false,
      leads: [],
      writes: [],
    });
  });
});

describe('consent', () => {
  it('activates only when every side accepted and fails on any refusal', () => {
    expect(statusAfterAnswers([{ status: 'proposer' }, { status: 'pending' }])).toBe('proposed');
    expect(statusAfterAnswers([{ status: 'proposer' }, { status: 'accepted' }])).toBe('active');
    expect(statusAfterAnswers([{ status: 'proposer' }, { status: 'accepted' }, { status: 'pending' }])).toBe(
      'proposed',
    );
    expect(statusAfterAnswers([{ status: 'proposer' }, { status: 'refused' }, { status: 'pending' }])).toBe('refused');
  });

  it('identifies the same set of organisations in any order', () => {
    expect(memberKey(['b', 'a', 'c'])).toBe(memberKey(['c', 'b', 'a']));
    expect(memberKey(['a', 'b'])).not.toBe(memberKey(['a', 'b', 'c']));
  });
});
