/**
 * Pairings through the function gateway and the real api bundle: consent across two committees
 * (one refused, then accepted), who may see and write what, the ledger's overdue flag by the
 * Shanghai date, year figures against stored facts, attachments, and bad inputs refused with
 * clear codes and nothing written.
 */
import { DEMO } from '../../src/demo/demo';
import { DEMO_PAIRING } from '../../src/demo/demo-pairings';
import type {
  LedgerItemDetail,
  LedgerItemSummary,
  Page,
  PairingDetail,
  PairingItemView,
  PairingSummary,
  PairingYearFigures,
  BranchYearFigures,
  UploadTarget,
} from '../../src/contract';
import type { AgreementDoc, EventDoc, LedgerItemDoc, PairingDoc } from '../../src/db/documents';
import { addDays, shanghaiDateOf } from '../../src/domain/shanghai-time';
import { withoutId } from '../../src/server/docs';
import { captureIndexWarnings, codeOf, countOf, dataOf, docOf } from './org-support';
import { startApiCloud, type ApiCloud } from './support';

const LI = DEMO.secretaryOpenid; // finance secretary
const WANG = DEMO.memberOpenid; // finance member
const CHEN = 'demo-member-2'; // finance committee member
const ZHAO = 'demo-member-3'; // agriculture member, appointed secretary below
const ZHANG = 'demo-secretary-hongqi'; // hongqi secretary (township committee)
const OFFICE = DEMO_PAIRING.officeOpenid; // county committee office
const SEEDED = DEMO_PAIRING.pairingId;
const { finance, agriculture, hongqi } = DEMO.branches;

let cloud: ApiCloud;
let indexWarnings: ReturnType<typeof captureIndexWarnings>;
beforeAll(async () => {
  cloud = await startApiCloud();
  indexWarnings = captureIndexWarnings();
}, 60_000);
afterAll(async () => {
  // The tests' own whole-collection counts ("query":"{}") are not api query paths.
  const warnings = indexWarnings.stop().filter((line) => !line.includes('"query":"{}"'));
  await cloud.stop();
  expect(warnings).toEqual([]);
});
beforeEach(() => cloud.reset());

const today = () => shanghaiDateOf(new Date());
const thisYear = () => Number(today().slice(0, 4));

async function appointAgricultureSecretary(): Promise<void> {
  dataOf(await cloud.api('member.setRole', { memberId: ZHAO, role: 'secretary' }, OFFICE));
}

const proposal = {
  partnerIds: [hongqi],
  name: '农业农村局—红旗村结对',
  kind: 'pairing' as const,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
};

describe('consent across two committees', () => {
  it('is refused by the partner, then proposed again and accepted', async () => {
    await appointAgricultureSecretary();
    const first = dataOf<PairingDetail>(await cloud.api('pairing.propose', proposal, ZHAO));
    expect(first).toMatchObject({
      status: 'proposed',
      sides: [
        { orgId: agriculture, status: 'proposer', committeeName: '示范县直属机关工委', leadName: '赵丽' },
        { orgId: hongqi, status: 'pending', committeeName: '红旗镇党委', leadName: null },
      ],
      canRespondFor: [],
    });
    // The partner's secretary may answer; the proposer has nothing left to answer.
    const seen = dataOf<PairingDetail>(await cloud.api('pairing.get', { pairingId: first.id }, ZHANG));
    expect(seen.canRespondFor).toEqual([hongqi]);
    expect(codeOf(await cloud.api('pairing.respond', { pairingId: first.id, accept: true }, ZHAO))).toBe(
      'ALREADY_DECIDED',
    );

    const refused = dataOf<PairingDetail>(
      await cloud.api('pairing.respond', { pairingId: first.id, accept: false, reason: '今年已有结对单位' }, ZHANG),
    );
    expect(refused).toMatchObject({
      status: 'refused',
      sides: [{ status: 'proposer' }, { status: 'refused', refuseReason: '今年已有结对单位', leadName: '张建国' }],
    });
    expect(codeOf(await cloud.api('pairing.respond', { pairingId: first.id, accept: true }, ZHANG))).toBe(
      'ALREADY_DECIDED',
    );
    // Nothing can be kept in a refused pairing.
    expect(
      codeOf(
        await cloud.api(
          'ledger.create',
          { pairingId: first.id, title: '测试', ownerOrgId: hongqi, ownerName: '张建国', deadline: '2026-05-01' },
          ZHAO,
        ),
      ),
    ).toBe('PAIRING_CLOSED');

    // A refusal does not block a later proposal; this time the partner accepts.
    const second = dataOf<PairingDetail>(await cloud.api('pairing.propose', proposal, ZHAO));
    expect(second.id).not.toBe(first.id);
    const accepted = dataOf<PairingDetail>(
      await cloud.api('pairing.respond', { pairingId: second.id, accept: true }, ZHANG),
    );
    expect(accepted).toMatchObject({ status: 'active', sides: [{ status: 'proposer' }, { status: 'accepted' }] });

    const stored = await docOf<PairingDoc>(cloud, 'pairings', second.id);
    expect(stored).toMatchObject({ status: 'active', activatedAt: expect.any(Date) });
    // The per-side index entries follow the pairing's status.
    for (const [pairing, status] of [
      [second.id, 'active'],
      [first.id, 'refused'],
    ] as const) {
      for (const orgId of [agriculture, hongqi]) {
        expect(await docOf(cloud, 'pairingMemberships', `${pairing}_${orgId}`)).toMatchObject({ status });
      }
    }

    // Both sides list it; the county office sees it once among its committee's pairings.
    for (const who of [ZHAO, ZHANG]) {
      const list = dataOf<Page<PairingSummary>>(await cloud.api('pairing.list', { status: 'active' }, who));
      expect(list.items.map((p) => p.id)).toContain(second.id);
    }
    const office = dataOf<Page<PairingSummary>>(
      await cloud.api('pairing.list', { scope: 'committee', status: 'active' }, OFFICE),
    );
    expect(office.items.map((p) => p.id).sort()).toEqual([second.id, SEEDED].sort());
  });

  it('refuses a duplicate while one is proposed or active', async () => {
    const before = await countOf(cloud, 'pairings');
    const duplicate = await cloud.api(
      'pairing.propose',
      { ...proposal, partnerIds: [finance], name: '重复结对' },
      ZHANG,
    );
    expect(codeOf(duplicate)).toBe('PAIRING_DUPLICATE');
    // The bureau's pending proposal to agriculture blocks a second one the other way round.
    const reverse = await cloud.api('pairing.propose', { ...proposal, partnerIds: [finance], name: '反向' }, OFFICE);
    expect(codeOf(reverse)).toBe('PAIRING_DUPLICATE');
    expect(await countOf(cloud, 'pairings')).toBe(before);
  });

  it('lets only the side’s secretary or its committee office answer', async () => {
    const proposed = dataOf<PairingDetail>(
      await cloud.api('pairing.propose', { ...proposal, partnerIds: [agriculture], name: '村局结对' }, ZHANG),
    );
    // A plain member of another side, and a member of the invited branch, may not answer.
    expect(codeOf(await cloud.api('pairing.respond', { pairingId: proposed.id, accept: true }, WANG))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await cloud.api('pairing.respond', { pairingId: proposed.id, accept: true }, ZHAO))).toBe(
      'FORBIDDEN',
    );
    // The county office answers for agriculture, which has no secretary yet.
    const accepted = dataOf<PairingDetail>(
      await cloud.api('pairing.respond', { pairingId: proposed.id, accept: true }, OFFICE),
    );
    expect(accepted.status).toBe('active');
    expect(accepted.sides[1]).toMatchObject({ orgId: agriculture, leadName: '周敏' });
  });
});

describe('visibility and write access', () => {
  const seededItem = DEMO_PAIRING.ledger.overdue;

  it('hides a pairing and its contents from an organisation outside it', async () => {
    for (const [action, data] of [
      ['pairing.get', { pairingId: SEEDED }],
      ['ledger.get', { itemId: seededItem }],
      ['ledger.list', { pairingId: SEEDED }],
      ['pairingItem.list', { pairingId: SEEDED, kind: 'need' }],
      ['liaison.list', { pairingId: SEEDED }],
      ['figures.pairing', { pairingId: SEEDED, year: thisYear() }],
      ['ledger.progress', { itemId: seededItem, note: '越权' }],
    ] as const) {
      expect([action, codeOf(await cloud.api(action, data as never, ZHAO))]).toEqual([action, 'NOT_FOUND']);
    }
  });

  it('lets a member read a partner’s ledger items but not write them', async () => {
    const before = await docOf<LedgerItemDoc>(cloud, 'ledgerItems', seededItem);
    const read = dataOf<LedgerItemDetail>(await cloud.api('ledger.get', { itemId: seededItem }, WANG));
    expect(read).toMatchObject({ raisedBy: { orgId: hongqi }, canWrite: false });
    for (const [action, data] of [
      ['ledger.progress', { itemId: seededItem, note: '我来更新' }],
      ['ledger.progress', { itemId: seededItem, status: 'resolved' }],
      ['ledger.update', { itemId: seededItem, measures: '改措施' }],
    ] as const) {
      expect(codeOf(await cloud.api(action, data as never, WANG))).toBe('FORBIDDEN');
    }
    expect(
      codeOf(
        await cloud.api(
          'ledger.create',
          { pairingId: SEEDED, title: '普通党员提出', ownerOrgId: hongqi, ownerName: '张建国', deadline: '2026-05-01' },
          WANG,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await docOf<LedgerItemDoc>(cloud, 'ledgerItems', seededItem)).toEqual(before);

    // A committee member of a side may keep it moving.
    const moved = dataOf<LedgerItemDetail>(
      await cloud.api('ledger.progress', { itemId: seededItem, note: '已联系镇交通办' }, CHEN),
    );
    expect(moved.progress.map((p) => p.note)).toEqual(['已现场查看并拍照', '已联系镇交通办']);
  });

  it('keeps the member list of a branch to itself and its committee office', async () => {
    expect(codeOf(await cloud.api('member.list', { branchId: hongqi }, LI))).toBe('NOT_FOUND');
    expect(codeOf(await cloud.api('org.get', { orgId: hongqi }, LI))).toBe('NOT_FOUND');
    expect(codeOf(await cloud.api('member.list', { branchId: finance }, OFFICE))).toBe('ok');
    expect(codeOf(await cloud.api('member.list', { branchId: hongqi }, OFFICE))).toBe('NOT_FOUND');
  });
});

describe('the ledger', () => {
  it('flags an item overdue from the day after its deadline in Asia/Shanghai', async () => {
    const create = (title: string, deadline: string) =>
      cloud.api(
        'ledger.create',
        { pairingId: SEEDED, title, ownerOrgId: finance, ownerName: '李明', deadline, measures: '协调' },
        ZHANG,
      );
    const due = dataOf<LedgerItemDetail>(await create('今天到期', today()));
    const late = dataOf<LedgerItemDetail>(await create('昨天到期', addDays(today(), -1)));
    expect([due.overdue, late.overdue]).toEqual([false, true]);
    expect(late).toMatchObject({ status: 'open', raisedBy: { orgId: hongqi }, owner: { orgId: finance } });

    const overdue = dataOf<Page<LedgerItemSummary>>(
      await cloud.api('ledger.list', { pairingId: SEEDED, overdue: true }, WANG),
    );
    expect(overdue.items.map((i) => i.title)).toEqual(['二组村道破损，雨天出行难', '昨天到期']);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);

    // Resolving takes it off the overdue list.
    dataOf(await cloud.api('ledger.progress', { itemId: late.id, status: 'resolved', note: '已解决' }, LI));
    const after = dataOf<Page<LedgerItemSummary>>(
      await cloud.api('ledger.list', { pairingId: SEEDED, overdue: true }, WANG),
    );
    expect(after.items.map((i) => i.title)).toEqual(['二组村道破损，雨天出行难']);
    expect(await docOf<LedgerItemDoc>(cloud, 'ledgerItems', late.id)).toMatchObject({
      status: 'resolved',
      resolvedOn: today(),
    });
  });

  it('requires a reason to drop an item and keeps a closed item closed', async () => {
    const itemId = DEMO_PAIRING.ledger.inProgress;
    const noReason = await cloud.api('ledger.progress', { itemId, status: 'dropped' }, LI);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'note' }] } });
    const dropped = dataOf<LedgerItemDetail>(
      await cloud.api('ledger.progress', { itemId, status: 'dropped', note: '村里改种其他作物' }, LI),
    );
    expect(dropped).toMatchObject({ status: 'dropped', dropReason: '村里改种其他作物' });
    expect(codeOf(await cloud.api('ledger.progress', { itemId, status: 'open', note: '重新打开' }, LI))).toBe(
      'LEDGER_CLOSED',
    );
  });

  it('filters by status and responsible side, a page at a time', async () => {
    for (let i = 0; i < 4; i++) {
      dataOf(
        await cloud.api(
          'ledger.create',
          {
            pairingId: SEEDED,
            title: `事项${i}`,
            ownerOrgId: hongqi,
            ownerName: '张建国',
            deadline: `2030-01-0${i + 1}`,
          },
          LI,
        ),
      );
    }
    const first = dataOf<Page<LedgerItemSummary>>(
      await cloud.api('ledger.list', { pairingId: SEEDED, orgId: hongqi, status: 'open', limit: 3 }, WANG),
    );
    expect(first).toMatchObject({ nextOffset: 3 });
    const second = dataOf<Page<LedgerItemSummary>>(
      await cloud.api('ledger.list', { pairingId: SEEDED, orgId: hongqi, status: 'open', limit: 3, offset: 3 }, WANG),
    );
    expect([...first.items, ...second.items].map((i) => i.title)).toEqual(['事项0', '事项1', '事项2', '事项3']);
    expect(second.nextOffset).toBeNull();
    const resolved = dataOf<Page<LedgerItemSummary>>(
      await cloud.api('ledger.list', { pairingId: SEEDED, status: 'resolved' }, WANG),
    );
    expect(resolved.items.map((i) => i.id)).toEqual([DEMO_PAIRING.ledger.resolved]);
  });
});

describe('resources and needs', () => {
  it('lets a partner take a need on with one of its resources, then mark it met', async () => {
    const need = dataOf<PairingItemView>(
      await cloud.api('pairingItem.add', { pairingId: SEEDED, kind: 'need', title: '村小图书角缺书' }, ZHANG),
    );
    expect(need).toMatchObject({ orgId: hongqi, status: 'open' });
    // The village cannot take on its own need; a plain member of the partner cannot take it on.
    expect(codeOf(await cloud.api('pairingItem.match', { needId: need.id, orgId: hongqi }, ZHANG))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(await cloud.api('pairingItem.match', { needId: need.id }, WANG))).toBe('FORBIDDEN');
    const matched = dataOf<PairingItemView>(
      await cloud.api('pairingItem.match', { needId: need.id, resourceId: DEMO_PAIRING.resources.computers }, LI),
    );
    expect(matched).toMatchObject({
      status: 'matched',
      matchedBy: { orgId: finance },
      matchedResourceId: DEMO_PAIRING.resources.computers,
    });
    expect(codeOf(await cloud.api('pairingItem.match', { needId: need.id }, LI))).toBe('NEED_ALREADY_MATCHED');
    // The side that took it on can only report it done; the side that asked confirms.
    const reported = dataOf<PairingItemView>(await cloud.api('pairingItem.meet', { needId: need.id }, LI));
    expect(reported).toMatchObject({ status: 'matched', metReportedAt: expect.any(String), metAt: null });
    expect(codeOf(await cloud.api('pairingItem.meet', { needId: need.id }, LI))).toBe('ALREADY_DECIDED');
    const met = dataOf<PairingItemView>(await cloud.api('pairingItem.meet', { needId: need.id }, ZHANG));
    expect(met).toMatchObject({ status: 'met', metAt: expect.any(String) });
    const needs = dataOf<Page<PairingItemView>>(
      await cloud.api('pairingItem.list', { pairingId: SEEDED, kind: 'need' }, WANG),
    );
    expect(needs.items.map((n) => n.title)).toContain('村小图书角缺书');
  });

  it('places a liaison from one side into the other, with a term', async () => {
    const placed = await cloud.api(
      'liaison.assign',
      {
        pairingId: SEEDED,
        memberId: WANG,
        toOrgId: hongqi,
        role: 'partTimeSecretary',
        termStart: '2026-03-01',
        termEnd: '2027-02-28',
      },
      LI,
    );
    expect(dataOf(placed)).toMatchObject({
      memberName: '王芳',
      fromOrg: { id: finance },
      toOrg: { id: hongqi, name: '红旗村党支部' },
    });
    // The village secretary cannot place the bureau's members.
    expect(
      codeOf(
        await cloud.api(
          'liaison.assign',
          {
            pairingId: SEEDED,
            memberId: CHEN,
            toOrgId: hongqi,
            role: 'partTimeSecretary',
            termStart: '2026-03-01',
            termEnd: '2027-02-28',
          },
          ZHANG,
        ),
      ),
    ).toBe('FORBIDDEN');
    const list = dataOf<Page<{ memberName: string }>>(await cloud.api('liaison.list', { pairingId: SEEDED }, ZHANG));
    expect(list.items.map((l) => l.memberName).sort()).toEqual(['王芳', '陈刚'].sort());
  });
});

describe('year figures', () => {
  /** Facts of 2024 written straight into the database, including both ends of the Shanghai year. */
  async function seed2024(pairingId: string): Promise<void> {
    const db = cloud.db();
    const event = (id: string, startsAt: string, status: EventDoc['status'], hours = 2) => ({
      _id: id,
      owner: { kind: 'pairing', id: pairingId },
      ownerKey: `pairing_${pairingId}`,
      kind: 'activity',
      title: id,
      status,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + hours * 3600_000),
    });
    for (const doc of [
      event('e-new-year', '2023-12-31T16:30:00Z', 'published'), // 2024-01-01 00:30 Shanghai: counts
      event('e-june', '2024-06-15T01:00:00Z', 'published'),
      event('e-cancelled', '2024-07-01T01:00:00Z', 'cancelled'),
      event('e-draft', '2024-08-01T01:00:00Z', 'draft'),
      event('e-eve', '2024-12-31T16:30:00Z', 'published'), // 2025-01-01 00:30 Shanghai: not 2024
    ]) {
      const { _id, ...rest } = doc;
      await db.collection('events').doc(_id).set(rest);
    }
    const item = (id: string, fields: Partial<LedgerItemDoc>): LedgerItemDoc => ({
      _id: id,
      pairingId,
      title: id,
      description: '',
      raisedByOrgId: hongqi,
      ownerOrgId: finance,
      ownerName: '李明',
      measures: '',
      deadline: '2024-06-30',
      status: 'open',
      dropReason: '',
      resolvedOn: null,
      progress: [],
      createdBy: ZHANG,
      createdAt: new Date('2024-03-01T02:00:00Z'),
      updatedAt: new Date('2024-03-01T02:00:00Z'),
      ...fields,
    });
    for (const doc of [
      item('l-on-time', { status: 'resolved', resolvedOn: '2024-06-01' }), // raised, resolved
      item('l-late', { status: 'resolved', resolvedOn: '2024-07-10' }), // raised, resolved, overdue
      item('l-open', {}), // raised, overdue
      item('l-dropped', { status: 'dropped', dropReason: '不再需要' }), // raised only
      item('l-by-finance', { raisedByOrgId: finance, ownerOrgId: hongqi, createdAt: new Date('2023-12-31T17:00:00Z') }),
      // ^ created 2024-01-01 01:00 Shanghai: raised in 2024 (by finance), overdue for hongqi
      item('l-2023', { createdAt: new Date('2023-12-31T15:00:00Z'), deadline: '2023-12-31' }), // 2023 only
    ]) {
      await db.collection('ledgerItems').doc(doc._id).set(withoutId(doc));
    }
    const need = (id: string, metAt: string | null, matchedByOrgId: string) => ({
      pairingId,
      kind: 'need',
      orgId: hongqi,
      title: id,
      detail: '',
      status: metAt ? 'met' : 'matched',
      matchedByOrgId,
      matchedResourceId: null,
      matchedAt: new Date('2024-02-01T00:00:00Z'),
      metAt: metAt ? new Date(metAt) : null,
      createdBy: ZHANG,
      createdAt: new Date('2024-01-15T00:00:00Z'),
    });
    await db
      .collection('pairingItems')
      .doc('n-met')
      .set(need('n-met', '2024-05-01T00:00:00Z', finance));
    await db
      .collection('pairingItems')
      .doc('n-met-eve')
      .set(need('n-met-eve', '2024-12-31T17:00:00Z', finance)); // 2025 Shanghai
    await db
      .collection('pairingItems')
      .doc('n-matched')
      .set(need('n-matched', null, finance));
  }

  it('counts the pairing’s year from stored events, ledger items and needs', async () => {
    await seed2024(SEEDED);
    await cloud
      .db()
      .collection('pairings')
      .doc(SEEDED)
      .update({ activatedAt: new Date('2023-11-01T00:00:00Z') });
    const figures = dataOf<PairingYearFigures>(
      await cloud.api('figures.pairing', { pairingId: SEEDED, year: 2024 }, WANG),
    );
    expect(figures).toEqual({
      pairingId: SEEDED,
      year: 2024,
      jointActivities: 2,
      problemsRaised: 5,
      problemsResolved: 2,
      problemsOverdue: 3,
      needsMet: 1,
      // Study figures (issue 9): nobody studied in 2024 in the seed.
      study: expect.objectContaining({ studyParticipants: 0, firstTopicMonths: 0, pointsTotal: 0 }),
    });
    const next = dataOf<PairingYearFigures>(
      await cloud.api('figures.pairing', { pairingId: SEEDED, year: 2025 }, WANG),
    );
    expect(next).toMatchObject({ jointActivities: 1, needsMet: 1, problemsRaised: 0 });

    // From the bureau's side: problems it raised, problems it owned, needs it met for partners.
    const branch = dataOf<BranchYearFigures>(await cloud.api('figures.branch', { year: 2024 }, LI));
    expect(branch).toEqual({
      branchId: finance,
      year: 2024,
      pairings: 1,
      jointActivities: 2,
      problemsRaised: 1,
      problemsResolved: 2,
      problemsOverdue: 2,
      needsMet: 1,
      study: expect.objectContaining({ studyParticipants: 0, firstTopicMonths: 0, pointsTotal: 0 }),
    });
    const village = dataOf<BranchYearFigures>(await cloud.api('figures.branch', { year: 2024 }, ZHANG));
    expect(village).toMatchObject({ problemsRaised: 4, problemsResolved: 0, problemsOverdue: 1, needsMet: 0 });
  });

  it('follows what members do through the api this year', async () => {
    const year = thisYear();
    const before = dataOf<PairingYearFigures>(await cloud.api('figures.pairing', { pairingId: SEEDED, year }, LI));
    const raised = dataOf<LedgerItemDetail>(
      await cloud.api(
        'ledger.create',
        { pairingId: SEEDED, title: '新问题', ownerOrgId: finance, ownerName: '李明', deadline: addDays(today(), 10) },
        ZHANG,
      ),
    );
    dataOf(await cloud.api('ledger.progress', { itemId: raised.id, status: 'resolved', note: '当天解决' }, LI));
    dataOf(await cloud.api('pairingItem.match', { needId: DEMO_PAIRING.needs.open }, LI));
    dataOf(await cloud.api('pairingItem.meet', { needId: DEMO_PAIRING.needs.open }, LI));
    const reportedOnly = dataOf<PairingYearFigures>(
      await cloud.api('figures.pairing', { pairingId: SEEDED, year }, LI),
    );
    expect(reportedOnly.needsMet).toBe(before.needsMet);
    dataOf(await cloud.api('pairingItem.meet', { needId: DEMO_PAIRING.needs.open }, ZHANG));
    const after = dataOf<PairingYearFigures>(await cloud.api('figures.pairing', { pairingId: SEEDED, year }, LI));
    expect(after).toEqual({
      ...before,
      problemsRaised: before.problemsRaised + 1,
      problemsResolved: before.problemsResolved + 1,
      needsMet: before.needsMet + 1,
    });
  });
});

describe('the agreement', () => {
  const agreement = {
    pairingId: SEEDED,
    goals: '共建共享，每季度一件实事',
    contacts: [{ orgId: hongqi, name: '张建国', phone: '13800005678' }],
    termStart: '2026-01-01',
    termEnd: '2028-12-31',
    signedOn: '2026-01-05',
  };

  /** What the mini-program does: ask where to upload, then upload there. */
  async function uploadAs(openid: string, bytes: string): Promise<string> {
    const { cloudPath } = dataOf<UploadTarget>(
      await cloud.api('file.prepareUpload', { purpose: 'agreement', ext: '.pdf' }, openid),
    );
    const { fileID } = await cloud.sdk().uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
    return fileID;
  }

  it('keeps attachments the secretary uploaded for it and links them', async () => {
    const fileID = await uploadAs(ZHANG, '%PDF-1.4 demo');
    const saved = dataOf<PairingDetail>(
      await cloud.api('agreement.set', { ...agreement, attachments: [{ fileID, name: '联建协议.pdf' }] }, ZHANG),
    );
    expect(saved).toMatchObject({ termStart: '2026-01-01', termEnd: '2028-12-31' });
    expect(saved.agreement).toMatchObject({ goals: agreement.goals, signedOn: '2026-01-05' });
    const url = saved.agreement!.attachments[0]!.url;
    expect(url.startsWith('http://127.0.0.1')).toBe(true);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).toString()).toBe('%PDF-1.4 demo');
  });

  it('refuses any file the caller did not upload for it, alike whether it exists or not, writing nothing', async () => {
    const before = await docOf<AgreementDoc>(cloud, 'agreements', SEEDED);
    // Another branch's attendance export: a real file of this environment, not the caller's.
    const { fileID: export_ } = await cloud.sdk().uploadFile({
      cloudPath: 'exports/attendance/demo-visit.xlsx',
      fileContent: Buffer.from('PK secret'),
    });
    const someoneElses = await uploadAs(ZHANG, '%PDF-1.4 zhang');
    const answers = [];
    for (const fileID of [
      'cloud://another-env.6c6a-another-env-1300000000/agreements/x.pdf',
      'cloud://lianjian-local.6c69-lianjian-local-1300000000/agreements/missing.pdf',
      export_,
      export_.replace('demo-visit', 'no-such-file'),
      someoneElses,
      someoneElses.replace('/agreement/', '/agreement/../agreement/'),
    ]) {
      const result = await cloud.api(
        'agreement.set',
        { ...agreement, attachments: [{ fileID, name: '协议.pdf' }] },
        LI,
      );
      answers.push(result);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FILE_INVALID', details: [{ path: 'attachments.0.fileID' }] },
      });
    }
    // An existing path and a missing one are answered identically.
    expect(answers[2]).toEqual(answers[3]);
    expect(await docOf<AgreementDoc>(cloud, 'agreements', SEEDED)).toEqual(before);
  });

  it('keeps an attachment another side uploaded when the agreement is edited', async () => {
    const fileID = await uploadAs(ZHANG, '%PDF-1.4 first');
    await cloud.api('agreement.set', { ...agreement, attachments: [{ fileID, name: '协议.pdf' }] }, ZHANG);
    const edited = dataOf<PairingDetail>(
      await cloud.api(
        'agreement.set',
        { ...agreement, goals: '改过的目标', attachments: [{ fileID, name: '协议.pdf' }] },
        LI,
      ),
    );
    expect(edited.agreement?.attachments.map((a) => a.fileID)).toEqual([fileID]);
  });

  it('is written only by the sides’ secretaries', async () => {
    expect(codeOf(await cloud.api('agreement.set', agreement, CHEN))).toBe('FORBIDDEN');
  });
});

describe('bad inputs', () => {
  async function snapshot() {
    return Promise.all(['pairings', 'pairingMemberships', 'agreements', 'ledgerItems'].map((c) => countOf(cloud, c)));
  }

  it.each([
    [
      'an empty name',
      'pairing.propose',
      { ...proposal, partnerIds: [agriculture], name: '  ' },
      LI,
      'INVALID_INPUT',
      'name',
    ],
    ['a pairing with itself', 'pairing.propose', { ...proposal, partnerIds: [finance] }, LI, 'PAIRING_SELF', null],
    [
      'a partner listed twice',
      'pairing.propose',
      { ...proposal, kind: 'alliance', partnerIds: [agriculture, agriculture] },
      LI,
      'INVALID_INPUT',
      'partnerIds',
    ],
    ['an unknown partner', 'pairing.propose', { ...proposal, partnerIds: ['no-such-org'] }, LI, 'NOT_FOUND', null],
    [
      'an end before the start',
      'pairing.propose',
      { ...proposal, partnerIds: [agriculture], termEnd: '2025-01-01' },
      LI,
      'INVALID_INPUT',
      'termEnd',
    ],
    [
      '10 000-character goals',
      'agreement.set',
      { pairingId: SEEDED, goals: '目'.repeat(10_000), termStart: '2026-01-01', termEnd: '2027-01-01' },
      LI,
      'INVALID_INPUT',
      'goals',
    ],
    [
      'an unknown pairing',
      'agreement.set',
      { pairingId: 'no-such-pairing', goals: '目标', termStart: '2026-01-01', termEnd: '2027-01-01' },
      LI,
      'NOT_FOUND',
      null,
    ],
    ['an unknown ledger item', 'ledger.progress', { itemId: 'no-such-item', note: '进展' }, LI, 'NOT_FOUND', null],
    [
      'an owner outside the pairing',
      'ledger.create',
      { pairingId: SEEDED, title: '难题', ownerOrgId: agriculture, ownerName: '赵丽', deadline: '2026-05-01' },
      LI,
      'INVALID_INPUT',
      'ownerOrgId',
    ],
    [
      'an impossible deadline',
      'ledger.create',
      { pairingId: SEEDED, title: '难题', ownerOrgId: hongqi, ownerName: '张建国', deadline: '2026-02-30' },
      LI,
      'INVALID_INPUT',
      'deadline',
    ],
    [
      'an empty ledger title',
      'ledger.create',
      { pairingId: SEEDED, title: '', ownerOrgId: hongqi, ownerName: '张建国', deadline: '2026-05-01' },
      LI,
      'INVALID_INPUT',
      'title',
    ],
  ] as const)('refuses %s with a clear code and writes nothing', async (_case, action, data, who, code, path) => {
    const before = await snapshot();
    const result = await cloud.api(action, data as never, who);
    expect(codeOf(result)).toBe(code);
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    if (path !== null) expect(result.ok ? [] : result.error.details?.map((d) => d.path)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });
});
