/**
 * A year of organisation-life records for the demo committee, so the review, the cadence view, the
 * contact points and the committee dashboard show something on a fresh local cloud: for the eleven
 * months before this one, 县财政局机关党支部 held a theme day (with 请假 and an absence), a 支委会
 * (one month missed), a quarterly 党课 and a 走访慰问 with outcome figures; the pairing with 红旗村
 * held 联学 since it started. The office appointed two contact-point leaders: 李明 kept every
 * month, 赵丽 missed one and has not visited.
 */
import { OUTCOME_KEYS, type OrgLifeKind, type Outcomes } from '../contract';
import type {
  CadenceRulesDoc,
  CheckInDoc,
  ContactPointDoc,
  ContactPointLogDoc,
  EventAudienceDoc,
  EventDoc,
  LeaveDoc,
  OrgLifeRecordDoc,
  RegistrationDoc,
} from '../db/documents';
import { ownerKey } from '../domain/event-access';
import { DEFAULT_CADENCE, DEFAULT_CONTACT_DUTY } from '../domain/review';
import { addMonths, shanghaiDateOf } from '../domain/shanghai-time';
import type { Database } from '../server/cloud';
import { storeFile, uploadFolder } from '../server/files';

const MINUTE = 60_000;

/** A one-page PDF, so the demo minutes have a file that opens in WeChat's document viewer. */
const SIGN_IN_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
  ].join('\n'),
);
const DAY = 24 * 60 * MINUTE;

export const DEMO_REVIEW = {
  /** 李明 → 县农业农村局党支部: every month noted, two visits. */
  keptPointId: 'committee-demo_demo-secretary_branch-agriculture',
  /** 赵丽 → 县财政局机关党支部: one month missed, no visit. */
  missedPointId: 'committee-demo_demo-member-3_branch-finance',
  /** Months back (from this one) whose note 赵丽 missed. */
  missedMonthsBack: 3,
} as const;

export interface DemoReviewPeople {
  committeeId: string;
  financeId: string;
  agricultureId: string;
  pairingId: string;
  pairingStartedAt: Date;
  secretary: { openid: string; name: string };
  members: { openid: string; name: string }[];
  partnerSecretary: { openid: string; name: string; branchId: string };
  office: { openid: string; name: string };
  agricultureMember: { openid: string; name: string };
}

const zero = (): Outcomes => Object.fromEntries(OUTCOME_KEYS.map((k) => [k, 0])) as Outcomes;
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

export async function seedDemoReview(db: Database, p: DemoReviewPeople, now: Date): Promise<string[]> {
  const events: EventDoc[] = [];
  const audiences: EventAudienceDoc[] = [];
  const registrations: RegistrationDoc[] = [];
  const checkIns: CheckInDoc[] = [];
  const leaves: LeaveDoc[] = [];
  const records: OrgLifeRecordDoc[] = [];
  const thisMonth = shanghaiDateOf(now).slice(0, 7);

  interface Person {
    openid: string;
    name: string;
    branchId: string;
  }
  const branchPerson = (x: { openid: string; name: string }): Person => ({ ...x, branchId: p.financeId });
  const everyone = [branchPerson(p.secretary), ...p.members.map(branchPerson)];

  const add = (spec: {
    id: string;
    owner: { kind: 'branch' | 'pairing'; id: string };
    kind: 'themeDay' | 'activity';
    title: string;
    form: EventDoc['form'];
    startsAt: Date;
    audience: string[];
    people: Person[];
    absent?: string[];
    onLeave?: { openid: string; reason: string }[];
    record?: { kind: OrgLifeKind; topic: string; outcomes?: Partial<Outcomes>; decisions?: string };
  }) => {
    const key = ownerKey(spec.owner);
    const endsAt = new Date(spec.startsAt.getTime() + 120 * MINUTE);
    events.push({
      _id: spec.id,
      owner: spec.owner,
      ownerKey: key,
      kind: spec.kind,
      themeDayKey: null,
      title: spec.title,
      theme: spec.record?.topic ?? '',
      form: spec.form,
      startsAt: spec.startsAt,
      endsAt,
      place: { name: '县财政局三楼会议室', location: null, radiusM: 500, requireLocation: false },
      capacity: null,
      signUpDeadline: spec.startsAt,
      checkInOpensBeforeMinutes: 30,
      audience: spec.audience,
      organisers: [p.secretary],
      status: 'published',
      cancelReason: null,
      registered: spec.people.length,
      waitlisted: 0,
      lastSequence: spec.people.length,
      openPlaces: null,
      createdBy: p.secretary.openid,
      createdAt: new Date(spec.startsAt.getTime() - 7 * DAY),
      updatedAt: new Date(spec.startsAt.getTime() - 7 * DAY),
    });
    for (const branchId of spec.audience)
      audiences.push({
        _id: `${spec.id}_${branchId}`,
        eventId: spec.id,
        branchId,
        status: 'published',
        startsAt: spec.startsAt,
        endsAt,
      });
    const signedUpAt = new Date(spec.startsAt.getTime() - 3 * DAY);
    spec.people.forEach((person, i) => {
      registrations.push({
        _id: `${spec.id}_${person.openid}`,
        eventId: spec.id,
        memberId: person.openid,
        branchId: person.branchId,
        name: person.name,
        status: 'registered',
        sequence: i + 1,
        signedUpAt,
        updatedAt: signedUpAt,
        pending: false,
        request: null,
        refusal: null,
        released: null,
      });
      const leave = spec.onLeave?.find((l) => l.openid === person.openid);
      if (leave)
        leaves.push({
          _id: `${spec.id}_${person.openid}`,
          eventId: spec.id,
          memberId: person.openid,
          branchId: person.branchId,
          name: person.name,
          reason: leave.reason,
          status: 'requested',
          at: new Date(spec.startsAt.getTime() - DAY),
        });
      if (leave || spec.absent?.includes(person.openid)) return;
      const checkedAt = new Date(spec.startsAt.getTime() - (10 - i) * MINUTE);
      checkIns.push({
        _id: `${spec.id}_${person.openid}`,
        eventId: spec.id,
        memberId: person.openid,
        branchId: person.branchId,
        name: person.name,
        status: 'present',
        at: checkedAt,
        timing: 'onTime',
        method: 'qr',
        byName: null,
        reason: null,
        history: [{ action: 'checkIn', by: person.openid, byName: person.name, at: checkedAt, reason: null }],
      });
    });
    if (spec.record)
      records.push({
        _id: spec.id,
        eventId: spec.id,
        owner: spec.owner,
        ownerKey: key,
        startsAt: spec.startsAt,
        title: spec.title,
        kind: spec.record.kind,
        topic: spec.record.topic,
        form: spec.form,
        host: p.secretary.name,
        content: `围绕“${spec.record.topic}”集中学习并交流发言。`,
        decisions: spec.record.decisions ?? '',
        attachments: [],
        outcomes: { ...zero(), ...spec.record.outcomes },
        adjustments: [],
        updatedBy: p.secretary.openid,
        updatedByName: p.secretary.name,
        createdAt: endsAt,
        updatedAt: endsAt,
      });
  };

  const branch = { kind: 'branch' as const, id: p.financeId };
  const pairing = { kind: 'pairing' as const, id: p.pairingId };
  const [wang, chen, sun] = [everyone[1]!, everyone[2]!, everyone[3]!];
  for (let back = 11; back >= 1; back -= 1) {
    const month = addMonths(thisMonth, -back);
    const m = Number(month.slice(5));
    add({
      id: `demo-rv-td-${month}`,
      owner: branch,
      kind: 'themeDay',
      title: `${m}月主题党日`,
      form: '集体学习',
      startsAt: at(`${month}-15`, '14:30'),
      audience: [p.financeId],
      people: everyone,
      onLeave: back % 4 === 1 && sun ? [{ openid: sun.openid, reason: '外出参加业务培训' }] : [],
      absent: back === 6 && chen ? [chen.openid] : [],
      record: { kind: '主题党日', topic: `${m}月主题党日：学习贯彻党的二十届四中全会精神` },
    });
    // The committee meeting of two months ago was never minuted.
    add({
      id: `demo-rv-zwh-${month}`,
      owner: branch,
      kind: 'activity',
      title: `${m}月支委会`,
      form: '其他',
      startsAt: at(`${month}-05`, '09:00'),
      audience: [p.financeId],
      people: [everyone[0]!, chen!],
      ...(back === 2
        ? {}
        : { record: { kind: '支委会', topic: `研究${m}月支部工作`, decisions: '确定本月主题党日安排' } }),
    });
    if (m % 3 === 0)
      add({
        id: `demo-rv-dk-${month}`,
        owner: branch,
        kind: 'activity',
        title: `${m}月专题党课`,
        form: '讲党课',
        startsAt: at(`${month}-20`, '15:00'),
        audience: [p.financeId],
        people: everyone,
        record: { kind: '党课', topic: '书记讲党课：以党建引领乡村振兴' },
      });
    if (back === 5)
      add({
        id: `demo-rv-visit-${month}`,
        owner: branch,
        kind: 'activity',
        title: '走访慰问困难党员',
        form: '走访慰问',
        startsAt: at(`${month}-10`, '09:00'),
        audience: [p.financeId],
        people: [everyone[0]!, wang!],
        record: {
          kind: '党小组会',
          topic: '走访慰问困难党员和老党员',
          outcomes: { peopleVisited: 12, servicesDelivered: 3 },
        },
      });
    const startsAt = at(`${month}-25`, '14:30');
    if (startsAt > p.pairingStartedAt && m % 2 === 0)
      add({
        id: `demo-rv-lx-${month}`,
        owner: pairing,
        kind: 'activity',
        title: `${m}月联学联建`,
        form: '集体学习',
        startsAt,
        audience: [p.financeId, p.partnerSecretary.branchId],
        people: [everyone[0]!, wang!, { ...p.partnerSecretary }],
        record: {
          kind: '联学',
          topic: '村局联学：共谋产业发展',
          outcomes: { forums: 1, researchVisits: 1, volunteers: 6, volunteerHours: 18 },
        },
      });
  }

  const first = addMonths(thisMonth, -11);
  const termEnd = `${addMonths(thisMonth, 12)}-01`;
  const points: ContactPointDoc[] = [
    {
      _id: DEMO_REVIEW.keptPointId,
      committeeId: p.committeeId,
      leaderOpenid: p.secretary.openid,
      leaderName: p.secretary.name,
      leaderBranchId: p.financeId,
      branchId: p.agricultureId,
      termStart: `${first}-01`,
      termEnd,
      createdBy: p.office.openid,
      createdAt: at(`${first}-01`, '09:00'),
    },
    {
      _id: DEMO_REVIEW.missedPointId,
      committeeId: p.committeeId,
      leaderOpenid: p.agricultureMember.openid,
      leaderName: p.agricultureMember.name,
      leaderBranchId: p.agricultureId,
      branchId: p.financeId,
      termStart: `${first}-01`,
      termEnd,
      createdBy: p.office.openid,
      createdAt: at(`${first}-01`, '09:10'),
    },
  ];
  const logs: ContactPointLogDoc[] = [];
  const note = (point: ContactPointDoc, date: string, kind: 'note' | 'visit', summary: string) =>
    logs.push({
      _id: `demo-cpl-${point.leaderOpenid}-${date}-${kind}`,
      contactPointId: point._id,
      committeeId: point.committeeId,
      leaderOpenid: point.leaderOpenid,
      kind,
      visitKind: kind === 'visit' ? '调研' : null,
      date,
      summary,
      at: at(date, '18:00'),
    });
  for (let back = 11; back >= 1; back -= 1) {
    const month = addMonths(thisMonth, -back);
    note(points[0]!, `${month}-08`, 'note', '电话了解支部本月学习安排，提醒按时开展主题党日');
    if (back !== DEMO_REVIEW.missedMonthsBack)
      note(points[1]!, `${month}-12`, 'note', '查阅支部会议记录，指导规范填写');
  }
  note(points[0]!, `${addMonths(thisMonth, -9)}-18`, 'visit', '到支部调研农业项目党建融合情况');
  note(points[0]!, `${addMonths(thisMonth, -4)}-22`, 'visit', '到支部调研秋粮收购');

  const rules: CadenceRulesDoc = {
    _id: p.committeeId,
    items: DEFAULT_CADENCE,
    contactDuty: DEFAULT_CONTACT_DUTY,
    updatedBy: p.office.openid,
    updatedAt: at(`${first}-01`, '09:00'),
  };

  const bulk = async (collection: string, docs: { _id: string }[]) => {
    for (let i = 0; i < docs.length; i += 200)
      if (docs.length) await db.collection(collection).add(docs.slice(i, i + 200));
  };
  await bulk('events', events);
  await bulk('eventAudiences', audiences);
  await bulk('registrations', registrations);
  await bulk('checkins', checkIns);
  await bulk('leaves', leaves);
  // The latest theme day's minutes carry the sign-in sheet, so 会议记录 shows a file that opens.
  const latestThemeDay = records.filter((r) => r.kind === '主题党日').at(-1);
  if (latestThemeDay) {
    const fileID = await storeFile(`${uploadFolder(p.secretary.openid, 'minutes')}demo-sign-in.pdf`, SIGN_IN_PDF);
    latestThemeDay.attachments = [{ fileID, name: `${latestThemeDay.title}签到表.pdf` }];
  }
  await bulk('orgLifeRecords', records);
  await bulk('contactPoints', points);
  await bulk('contactPointLogs', logs);
  await bulk('cadenceRules', [rules]);
  return [
    `review: ${events.length} past events of the last 11 months (${records.length} minuted, ${leaves.length} 请假), contact points of 李明 (kept) and ${p.agricultureMember.name} (missed ${addMonths(thisMonth, -DEMO_REVIEW.missedMonthsBack)}, no visit); office ${p.office.name} sees the dashboard`,
  ];
}
