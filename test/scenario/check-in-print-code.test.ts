/**
 * The printed check-in code through the gateway: made once per event as a mini-program code whose
 * scene names a short code, reused afterwards, refused to members and to events without a
 * position, and resolved by the scanner page to check in by location.
 */
import type { ApiResult, PrintedCheckInCode } from '../../src/contract';
import type { EventCodeDoc } from '../../src/db/documents';
import {
  call,
  errorCode,
  eventInput,
  FAR,
  makeBranch,
  MINUTE,
  NEAR,
  PLACE,
  publishedEvent,
  type TestBranch,
} from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;
let guests: TestBranch;

const PAGE = 'packages/events/check-in/index';

beforeAll(async () => {
  cloud = await startApiCloud();
  branch = await makeBranch(cloud, 'b-print', 3);
  guests = await makeBranch(cloud, 'b-print-guest', 1);
}, 60_000);
afterAll(() => cloud.stop());

async function codesOf(eventId: string): Promise<EventCodeDoc[]> {
  const { data } = await cloud.db().collection('eventCodes').where({ eventId }).get();
  return data as EventCodeDoc[];
}

async function sentFor(scene: string): Promise<unknown[]> {
  return (await cloud.outbox('wxacode.getUnlimited')).filter((sent) => sent.params.scene === scene);
}

const print = (eventId: string, openid: string): Promise<ApiResult<unknown>> =>
  cloud.api('checkin.printCode', { eventId }, openid);

describe('printing the check-in code of an event that requires location', () => {
  it('makes one mini-program code with a short scene, stores it, and reuses it', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    const printed = await call(cloud, 'checkin.printCode', { eventId: event.id }, branch.secretary);
    expect(printed.scene).toMatch(/^e=[A-Z2-9]{8}$/);
    const sent = await sentFor(printed.scene);
    expect(sent).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ scene: printed.scene, page: PAGE }) }),
    ]);
    expect(printed.fileId).toMatch(/^cloud:\/\/lianjian-local\./);
    const png = Buffer.from(await (await fetch(printed.url)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    // Asked again, by another organiser: the same code and image, no second call to WeChat.
    const again = await call(cloud, 'checkin.printCode', { eventId: event.id }, branch.committeeMember);
    expect(again).toMatchObject({ scene: printed.scene, fileId: printed.fileId });
    expect(await sentFor(printed.scene)).toHaveLength(1);
    expect(await codesOf(event.id)).toHaveLength(1);
  });

  it('gives one code to an event printed by two organisers at once', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    const both = await Promise.all([print(event.id, branch.secretary), print(event.id, branch.committeeMember)]);
    const scenes = both.map((result) => (result.ok ? (result.data as PrintedCheckInCode).scene : result.error.code));
    expect(scenes[0]).toMatch(/^e=/);
    expect(scenes[1]).toBe(scenes[0]);
    expect(await codesOf(event.id)).toHaveLength(1);
  });

  it('is for organisers only, and only for events that check the position', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    expect(errorCode(await print(event.id, branch.members[0]!))).toBe('FORBIDDEN');
    expect(errorCode(await print(event.id, guests.members[0]!))).toBe('FORBIDDEN');
    const draft = await call(cloud, 'event.create', eventInput(10 * MINUTE, { place: PLACE }), branch.secretary);
    expect(errorCode(await print(draft.id, branch.members[0]!))).toBe('NOT_FOUND');

    const noPosition = await publishedEvent(cloud, branch, 10 * MINUTE);
    const notRequired = await publishedEvent(cloud, branch, 10 * MINUTE, {
      place: { ...PLACE, requireLocation: false },
    });
    for (const id of [noPosition.id, notRequired.id]) {
      expect(await print(id, branch.secretary)).toMatchObject({
        ok: false,
        error: { code: 'PRINT_CODE_NEEDS_LOCATION', message: expect.stringContaining('签到位置') },
      });
      expect(await codesOf(id)).toEqual([]);
    }
  });
});

describe('scanning the printed code', () => {
  it('resolves the scene’s code to the event and checks in within the radius only', async () => {
    const event = await publishedEvent(cloud, branch, 10 * MINUTE, { place: PLACE });
    const { scene } = await call(cloud, 'checkin.printCode', { eventId: event.id }, branch.secretary);
    const code = scene.slice('e='.length);
    const [near, far] = branch.members as [string, string];

    // The page may hand over the code in lower case (typed, or a scanner's normalisation).
    const resolved = await call(cloud, 'checkin.resolveCode', { code: code.toLowerCase() }, near);
    expect(resolved).toEqual({ eventId: event.id });
    expect(await cloud.api('checkin.scan', { eventId: resolved.eventId, location: NEAR }, near)).toMatchObject({
      ok: true,
      data: { eventId: event.id, method: 'location', alreadyCheckedIn: false },
    });
    expect(errorCode(await cloud.api('checkin.scan', { eventId: event.id, location: FAR }, far))).toBe('OUT_OF_RANGE');
    expect(errorCode(await cloud.api('checkin.resolveCode', { code: 'ZZZZZZZZ' }, near))).toBe('CHECKIN_CODE_INVALID');
  });
});
